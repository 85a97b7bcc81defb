/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** `/__sandbox/` hooks: loopback-only, credentials, request log, reset, stored invoices, seeding. */

import { networkInterfaces } from 'node:os';
import { isLoopbackAddress } from '../index';
import type { Sandbox } from '../index';
import { Client, rawRequest, signHttp } from '../client';
import { startQuiet } from './helpers';

describe('isLoopbackAddress', () => {
	test.each([
		['127.0.0.1', true],
		['127.255.0.9', true],
		['::1', true],
		['::ffff:127.0.0.1', true],
		['10.0.0.1', false],
		['192.168.1.20', false],
		['::ffff:10.0.0.1', false],
		['1127.0.0.1', false],
		['::2', false],
		['0.0.0.0', false],
		['', false],
		[undefined, false],
	])('%p → %p', (address, expected) => {
		expect(isLoopbackAddress(address)).toBe(expected);
	});
});

describe('hooks over HTTP', () => {
	let sandbox: Sandbox;
	let client: Client;
	const hook = (method: string, path: string, body?: unknown) =>
		rawRequest(sandbox.url, {
			method,
			path,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});

	beforeAll(async () => {
		sandbox = await startQuiet({ merchants: [{ merchantId: 'other_merchant' }] });
		client = new Client(sandbox);
	});
	afterAll(() => sandbox.close());

	test('GET /__sandbox/merchant gives everything an n8n credential needs', async () => {
		const response = await hook('GET', '/__sandbox/merchant');
		expect(response.status).toBe(200);
		expect(response.json).toEqual({
			...sandbox.merchant,
			baseUrl: sandbox.url,
			metaKey: {
				portfolioId: 'sandbox_portfolio',
				keyId: expect.stringMatching(/^[0-9a-f-]{36}$/),
				sharedSecret: expect.any(String),
				merchantIds: ['sandbox_merchant'],
			},
		});
		expect(sandbox.merchant).toMatchObject({
			merchantId: 'sandbox_merchant',
			keyAlias: 'sandbox_merchant',
			portfolioId: 'sandbox_portfolio',
			keyId: expect.stringMatching(
				/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
			),
		});
		expect(Buffer.from(sandbox.merchant.sharedSecret, 'base64')).toHaveLength(32);
		const all = await hook('GET', '/__sandbox/merchants');
		expect(
			all.json.merchants.map((merchant: { merchantId: string }) => merchant.merchantId).sort(),
		).toEqual(['other_merchant', 'sandbox_merchant']);
	});

	test('the default meta key signs for sandbox_merchant', async () => {
		const meta = sandbox.metaKeys[0];
		const path = '/invoicing/v2/invoices?offset=0&limit=1';
		const headers = signHttp({
			method: 'GET',
			path,
			host: new URL(sandbox.url).host,
			date: new Date().toUTCString(),
			keyId: meta.keyId,
			secret: meta.sharedSecret,
			signedMerchantId: 'sandbox_portfolio',
			headerMerchantId: 'sandbox_merchant',
		});
		expect((await rawRequest(sandbox.url, { method: 'GET', path, headers })).status).toBe(200);
	});

	test('request log: only API requests, since is exclusive, DELETE clears, seq keeps growing', async () => {
		await hook('DELETE', '/__sandbox/requests');
		const created = await client.create();
		await client.get(`/invoicing/v2/invoices/${created.json.id}`);
		await hook('GET', '/__sandbox/merchant');
		const all = (await hook('GET', '/__sandbox/requests')).json.requests;
		expect(
			all.map((entry: { method: string; path: string }) => `${entry.method} ${entry.path}`),
		).toEqual(['POST /invoicing/v2/invoices', `GET /invoicing/v2/invoices/${created.json.id}`]);
		expect(all[0]).toEqual({
			seq: expect.any(Number),
			time: expect.stringMatching(/Z$/),
			method: 'POST',
			path: '/invoicing/v2/invoices',
			headers: expect.objectContaining({
				digest: expect.stringMatching(/^SHA-256=/),
				'v-c-merchant-id': 'sandbox_merchant',
			}),
			body: expect.stringContaining('"description":"Test invoice"'),
			status: 201,
			verdict: 'ok',
			merchantId: 'sandbox_merchant',
			authMode: 'httpSignature',
		});
		const since = (await hook('GET', `/__sandbox/requests?since=${all[0].seq}`)).json.requests;
		expect(since).toHaveLength(1);
		expect(since[0].seq).toBe(all[1].seq);
		expect(sandbox.requests({ pathIncludes: '/invoices/' })).toHaveLength(1);
		await hook('DELETE', '/__sandbox/requests');
		expect(sandbox.requests()).toEqual([]);
		await client.get('/invoicing/v2/invoices?offset=0&limit=1');
		expect(sandbox.requests()[0].seq).toBe(all[1].seq + 1);
	});

	test('stored invoices, per merchant via query or body', async () => {
		const created = await client.create();
		const got = await hook('GET', `/__sandbox/invoices/${created.json.id}`);
		expect(got.status).toBe(200);
		expect(got.json.invoiceHistory).toEqual([{ event: 'DRAFT', date: expect.any(String) }]);
		expect((await hook('GET', '/__sandbox/invoices/none')).status).toBe(404);
		const seeded = await hook('POST', '/__sandbox/seed', {
			count: 2,
			merchantId: 'other_merchant',
			status: 'CANCELED',
		});
		expect(seeded.status).toBe(201);
		const other = await hook(
			'GET',
			`/__sandbox/invoices/${seeded.json.ids[0]}?merchantId=other_merchant`,
		);
		expect(other.json.status).toBe('CANCELED');
		expect((await hook('GET', '/__sandbox/invoices/x?merchantId=nobody')).json).toEqual({
			error: 'unknown merchant nobody',
		});
	});

	test('seed validates its inputs', async () => {
		expect((await hook('POST', '/__sandbox/seed', { count: 1, status: 'LOST' })).json).toEqual({
			error: 'unknown status LOST',
		});
		expect((await hook('POST', '/__sandbox/seed', { count: -1 })).status).toBe(400);
		const bad = await hook('POST', '/__sandbox/seed', {
			count: 1,
			template: {
				orderInformation: { lineItems: [{ productName: 'W', unitPrice: '1', quantity: 0 }] },
			},
		});
		expect(bad.json).toEqual({
			error: 'invalid template: orderInformation.lineItems[0].quantity INVALID_DATA',
		});
		const custom = await hook('POST', '/__sandbox/seed', {
			count: 3,
			status: 'PARTIAL',
			template: { orderInformation: { amountDetails: { totalAmount: '10.01' } } },
		});
		const stored = sandbox.getInvoice(custom.json.ids[0]) as any;
		expect(stored.status).toBe('PARTIAL');
		expect(stored.orderInformation.amountDetails).toEqual({
			totalAmount: 10.01,
			currency: 'USD',
			balanceAmount: 5.01,
		});
		expect(stored.invoiceInformation.allowPartialPayments).toBe(true);
	});

	test('reset clears state but keeps merchants; unknown hooks 404; bad JSON 400', async () => {
		await client.create();
		expect((await hook('POST', '/__sandbox/reset')).json).toEqual({ ok: true });
		const list = await client.get('/invoicing/v2/invoices?offset=0&limit=5');
		expect(list.status).toBe(200);
		expect(list.json.totalInvoices).toBe(0);
		expect(sandbox.requests()).toHaveLength(1);
		expect((await hook('GET', '/__sandbox/nothing')).status).toBe(404);
		const bad = await rawRequest(sandbox.url, {
			method: 'POST',
			path: '/__sandbox/seed',
			body: '{nope',
		});
		expect(bad.status).toBe(400);
		expect(bad.json).toEqual({ error: 'body is not JSON' });
	});
});

const external = Object.values(networkInterfaces())
	.flat()
	.find((address) => address && address.family === 'IPv4' && !address.internal)?.address;

(external ? test : test.skip)(
	`hooks refuse a non-loopback client (${external ?? 'no external interface'})`,
	async () => {
		const sandbox = await startQuiet({ host: '0.0.0.0' });
		try {
			const port = new URL(sandbox.url).port;
			const response = await rawRequest(`http://${external}:${port}`, {
				method: 'GET',
				path: '/__sandbox/merchant',
			});
			expect(response.status).toBe(403);
			expect(response.json).toEqual({ error: 'sandbox hooks only answer loopback clients' });
			// The API itself still answers (and demands a signature).
			const api = await rawRequest(`http://${external}:${port}`, {
				method: 'GET',
				path: '/invoicing/v2/invoices?offset=0&limit=1',
			});
			expect(api.status).toBe(401);
		} finally {
			await sandbox.close();
		}
	},
);
