/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** Listing: pagination over 2,500 seeded invoices, newest first, links, filters, list-summary shape, per-merchant data. */

import type { Sandbox } from '../index';
import { Client, rawRequest } from '../client';
import { startQuiet } from './helpers';

let sandbox: Sandbox;
let client: Client;
let ids: string[];

beforeAll(async () => {
	sandbox = await startQuiet({ merchants: [{ merchantId: 'second_merchant' }] });
	client = new Client(sandbox);
	const started = performance.now();
	const seeded = await rawRequest(sandbox.url, {
		method: 'POST',
		path: '/__sandbox/seed',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ count: 2500, status: 'SENT' }),
	});
	const elapsed = performance.now() - started;
	expect(seeded.status).toBe(201);
	expect(elapsed).toBeLessThan(1000);
	ids = seeded.json.ids;
});
afterAll(() => sandbox.close());

const list = (query: string) => client.get(`/invoicing/v2/invoices?${query}`);

test('seeding 2,500 returns 2,500 distinct ids, stored as SENT', () => {
	expect(ids).toHaveLength(2500);
	expect(new Set(ids).size).toBe(2500);
	expect((sandbox.getInvoice(ids[0]) as any).status).toBe('SENT');
});

test('first page: newest first, totalInvoices, self + next, no previous', async () => {
	const response = await list('offset=0&limit=1000');
	expect(response.status).toBe(200);
	expect(response.json.totalInvoices).toBe(2500);
	expect(response.json.invoices).toHaveLength(1000);
	expect(response.json.invoices[0].id).toBe(ids[2499]);
	expect(response.json.invoices[999].id).toBe(ids[1500]);
	expect(response.json._links).toEqual({
		self: { href: '/v2/invoices/?offset=0&limit=1000', method: 'GET' },
		next: { href: '/v2/invoices/?offset=1000&limit=1000', method: 'GET' },
	});
	expect(response.json.submitTimeUtc).toMatch(/\.\d{9}Z$/);
});

test('middle and last pages carry previous/next correctly', async () => {
	const middle = await list('offset=1000&limit=1000');
	expect(middle.json._links).toEqual({
		self: { href: '/v2/invoices/?offset=1000&limit=1000', method: 'GET' },
		next: { href: '/v2/invoices/?offset=2000&limit=1000', method: 'GET' },
		previous: { href: '/v2/invoices/?offset=0&limit=1000', method: 'GET' },
	});
	const last = await list('offset=2000&limit=1000');
	expect(last.json.invoices).toHaveLength(500);
	expect(last.json.invoices[499].id).toBe(ids[0]);
	expect(last.json._links).toEqual({
		self: { href: '/v2/invoices/?offset=2000&limit=1000', method: 'GET' },
		previous: { href: '/v2/invoices/?offset=1000&limit=1000', method: 'GET' },
	});
	const beyond = await list('offset=2500&limit=1000');
	expect(beyond.status).toBe(200);
	expect(beyond.json.invoices).toEqual([]);
	expect(beyond.json.totalInvoices).toBe(2500);
	const odd = await list('offset=3&limit=5');
	expect(odd.json.invoices.map((item: { id: string }) => item.id)).toEqual(
		ids.slice(2492, 2497).reverse(),
	);
	expect(odd.json._links.previous).toEqual({
		href: '/v2/invoices/?offset=0&limit=5',
		method: 'GET',
	});
});

test('walking offset += limit visits every invoice once, newest first', async () => {
	const seen: string[] = [];
	for (let offset = 0; ; offset += 700) {
		const page = await list(`offset=${offset}&limit=700`);
		seen.push(...page.json.invoices.map((item: { id: string }) => item.id));
		if (offset + 700 >= page.json.totalInvoices) break;
	}
	expect(seen).toEqual([...ids].reverse());
});

test('summary items have the list summary shape (no balance, email or line items)', async () => {
	const response = await list('offset=0&limit=1');
	const id = ids[2499];
	expect(response.json.invoices[0]).toEqual({
		_links: { self: { href: `/v2/invoices/${id}`, method: 'GET' } },
		id,
		status: 'SENT',
		createdDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
		customerInformation: { name: 'Seeded Customer' },
		invoiceInformation: {
			dueDate: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
			paymentLink: expect.stringContaining('/payInvoice/'),
		},
		orderInformation: { amountDetails: { totalAmount: 100, currency: 'USD' } },
	});
});

test('status filter counts only matching invoices; the link keeps the filter', async () => {
	const paid = sandbox.seed(7, { status: 'PAID' });
	const response = await list('offset=0&limit=5&status=PAID');
	expect(response.json.totalInvoices).toBe(7);
	expect(response.json.invoices.map((item: { id: string }) => item.id)).toEqual(
		paid.slice(2).reverse(),
	);
	expect(response.json._links.next).toEqual({
		href: '/v2/invoices/?offset=5&limit=5&status=PAID',
		method: 'GET',
	});
	const sent = await list('offset=0&limit=1&status=SENT');
	expect(sent.json.totalInvoices).toBe(2500);
	const drafts = await list('offset=0&limit=1&status=DRAFT');
	expect(drafts.json).toMatchObject({ totalInvoices: 0, invoices: [] });
});

test('limit 1001 and a missing offset are rejected', async () => {
	const tooMany = await list('offset=0&limit=1001');
	expect(tooMany.status).toBe(400);
	expect(tooMany.json.details).toEqual([{ field: 'limit', reason: 'INVALID_DATA' }]);
	const noOffset = await list('limit=10');
	expect(noOffset.status).toBe(400);
	expect(noOffset.json.details).toEqual([{ field: 'offset', reason: 'MISSING_FIELD' }]);
});

test('each merchant sees only its own invoices', async () => {
	const second = sandbox.merchants.find((merchant) => merchant.merchantId === 'second_merchant')!;
	const other = new Client(sandbox, second);
	const empty = await other.get('/invoicing/v2/invoices?offset=0&limit=10');
	expect(empty.json.totalInvoices).toBe(0);
	expect((await other.get(`/invoicing/v2/invoices/${ids[0]}`)).status).toBe(404);
	const created = await other.create();
	expect(created.status).toBe(201);
	// Numbers are generated per merchant, so the same id names two different invoices.
	expect(created.json.id).toBe(ids[0]);
	expect(
		(await other.get(`/invoicing/v2/invoices/${ids[0]}`)).json.invoiceInformation.description,
	).toBe('Test invoice');
	expect(
		(await client.get(`/invoicing/v2/invoices/${ids[0]}`)).json.invoiceInformation.description,
	).toBe('Seeded invoice');
	expect(sandbox.getInvoice(created.json.id, 'second_merchant')).toBeDefined();
});
