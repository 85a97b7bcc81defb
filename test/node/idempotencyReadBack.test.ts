/**
 * The read that settles an outcome does not give up at the first faults, and n8n's Retry On Fail
 * does not act twice: a repeated create of the item's own number finds its invoice, and Send,
 * Publish, Cancel and Send After Update remember within the execution what they already did.
 */
import type { IDataObject } from 'n8n-workflow';

import { createParams, events, invoiceParams, itemsOf, run, runOk, stored, useSandbox } from './helpers';
import { calls, RETRY_3, runThrough, storedInvoices, useFastTransport, useFaultProxy } from './idempotencyShared';

const sandbox = useSandbox();
const proxy = useFaultProxy(sandbox);
useFastTransport();

const CREATE = '/invoicing/v2/invoices';
const path = (id: string) => `${CREATE}/${id}`;
const own = createParams({ additionalFields: { invoiceNumber: 'ORDER-7' } });

describe('A repeated create of the item’s own number', () => {
	it('is settled by reading the invoice, through 5 failed reads (503, broken JSON)', async () => {
		await runOk(sandbox(), { parameters: own });
		sandbox().injectFault({ kind: '503', method: 'GET', count: 3 });
		sandbox().injectFault({ kind: 'malformed', method: 'GET', count: 2 });
		const again = await run(sandbox(), { parameters: own });

		expect(again.error).toBeUndefined();
		expect(again.json[0]).toMatchObject({ id: 'ORDER-7', status: 'CREATED' });
		expect(calls(sandbox()).slice(1)).toEqual([
			`POST ${CREATE} 400`,
			...Array(3).fill(`GET ${path('ORDER-7')} 503`),
			...Array(3).fill(`GET ${path('ORDER-7')} 200`),
		]);
		expect(await storedInvoices(sandbox())).toHaveLength(1);
	});

	it('when no read works, says the invoice exists and what is safe, never "Duplicate invoice number"', async () => {
		await runOk(sandbox(), { parameters: own });
		sandbox().injectFault({ kind: '502', method: 'GET', count: 8 });
		const again = await run(sandbox(), { parameters: own });

		expect(again.error?.message).toBe('Cybersource did not confirm whether invoice "ORDER-7" was created [item 1]');
		expect(again.error?.description).toMatch(
			/^Cybersource already has this invoice number \(an earlier try of this item may have stored it\), and reading the invoice to check failed \(Cybersource had a server problem \(502\).*\)\. So invoice ORDER-7 may exist\. Running again with the same Invoice Number .* is safe/,
		);
		expect(JSON.stringify(again.error)).not.toContain('Duplicate');
		expect(calls(sandbox()).filter((line) => line.startsWith('GET'))).toHaveLength(8);
	});

	it('a 429 on a later try, for the invoice an earlier try stored, returns that invoice', async () => {
		await runOk(sandbox(), { parameters: own });
		sandbox().injectFault({ kind: '429', method: 'POST', count: 3, retryAfterSeconds: 0 });
		const again = await run(sandbox(), { parameters: own });

		expect(again.error).toBeUndefined();
		expect(again.json[0]).toMatchObject({ id: 'ORDER-7' });
		expect(calls(sandbox()).slice(1)).toEqual([...Array(3).fill(`POST ${CREATE} 429`), `GET ${path('ORDER-7')} 200`]);
	});

	it('a 429 for a number nobody stored stays the 429 it is', async () => {
		sandbox().injectFault({ kind: '429', method: 'POST', count: 3, retryAfterSeconds: 0 });
		const result = await run(sandbox(), { parameters: own });
		expect(result.error?.message).toBe('Cybersource is limiting the request rate (429)');
		expect(calls(sandbox()).at(-1)).toBe(`GET ${path('ORDER-7')} 404`);
	});
});

/** Item 0 names no invoice, so every try fails and n8n runs the node 3 times for both items. */
const retriedRun = (parameters: IDataObject, id: string) =>
	runThrough(sandbox(), proxy(), {
		retry: RETRY_3,
		onError: 'continueRegularOutput',
		items: itemsOf([{ number: 'NO-SUCH' }, { number: id }]),
		parameters: { ...parameters, invoiceId: { __rl: true, mode: 'id', value: '={{ $json.number }}' } },
	});

describe('Retry On Fail runs every item again; what was done is not done twice', () => {
	it('send: one email, and the output of the last try is the sent invoice', async () => {
		const [id] = sandbox().seed(1, { status: 'CREATED' });
		const result = await retriedRun(invoiceParams('send', id), id);

		expect(result.json[0].error).toBe('Invoice "NO-SUCH" does not exist');
		expect(result.json[1]).toMatchObject({ id, status: 'SENT' });
		expect(calls(sandbox()).filter((line) => line.startsWith(`POST ${path(id)}`))).toEqual([`POST ${path(id)}/delivery 200`]);
		expect(events(stored(sandbox(), id))).toEqual(['CREATE', 'SEND']);
	});

	it.each([
		['publish', 'DRAFT', 'CREATED', 'publication'],
		['cancel', 'SENT', 'CANCELED', 'cancelation'],
	])('%s: done once, and the later tries report it done, not refused', async (operation, from, to, action) => {
		const [id] = sandbox().seed(1, { status: from });
		const result = await retriedRun(invoiceParams(operation, id), id);

		expect(result.json[1]).toMatchObject({ id, status: to });
		expect(calls(sandbox()).filter((line) => line.startsWith(`POST ${path(id)}`))).toEqual([`POST ${path(id)}/${action} 200`]);
	});

	it('cancel of an invoice canceled before this execution stays refused on every try, not taken for its own', async () => {
		const [id] = sandbox().seed(1, { status: 'CANCELED' });
		const result = await retriedRun(invoiceParams('cancel', id), id);

		expect(result.json[1].error).toContain(`Cybersource refused to cancel invoice "${id}"`);
		expect(calls(sandbox()).filter((line) => line.startsWith(`POST ${path(id)}`))).toHaveLength(3);
	});

	it('Update with Send After Update: updated on each try, emailed once', async () => {
		const [id] = sandbox().seed(1, { status: 'SENT' });
		const parameters = invoiceParams('update', id, { updateFields: { description: 'New scope' }, sendAfterUpdate: true });
		const result = await retriedRun(parameters, id);

		expect(result.json[1]).toMatchObject({ id, status: 'SENT' });
		expect(events(stored(sandbox(), id)).filter((event) => event === 'RESEND')).toHaveLength(1);
	});

	it('a broken answer to Send whose invoice cannot be read: "may have been sent"; the next try finds the email and sends none', async () => {
		const [id] = sandbox().seed(1, { status: 'CREATED' });
		proxy().breakAfterStore({ kind: 'malformed', method: 'POST', pathEnd: '/delivery' });
		// The read before the send works; the eight reads after the broken answer do not.
		proxy().breakAfterStore({ kind: '502', method: 'GET', pathEnd: `/${id}`, skip: 1, count: 8 });
		const once = await runThrough(sandbox(), proxy(), { parameters: invoiceParams('send', id) });

		expect(once.error?.message).toBe(`Cybersource did not confirm whether invoice "${id}" was sent [item 1]`);
		expect(once.error?.description).toContain('So it may have been sent. Retry On Fail is safe');
		expect(once.error?.description).not.toContain('Base URL');

		expect(events(stored(sandbox(), id))).toEqual(['CREATE', 'SEND']);

		const [other] = sandbox().seed(1, { status: 'CREATED' });
		proxy().breakAfterStore({ kind: 'malformed', method: 'POST', pathEnd: '/delivery' });
		proxy().breakAfterStore({ kind: '502', method: 'GET', pathEnd: `/${other}`, skip: 1, count: 8 });
		const retried = await runThrough(sandbox(), proxy(), { retry: RETRY_3, parameters: invoiceParams('send', other) });
		expect(retried.error).toBeUndefined();
		expect(retried.json[0]).toMatchObject({ id: other, status: 'SENT' });
		expect(calls(sandbox()).filter((line) => line.startsWith(`POST ${path(other)}`))).toHaveLength(1);
		expect(events(stored(sandbox(), other))).toEqual(['CREATE', 'SEND']);
	});
});
