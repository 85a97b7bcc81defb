/**
 * Partial payments end to end: an invoice that allows them, paid in two parts in the sandbox,
 * read back through Get, and the operations that a payment locks (update, cancel).
 */
import type { IDataObject } from 'n8n-workflow';

import { amountsOf, createInvoice, infoOf, invoiceParams, requestLines, run, runOk, stored, useSandbox } from './helpers';

const sandbox = useSandbox();

async function partialInvoice(): Promise<string> {
	return await createInvoice(sandbox(), {
		totalAmount: '100.00',
		allowPartialPayments: true,
		minimumPartialAmount: '25',
		sendByEmail: true,
	});
}

describe('Partial payments', () => {
	it('are allowed with a minimum, and Get follows the balance: PARTIAL, then PAID at 0', async () => {
		const id = await partialInvoice();
		const created = stored(sandbox(), id);
		expect(infoOf(created).allowPartialPayments).toBe(true);
		expect(amountsOf(created)).toMatchObject({ totalAmount: 100, minimumPartialAmount: 25, balanceAmount: 100 });

		sandbox().pay(id, { amount: '40.00' });
		const partial = await runOk(sandbox(), { parameters: invoiceParams('get', id, { simplify: true }) });
		expect(partial.json[0]).toMatchObject({ id, status: 'PARTIAL', totalAmount: 100, balanceAmount: 60, amountPaid: 40, payments: [{ amount: 40 }] });
		const full = await runOk(sandbox(), { parameters: invoiceParams('get', id) });
		expect((full.json[0].invoiceHistory as IDataObject[])[0]).toEqual({
			event: 'PAYMENT',
			date: expect.any(String),
			transactionDetails: { transactionId: expect.stringMatching(/^\d{22}$/), amount: '40.00' },
		});

		sandbox().pay(id, { amount: '60.00' });
		const paid = await runOk(sandbox(), { parameters: invoiceParams('get', id, { simplify: true }) });
		expect(paid.json[0]).toMatchObject({ status: 'PAID', totalAmount: 100, balanceAmount: 0, amountPaid: 100 });
		// Each payment once, oldest first, with the transaction id the history gives it.
		const history = (await runOk(sandbox(), { parameters: invoiceParams('get', id) })).json[0].invoiceHistory as IDataObject[];
		const transactionIds = history.filter((entry) => entry.event === 'PAYMENT').map((entry) => (entry.transactionDetails as IDataObject).transactionId).reverse();
		expect(paid.json[0].payments).toEqual([
			{ transactionId: transactionIds[0], amount: 40, currency: 'USD', date: expect.stringMatching(/^\d{4}-/) },
			{ transactionId: transactionIds[1], amount: 60, currency: 'USD', date: expect.stringMatching(/^\d{4}-/) },
		]);
		expect(transactionIds[0]).not.toBe(transactionIds[1]);
		expect(stored(sandbox(), id)).toMatchObject({ status: 'PAID', orderInformation: { amountDetails: { balanceAmount: 0 } } });
	});

	it('lock the invoice against Update: refused by the node before any PUT', async () => {
		const id = await partialInvoice();
		sandbox().pay(id, { amount: '30' });
		const before = stored(sandbox(), id);
		sandbox().clearRequests();

		const result = await run(sandbox(), {
			parameters: invoiceParams('update', id, { updateFields: { description: 'Changed after payment' } }),
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(`Invoice "${id}" is PARTIAL and cannot be updated [item 1]`);
		expect(result.error?.description).toBe('Only draft, created and sent invoices can be updated. Nothing was changed.');
		expect(requestLines(sandbox())).toEqual([`GET /invoicing/v2/invoices/${id}`]);
		expect(stored(sandbox(), id)).toEqual({ ...before, submitTimeUtc: expect.any(String) });
	});

	it('can still be emailed again while partly paid (stays PARTIAL)', async () => {
		const id = await partialInvoice();
		sandbox().pay(id, { amount: '25' });
		const result = await runOk(sandbox(), { parameters: invoiceParams('send', id) });
		expect(result.json[0].status).toBe('PARTIAL');
		expect(stored(sandbox(), id).status).toBe('PARTIAL');
	});

	it('make Cancel fail with the API refusal, readably, on a partly paid and on a paid invoice', async () => {
		const id = await partialInvoice();
		sandbox().pay(id, { amount: '50' });
		const onPartial = await run(sandbox(), { parameters: invoiceParams('cancel', id) });
		expect(onPartial.error?.message).toBe(`Cybersource refused to cancel invoice "${id}": Requested action is not allowed.`);

		sandbox().pay(id);
		sandbox().clearRequests();
		const onPaid = await run(sandbox(), { parameters: invoiceParams('cancel', id) });
		expect(onPaid.error?.name).toBe('NodeApiError');
		expect(onPaid.error?.message).toBe(`Cybersource refused to cancel invoice "${id}": Requested action is not allowed.`);
		expect(onPaid.error?.description).toBe(
			"The invoice's current status does not allow this. Only draft, created and sent invoices can be canceled.\nReason: ACTION_NOT_ALLOWED",
		);
		expect(onPaid.error?.httpCode).toBe('400');
		expect(sandbox().requests().map((request) => [request.path, request.status])).toEqual([
			[`/invoicing/v2/invoices/${id}/cancelation`, 400],
		]);
		expect(stored(sandbox(), id).status).toBe('PAID');
	});
});
