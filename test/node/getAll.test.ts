/**
 * Get Many: paging through the list in pages of 1000, the Limit, and the status filter, checked
 * against the requests the sandbox received and the invoices it holds.
 */
import type { INodeParameters } from 'n8n-workflow';

import { requestLines, runOk, useSandbox } from './helpers';

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
				// List entries carry neither the email nor the balance (reference §5.5).
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
