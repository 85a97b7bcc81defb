/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Get Many: paging through the list in pages of 1000, the Limit, and the status filter, checked
 * against the requests the sandbox received and the invoices it holds.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { sandboxCredentials } from '../harness/sandbox';
import { runNode } from '../harness/engine';
import { requestLines, run, runOk, useSandbox } from './helpers';

const sandbox = useSandbox();

const LIST = '/invoicing/v2/invoices';

function getAll(parameters: INodeParameters): INodeParameters {
	return { resource: 'invoice', operation: 'getAll', ...parameters };
}

describe('Get Many', () => {
	it('with Return All reads 2,500 invoices in exactly 3 requests, newest first', async () => {
		const ids = sandbox().seed(2500);
		const result = await runOk(sandbox(), { parameters: getAll({ returnAll: true }) });

		expect(requestLines(sandbox())).toEqual([
			`GET ${LIST}?offset=0&limit=1000`,
			`GET ${LIST}?offset=1000&limit=1000`,
			`GET ${LIST}?offset=2000&limit=1000`,
		]);
		expect(result.json).toHaveLength(2500);
		expect(result.json.map((invoice) => invoice.id)).toEqual([...ids].reverse());
		expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('with Limit 5 asks for 5 and returns the 5 newest', async () => {
		const ids = sandbox().seed(12);
		const result = await runOk(sandbox(), { parameters: getAll({ returnAll: false, limit: 5 }) });
		expect(requestLines(sandbox())).toEqual([`GET ${LIST}?offset=0&limit=5`]);
		expect(result.json.map((invoice) => invoice.id)).toEqual(ids.slice(-5).reverse());
	});

	it('with a status filter sends status= and returns only invoices in that status', async () => {
		sandbox().seed(30, { status: 'DRAFT' });
		const paid = sandbox().seed(7, { status: 'PAID' });
		sandbox().seed(12, { status: 'SENT' });
		const result = await runOk(sandbox(), { parameters: getAll({ returnAll: true, filters: { status: 'PAID' } }) });

		expect(requestLines(sandbox())).toEqual([`GET ${LIST}?offset=0&limit=1000&status=PAID`]);
		expect(result.json.map((invoice) => invoice.id)).toEqual([...paid].reverse());
		expect(result.json.every((invoice) => invoice.status === 'PAID')).toBe(true);
	});

	it('with a status filter and a Limit stops at the Limit', async () => {
		sandbox().seed(9, { status: 'SENT' });
		sandbox().seed(9, { status: 'CANCELED' });
		const result = await runOk(sandbox(), { parameters: getAll({ limit: 4, filters: { status: 'SENT' } }) });
		expect(requestLines(sandbox())).toEqual([`GET ${LIST}?offset=0&limit=4&status=SENT`]);
		expect(result.json.map((invoice) => invoice.status)).toEqual(['SENT', 'SENT', 'SENT', 'SENT']);
	});

	it('with Simplify returns the flat summary of each invoice', async () => {
		const [id] = sandbox().seed(1, { status: 'CREATED' });
		const result = await runOk(sandbox(), { parameters: getAll({ returnAll: true, simplify: true }) });
		expect(result.json).toEqual([
			{
				id,
				invoiceNumber: id,
				status: 'CREATED',
				customerName: 'Seeded Customer',
				// List entries carry neither the email nor the balance; only Get returns those.
				customerEmail: null,
				currency: 'USD',
				totalAmount: 100,
				balanceAmount: null,
				dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
				paymentLink: expect.stringMatching(/^https:\/\//),
			},
		]);
	});

	it('returns nothing, in one request, when there are no invoices', async () => {
		const result = await runOk(sandbox(), { parameters: getAll({ returnAll: true }) });
		expect(result.json).toEqual([]);
		expect(requestLines(sandbox())).toEqual([`GET ${LIST}?offset=0&limit=1000`]);
	});
});

describe('Get Many refuses loose input before any request', () => {
	const CASES: Array<[string, INodeParameters, string]> = [
		['Limit 0', { limit: 0 }, 'Limit: must be a whole number of 1 or more, got 0 [item 1]'],
		['a negative Limit', { limit: -3 }, 'Limit: must be a whole number of 1 or more, got -3 [item 1]'],
		['a fractional Limit', { limit: 2.5 }, 'Limit: must be a whole number of 1 or more, got 2.5 [item 1]'],
		['a Limit that is not a number', { limit: '={{ "ten" }}' }, 'Limit: must be a whole number of 1 or more, got "ten" [item 1]'],
		['Return All given "yes"', { returnAll: '={{ "yes" }}' }, 'Return All: must be true or false, got "yes" [item 1]'],
		[
			'a status that does not exist',
			{ filters: { status: '={{ "OPEN" }}' } },
			'Status: "OPEN" is not an invoice status. Use one of DRAFT, CREATED, SENT, PARTIAL, PAID, CANCELED, PENDING [item 1]',
		],
	];

	it.each(CASES)('%s', async (_why, parameters, message) => {
		sandbox().seed(3);
		const result = await run(sandbox(), { parameters: getAll({ returnAll: false, ...parameters }) });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(message);
		expect(sandbox().requests()).toEqual([]);
	});

	it('takes a status in any case, and a Limit given as digits', async () => {
		sandbox().seed(4, { status: 'PAID' });
		const result = await runOk(sandbox(), { parameters: getAll({ limit: '={{ "2" }}', filters: { status: '={{ " paid " }}' } }) });
		expect(requestLines(sandbox())).toEqual([`GET ${LIST}?offset=0&limit=2&status=PAID`]);
		expect(result.json).toHaveLength(2);
	});
});

/**
 * A loopback server standing in for a misbehaving gateway: it answers every list request with
 * `page(offset, limit)`. Requests are signed by the real credential but not checked here.
 */
async function withGateway(page: (offset: number, limit: number) => IDataObject, test: (baseUrl: string, paths: string[]) => Promise<void>) {
	const paths: string[] = [];
	const server = http.createServer((request, response) => {
		paths.push(request.url ?? '');
		const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
		response.setHeader('content-type', 'application/json');
		response.end(JSON.stringify(page(Number(query.get('offset')), Number(query.get('limit')))));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	try {
		await test(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, paths);
	} finally {
		server.close();
	}
}

const invoice = (n: number) => ({ id: String(n), status: 'SENT' });
const range = (from: number, count: number) => Array.from({ length: count }, (_, index) => invoice(from + index));

async function returnAllFrom(baseUrl: string) {
	return await runNode({
		parameters: getAll({ returnAll: true }),
		credentials: { ...sandboxCredentials(sandbox()), baseUrl },
	});
}

describe('Get Many with Return All against a gateway that pages wrongly', () => {
	it('stops with an error when the server ignores the offset, instead of returning the same page again and again', async () => {
		// 1,000 distinct invoices, but every page is the first one and the total claims 25,000.
		await withGateway(
			() => ({ totalInvoices: 25000, invoices: range(1, 1000) }),
			async (baseUrl, paths) => {
				const result = await returnAllFrom(baseUrl);
				expect(result.error?.message).toBe(
					'Cybersource listed invoice 1 twice while paging (again at offset 1000), so the list cannot be read reliably [item 1]',
				);
				expect(result.error?.description).toMatch(/ignored the offset, or invoices were created while the list was read/);
				expect(result.json).toEqual([]);
				expect(paths).toEqual([`${LIST}?offset=0&limit=1000`, `${LIST}?offset=1000&limit=1000`]);
			},
		);
	});

	it('stops with an error when one page repeats an id', async () => {
		await withGateway(
			() => ({ totalInvoices: 3, invoices: [invoice(7), invoice(8), invoice(7)] }),
			async (baseUrl) => {
				const result = await returnAllFrom(baseUrl);
				expect(result.error?.message).toBe(
					'Cybersource listed invoice 7 twice while paging (again at offset 0), so the list cannot be read reliably [item 1]',
				);
			},
		);
	});

	it('never returns more invoices than totalInvoices says there are', async () => {
		// The server ignores the limit and answers 1,000 more than the 1,500 it counts.
		await withGateway(
			(offset) => ({ totalInvoices: 1500, invoices: range(offset + 1, 1000) }),
			async (baseUrl, paths) => {
				const result = await returnAllFrom(baseUrl);
				expect(result.error).toBeUndefined();
				expect(result.json).toHaveLength(1500);
				expect(result.json.map((item) => item.id)).toEqual(range(1, 1500).map((item) => item.id));
				expect(paths).toEqual([`${LIST}?offset=0&limit=1000`, `${LIST}?offset=1000&limit=1000`]);
			},
		);
	});
});
