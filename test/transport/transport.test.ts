/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { runNode, stopEngineTimers } from '../harness/engine';
import { futureDate, sandboxCredentials, startTestSandbox, type Sandbox } from '../harness/sandbox';
import { TransportProbe } from './probeNode';

const FAST = { timeoutMs: 400, baseDelayMs: 20, maxTotalWaitMs: 5000 };

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(async () => {
	await sandbox.close();
	stopEngineTimers();
});
beforeEach(() => sandbox.reset());

function createBody(invoiceNumber?: string) {
	return {
		customerInformation: { name: 'Tanya Lee', email: 'tanya@example.com' },
		invoiceInformation: {
			...(invoiceNumber ? { invoiceNumber } : {}),
			description: 'Transport test',
			dueDate: futureDate(),
			sendImmediately: true,
			deliveryMode: 'none',
		},
		orderInformation: { amountDetails: { totalAmount: '10.00', currency: 'USD' } },
	};
}

async function probe(parameters: Record<string, unknown>, credentials = sandboxCredentials(sandbox)) {
	return await runNode({
		nodeType: new TransportProbe(),
		credentials,
		parameters: {
			tuning: JSON.stringify(FAST),
			...Object.fromEntries(
				Object.entries(parameters).map(([key, value]) => [key, typeof value === 'object' ? JSON.stringify(value) : value]),
			),
		} as never,
	});
}

describe('transport: signed requests', () => {
	it('sends the query string exactly as signed and returns the JSON body', async () => {
		sandbox.seed(3);
		const result = await probe({ method: 'GET', path: '/invoicing/v2/invoices', query: { offset: 0, limit: 2, status: 'DRAFT' } });
		expect(result.error).toBeUndefined();
		expect(result.json[0].statusCode).toBe(200);
		const [logged] = sandbox.requests();
		expect(logged.path).toBe('/invoicing/v2/invoices?offset=0&limit=2&status=DRAFT');
		expect(logged.verdict).toBe('ok');
		expect(logged.authMode).toBe('jwtHS256');
	});

	it('URL-encodes invoice numbers in paths before signing', async () => {
		const created = await probe({ method: 'POST', path: '/invoicing/v2/invoices', body: createBody('INV 1/2') });
		expect(created.error).toBeUndefined();
		const got = await probe({ method: 'GET', path: `/invoicing/v2/invoices/${encodeURIComponent('INV 1/2')}` });
		expect(got.error).toBeUndefined();
		expect(sandbox.requests().at(-1)?.path).toBe('/invoicing/v2/invoices/INV%201%2F2');
		expect((got.json[0].body as { id: string }).id).toBe('INV 1/2');
	});
});

describe('transport: retries', () => {
	it('retries a GET on 502 and 503, then succeeds', async () => {
		sandbox.injectFault({ kind: '502', count: 1, method: 'GET' });
		sandbox.injectFault({ kind: '503', count: 1, method: 'GET' });
		const result = await probe({ method: 'GET', path: '/invoicing/v2/invoices', query: { offset: 0, limit: 1 } });
		expect(result.error).toBeUndefined();
		expect(sandbox.requests().map((r) => r.status)).toEqual([502, 503, 200]);
	});

	it('gives up on a read after 8 attempts with a message that says so', async () => {
		sandbox.injectFault({ kind: '504', count: 10 });
		const result = await probe({ method: 'GET', path: '/invoicing/v2/invoices', query: { offset: 0, limit: 1 } });
		expect(result.error?.message).toMatch(/^Cybersource had a server problem \(504\)/);
		expect(result.error?.description).toContain('Gave up after 8 attempt(s)');
		expect(sandbox.requests()).toHaveLength(8);
	});

	it('gives up on a PUT after 3 attempts', async () => {
		sandbox.injectFault({ kind: '504', count: 5, method: 'PUT' });
		const result = await probe({ method: 'PUT', path: '/invoicing/v2/invoices/NOPE-1', body: createBody() });
		expect(result.error?.description).toContain('Gave up after 3 attempt(s)');
		expect(sandbox.requests()).toHaveLength(3);
	});

	it('honours Retry-After on 429', async () => {
		sandbox.injectFault({ kind: '429', count: 1, retryAfterSeconds: 1 });
		const result = await probe({ method: 'GET', path: '/invoicing/v2/invoices', query: { offset: 0, limit: 1 } });
		expect(result.error).toBeUndefined();
		const [first, second] = sandbox.requests();
		expect(first.status).toBe(429);
		expect(Date.parse(second.time) - Date.parse(first.time)).toBeGreaterThanOrEqual(950);
	});

	it('retries a PUT after a connection reset and a timeout', async () => {
		const created = await probe({ method: 'POST', path: '/invoicing/v2/invoices', body: createBody('PUT-1') });
		expect(created.error).toBeUndefined();
		sandbox.clearRequests();
		sandbox.injectFault({ kind: 'reset', count: 1, method: 'PUT' });
		sandbox.injectFault({ kind: 'hang', count: 1, method: 'PUT' });
		const body = createBody();
		delete (body.invoiceInformation as Record<string, unknown>).sendImmediately;
		const result = await probe({ method: 'PUT', path: '/invoicing/v2/invoices/PUT-1', body });
		expect(result.error).toBeUndefined();
		expect(sandbox.requests().map((r) => r.status)).toEqual([0, 0, 200]);
	});

	it('never retries a POST that may have been received: a create is not duplicated', async () => {
		sandbox.injectFault({ kind: '502', count: 1, method: 'POST' });
		const failed = await probe({ method: 'POST', path: '/invoicing/v2/invoices', body: createBody() });
		expect(failed.error?.message).toMatch(/^Cybersource had a server problem \(502\)/);
		expect(failed.error?.description).toContain('not retried automatically');
		expect(sandbox.requests()).toHaveLength(1);

		sandbox.clearRequests();
		sandbox.injectFault({ kind: 'reset', count: 1, method: 'POST' });
		const reset = await probe({ method: 'POST', path: '/invoicing/v2/invoices', body: createBody() });
		expect(reset.error?.message).toMatch(/Could not reach Cybersource at 127\.0\.0\.1:\d+ \(ECONNRESET\)/);
		expect(reset.error?.description).toContain('may have reached Cybersource');
		expect(sandbox.requests()).toHaveLength(1);

		sandbox.clearRequests();
		sandbox.injectFault({ kind: 'hang', count: 1, method: 'POST' });
		const hung = await probe({ method: 'POST', path: '/invoicing/v2/invoices', body: createBody() });
		expect(hung.error?.message).toMatch(/did not answer in time/);
		expect(sandbox.requests()).toHaveLength(1);
	});

	it('retries a POST whose connection was refused, since nothing was sent', async () => {
		const merchants = [
			{
				merchantId: 'refusal_merchant',
				keyId: '99999999-2222-3333-4444-555555555555',
				sharedSecret: Buffer.from('refusal-merchant-shared-secret-32').toString('base64'),
			},
		];
		const first = await startTestSandbox({ merchants });
		const port = Number(new URL(first.url).port);
		await first.close();
		const credentials = {
			environment: 'custom',
			baseUrl: first.url,
			merchantId: 'refusal_merchant',
			authMode: 'jwtSharedSecret',
			accessKeyId: merchants[0].keyId,
			sharedSecret: merchants[0].sharedSecret,
		};
		// The server comes back while the node waits before its second attempt.
		let revived: Sandbox | undefined;
		const revive = new Promise<void>((resolve) =>
			setTimeout(() => {
				void startTestSandbox({ port, merchants }).then((started) => {
					revived = started;
					resolve();
				});
			}, 100),
		);
		const result = await runNode({
			nodeType: new TransportProbe(),
			credentials,
			parameters: {
				method: 'POST',
				path: '/invoicing/v2/invoices',
				body: JSON.stringify(createBody('REFUSED-1')),
				tuning: JSON.stringify({ ...FAST, baseDelayMs: 1500 }),
			},
		});
		await revive;
		try {
			expect(result.error).toBeUndefined();
			expect(result.json[0].statusCode).toBe(201);
			expect(revived!.requests()).toHaveLength(1);
		} finally {
			await revived?.close();
		}
	});
});

describe('transport: errors a user can act on', () => {
	it('401: authentication failed, with what to check', async () => {
		const wrong = { ...sandboxCredentials(sandbox), sharedSecret: Buffer.from('not the secret').toString('base64') };
		const result = await probe({ method: 'GET', path: '/invoicing/v2/invoices', query: { offset: 0, limit: 1 } }, wrong);
		expect(result.error?.message).toBe('Cybersource authentication failed');
		expect(result.error?.description).toContain('Cybersource says: Authentication Failed');
		expect(result.error?.description).toContain('the Shared Secret Key must be the secret of this Key ID');
		expect(result.error?.httpCode).toBe('401');
	});

	it('400: Cybersource message and each field detail', async () => {
		const body = createBody();
		(body.customerInformation as Record<string, unknown>).email = 'x'.repeat(300);
		const result = await probe({ method: 'POST', path: '/invoicing/v2/invoices', body });
		expect(result.error?.message).toMatch(/^Cybersource rejected the request: .+\(customerInformation\.email: .+\)$/);
		expect(result.error?.httpCode).toBe('400');
	});

	it('404: names the invoice', async () => {
		const result = await probe({ method: 'GET', path: '/invoicing/v2/invoices/NOPE-42' });
		expect(result.error?.message).toBe('Invoice "NOPE-42" does not exist');
	});

	it('a 200 that is not JSON is read again (reading is safe to repeat)', async () => {
		sandbox.injectFault({ kind: 'malformed', count: 2 });
		const result = await probe({ method: 'GET', path: '/invoicing/v2/invoices', query: { offset: 0, limit: 1 } });
		expect(result.error).toBeUndefined();
		expect(sandbox.requests().map((r) => r.status)).toEqual([200, 200, 200]);
	});

	it('a 200 that is never JSON is an error after the read budget, not an empty result', async () => {
		sandbox.injectFault({ kind: 'malformed', count: 8 });
		const result = await probe({ method: 'GET', path: '/invoicing/v2/invoices', query: { offset: 0, limit: 1 } });
		expect(result.error?.message).toBe('Cybersource answered 200 with something that is not JSON');
		expect(sandbox.requests()).toHaveLength(8);
	});

	it('a credential field problem is named and nothing is sent', async () => {
		const broken = { ...sandboxCredentials(sandbox), sharedSecret: 'not base64!' };
		const result = await probe({ method: 'GET', path: '/invoicing/v2/invoices', query: { offset: 0, limit: 1 } }, broken);
		expect(result.error?.message).toContain('field "Shared Secret Key"');
		expect(sandbox.requests()).toHaveLength(0);
	});
});

describe('transport: pagination', () => {
	it('reads 2,500 invoices in exactly 3 pages of at most 1000', async () => {
		sandbox.seed(2500);
		const result = await probe({ call: 'list', query: {} });
		expect(result.error).toBeUndefined();
		expect(result.json[0].count).toBe(2500);
		const pages = sandbox.requests().map((r) => r.path);
		expect(pages).toEqual([
			'/invoicing/v2/invoices?offset=0&limit=1000',
			'/invoicing/v2/invoices?offset=1000&limit=1000',
			'/invoicing/v2/invoices?offset=2000&limit=1000',
		]);
	});

	it('asks only for what it needs up to a maximum', async () => {
		sandbox.seed(1600);
		const result = await probe({ call: 'list', query: {}, max: 1200 });
		expect(result.json[0].count).toBe(1200);
		expect(sandbox.requests().map((r) => r.path)).toEqual([
			'/invoicing/v2/invoices?offset=0&limit=1000',
			'/invoicing/v2/invoices?offset=1000&limit=200',
		]);
	});

	it('stops on an empty page even if the total says there is more', async () => {
		const paths: string[] = [];
		const liar = http.createServer((request, response) => {
			paths.push(request.url ?? '');
			response.setHeader('content-type', 'application/json');
			response.end(JSON.stringify({ totalInvoices: 5000, invoices: [] }));
		});
		await new Promise<void>((resolve) => liar.listen(0, '127.0.0.1', resolve));
		const { port } = liar.address() as AddressInfo;
		try {
			const result = await probe(
				{ call: 'list', query: {} },
				{ ...sandboxCredentials(sandbox), baseUrl: `http://127.0.0.1:${port}` },
			);
			expect(result.json[0].count).toBe(0);
			expect(paths).toEqual(['/invoicing/v2/invoices?offset=0&limit=1000']);
		} finally {
			liar.close();
		}
	});
});
