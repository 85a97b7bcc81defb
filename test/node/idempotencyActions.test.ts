/**
 * Send, publish and cancel are never repeated blindly: when the answer is lost, the node reads the
 * invoice and its status (for Send, also its history) says whether the action was applied.
 */
import type { IDataObject } from 'n8n-workflow';

import { createParams, events, futureDate, invoiceParams, run, stored, useSandbox } from './helpers';
import { calls, runThrough, useFastTransport, useFaultProxy } from './idempotencyShared';

const sandbox = useSandbox();
const proxy = useFaultProxy(sandbox);
useFastTransport();

const path = (id: string) => `/invoicing/v2/invoices/${id}`;

describe('A lost answer to Send, Publish or Cancel is settled by reading the invoice', () => {
	it('send: the draft was emailed (reset after it was applied), one POST', async () => {
		const [id] = sandbox().seed(1, { status: 'DRAFT' });
		proxy().breakAfterStore({ kind: 'reset', method: 'POST', pathEnd: '/delivery' });
		const result = await runThrough(sandbox(), proxy(), { parameters: invoiceParams('send', id) });

		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({ id, status: 'SENT' });
		expect(calls(sandbox())).toEqual([`GET ${path(id)} 200`, `POST ${path(id)}/delivery 200`, `GET ${path(id)} 200`]);
		expect(events(stored(sandbox(), id)).filter((event) => event === 'SEND')).toHaveLength(1);
	});

	it('send again: a SENT invoice keeps its status, its new history entry shows the email went, one POST', async () => {
		const [id] = sandbox().seed(1, { status: 'SENT' });
		proxy().breakAfterStore({ kind: '502', method: 'POST', pathEnd: '/delivery' });
		const result = await runThrough(sandbox(), proxy(), { parameters: invoiceParams('send', id, { simplify: true }) });

		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({ id, status: 'SENT' });
		expect(calls(sandbox()).filter((line) => line.startsWith('POST'))).toEqual([`POST ${path(id)}/delivery 200`]);
		expect(events(stored(sandbox(), id)).at(-1)).toBe('RESEND');
	});

	it('publish: no answer before the timeout, the draft is CREATED, one POST', async () => {
		const [id] = sandbox().seed(1, { status: 'DRAFT' });
		proxy().breakAfterStore({ kind: 'hang', method: 'POST', pathEnd: '/publication' });
		const result = await runThrough(sandbox(), proxy(), { parameters: invoiceParams('publish', id) });

		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({ id, status: 'CREATED' });
		expect(calls(sandbox())).toEqual([`POST ${path(id)}/publication 200`, `GET ${path(id)} 200`]);
	});

	it('cancel: an unreadable 200, the invoice is CANCELED, one POST', async () => {
		const [id] = sandbox().seed(1, { status: 'SENT' });
		proxy().breakAfterStore({ kind: 'malformed', method: 'POST', pathEnd: '/cancelation' });
		const result = await runThrough(sandbox(), proxy(), { parameters: invoiceParams('cancel', id) });

		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({ id, status: 'CANCELED' });
		expect(calls(sandbox())).toEqual([`POST ${path(id)}/cancelation 200`, `GET ${path(id)} 200`]);
	});

	it('send that did not happen (a 502 before it was applied): a clear error, not a second POST', async () => {
		const [id] = sandbox().seed(1, { status: 'DRAFT' });
		sandbox().injectFault({ kind: '502', method: 'POST', path: '/delivery' });
		const result = await run(sandbox(), { parameters: invoiceParams('send', id) });

		expect(result.error?.message).toBe(`Cybersource did not confirm that invoice "${id}" was sent [item 1]`);
		expect(result.error?.description).toContain('shows no change (status DRAFT), so it was not done. Run the node again to send it.');
		expect(calls(sandbox()).filter((line) => line.startsWith('POST'))).toEqual([`POST ${path(id)}/delivery 502`]);
		expect(stored(sandbox(), id).status).toBe('DRAFT');
	});

	it('update with Send After Update: the email went out (reset after it was applied), one POST', async () => {
		const [id] = sandbox().seed(1, { status: 'DRAFT' });
		proxy().breakAfterStore({ kind: 'reset', method: 'POST', pathEnd: '/delivery' });
		const parameters = invoiceParams('update', id, { updateFields: { description: 'Updated scope' }, sendAfterUpdate: true });
		const result = await runThrough(sandbox(), proxy(), { parameters });

		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({ id, status: 'SENT' });
		expect(calls(sandbox()).filter((line) => line.startsWith('POST'))).toEqual([`POST ${path(id)}/delivery 200`]);
		expect(events(stored(sandbox(), id)).filter((event) => event === 'SEND')).toHaveLength(1);
	});

	it('a 429 is sent again: nothing was applied', async () => {
		const [id] = sandbox().seed(1, { status: 'DRAFT' });
		sandbox().injectFault({ kind: '429', method: 'POST', path: '/publication', retryAfterSeconds: 0 });
		const result = await run(sandbox(), { parameters: invoiceParams('publish', id, { simplify: true }) });

		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({ id, status: 'CREATED', paymentLink: expect.any(String) });
		expect(calls(sandbox())).toEqual([`POST ${path(id)}/publication 429`, `POST ${path(id)}/publication 200`]);
	});
});

describe('Simplify on write operations', () => {
	it('gives the flat shape of Get, id and status first', async () => {
		const [id] = sandbox().seed(1, { status: 'DRAFT' });
		const result = await run(sandbox(), { parameters: invoiceParams('cancel', id, { simplify: true }) });
		const output = result.json[0] as IDataObject;
		expect(Object.keys(output).slice(0, 3)).toEqual(['id', 'invoiceNumber', 'status']);
		expect(output).toMatchObject({ id, invoiceNumber: id, status: 'CANCELED' });
		expect(output._links).toBeUndefined();
	});

	it('on Create and Update too; off by default, so existing workflows keep the full invoice', async () => {
		const created = await run(sandbox(), { parameters: createParams({ simplify: true }) });
		const id = String(created.json[0].id);
		expect(created.json[0]).toEqual({
			id,
			invoiceNumber: id,
			status: 'CREATED',
			customerName: 'Tanya Lee',
			customerEmail: 'tanya@example.com',
			currency: 'USD',
			totalAmount: 150,
			balanceAmount: 150,
			dueDate: futureDate(),
			paymentLink: expect.any(String),
		});
		const updated = await run(sandbox(), {
			parameters: invoiceParams('update', id, { updateFields: { customerName: 'Omar Diaz' }, simplify: true }),
		});
		expect(updated.json[0]).toMatchObject({ id, status: 'CREATED', customerName: 'Omar Diaz' });
		const full = await run(sandbox(), { parameters: invoiceParams('update', id, { updateFields: { customerName: 'Ann' } }) });
		expect(full.json[0]._links).toBeDefined();
	});
});
