/**
 * Items fail one by one: with "On Error: Continue" a bad item becomes an error item paired to its
 * input while the others succeed; with the error output it goes there; otherwise the run stops
 * and names the item.
 */
import type { IDataObject } from 'n8n-workflow';

import { createInvoice, createParams, itemsOf, requestLines, run, useSandbox } from './helpers';

const sandbox = useSandbox();

const INPUT_ERROR = 'Invoice: is required: pick one from the list or enter its number [item 2]';
const NOTHING_SENT = 'Nothing was sent to Cybersource. Fix the value and run the node again.';

/** Get for four items: found, no number (input error), unknown (API 404), found. */
async function mixedGet(onError?: 'continueRegularOutput' | 'continueErrorOutput') {
	const first = await createInvoice(sandbox());
	const second = await createInvoice(sandbox());
	sandbox().clearRequests();
	const result = await run(sandbox(), {
		onError,
		items: itemsOf([{ number: first }, { number: '' }, { number: 'NOPE-404' }, { number: second }]),
		parameters: {
			resource: 'invoice',
			operation: 'get',
			invoiceId: { __rl: true, mode: 'id', value: '={{ $json.number }}' },
		},
	});
	return { first, second, result };
}

describe('Continue On Fail', () => {
	it('(regular output) turns each bad item into {error, …} paired to its input; the others succeed', async () => {
		const { first, second, result } = await mixedGet('continueRegularOutput');

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(result.json[0].id).toBe(first);
		expect(result.json[1]).toEqual({ error: INPUT_ERROR, description: NOTHING_SENT });
		expect(result.json[2]).toEqual({
			error: 'Invoice "NOPE-404" does not exist',
			description: 'Check the invoice number, and that the credential is for the merchant that owns the invoice.',
			httpCode: '404',
		});
		expect(result.json[3].id).toBe(second);
		// Nothing was sent for the item without a number.
		expect(requestLines(sandbox())).toEqual([
			`GET /invoicing/v2/invoices/${first}`,
			'GET /invoicing/v2/invoices/NOPE-404',
			`GET /invoicing/v2/invoices/${second}`,
		]);
	});

	it('(error output) sends the bad items to the error output with their input fields, the good ones to the main output', async () => {
		const { first, second, result } = await mixedGet('continueErrorOutput');

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.json.id, item.pairedItem])).toEqual([
			[first, { item: 0 }],
			[second, { item: 3 }],
		]);
		expect(result.errorItems.map((item) => [item.json, item.pairedItem])).toEqual([
			[{ number: '', error: INPUT_ERROR }, { item: 1 }],
			[{ number: 'NOPE-404', error: 'Invoice "NOPE-404" does not exist' }, { item: 2 }],
		]);
	});

	it('(off) stops the run at the first bad item and names it', async () => {
		const { first, result } = await mixedGet();
		expect(result.error?.message).toBe(INPUT_ERROR);
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(requestLines(sandbox())).toEqual([`GET /invoicing/v2/invoices/${first}`]);
	});

	it('(off) names the item of an API error too', async () => {
		const first = await createInvoice(sandbox());
		const result = await run(sandbox(), {
			items: itemsOf([{ number: first }, { number: 'NOPE-404' }]),
			parameters: { resource: 'invoice', operation: 'send', invoiceId: { __rl: true, mode: 'id', value: '={{ $json.number }}' } },
		});
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Invoice "NOPE-404" does not exist');
		expect(result.error?.context?.itemIndex).toBe(1);
	});

	it('creates the good invoices of a batch and reports the bad one', async () => {
		const result = await run(sandbox(), {
			onError: 'continueRegularOutput',
			items: itemsOf([
				{ email: 'one@example.com', total: '10' },
				{ email: 'two@example', total: '20' },
				{ email: 'three@example.com', total: '30' },
			]),
			parameters: createParams({ customerEmail: '={{ $json.email }}', totalAmount: '={{ $json.total }}' }),
		});
		expect(result.json[1]).toEqual({
			error: 'Customer Email: "two@example" is not a valid email address [item 2]',
			description: NOTHING_SENT,
		});
		const created = [result.json[0], result.json[2]].map((invoice) => sandbox().getInvoice(String(invoice.id)) as IDataObject);
		expect(created.map((invoice) => (invoice.customerInformation as IDataObject).email)).toEqual([
			'one@example.com',
			'three@example.com',
		]);
		expect(sandbox().requests()).toHaveLength(2);
	});
});
