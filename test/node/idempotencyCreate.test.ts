/**
 * Create never makes a second invoice: not when n8n's Retry On Fail re-runs the node, not when the
 * answer to a create is lost after Cybersource stored the invoice. Each test counts the invoices
 * the sandbox really holds.
 */
import type { IDataObject } from 'n8n-workflow';

import { createParams, draftParams, itemsOf, run, runOk, stored, useSandbox } from './helpers';
import { calls, RETRY_3, runThrough, storedInvoices, useFastTransport, useFaultProxy } from './idempotencyShared';

const sandbox = useSandbox();
const proxy = useFaultProxy(sandbox);
useFastTransport();

const CREATE = '/invoicing/v2/invoices';
const ASSIGNED = /^N8N-[0-9A-Z]{12}-\d+$/;

/** Five customers; the one at `invalidIndex` has a total that is not a number. */
function fiveItems(invalidIndex?: number): IDataObject[] {
	return [0, 1, 2, 3, 4].map((index) => ({
		email: `customer${index}@example.com`,
		total: index === invalidIndex ? 'ten dollars' : `${10 + index}.00`,
	}));
}

const fromItems = createParams({ customerEmail: '={{ $json.email }}', totalAmount: '={{ $json.total }}' });

describe('Create with Retry On Fail (3 tries)', () => {
	it('stops at an invalid 3rd item: the 2 items before it exist once each, though the node ran 3 times', async () => {
		const result = await run(sandbox(), { retry: RETRY_3, items: itemsOf(fiveItems(2)), parameters: fromItems });

		expect(result.error?.message).toContain('[item 3]');
		const posts = calls(sandbox()).filter((line) => line.startsWith(`POST ${CREATE} `));
		// Try 1 creates items 0 and 1; tries 2 and 3 are refused as duplicates and find them.
		expect(posts).toEqual([...Array(2).fill(`POST ${CREATE} 201`), ...Array(4).fill(`POST ${CREATE} 400`)]);
		const invoices = await storedInvoices(sandbox());
		const emails = invoices.map((invoice) => (stored(sandbox(), String(invoice.id)).customerInformation as IDataObject).email);
		expect(emails.sort()).toEqual([
			'customer0@example.com',
			'customer1@example.com',
		]);
	});

	it.each([
		['3rd', 2],
		['1st', 0],
	])('continues past an invalid %s item: 4 invoices for the 4 valid items', async (_label, invalid) => {
		const result = await run(sandbox(), {
			retry: RETRY_3,
			onError: 'continueRegularOutput',
			items: itemsOf(fiveItems(invalid)),
			parameters: fromItems,
		});

		expect(result.error).toBeUndefined();
		expect(result.json[invalid].error).toContain(`[item ${invalid + 1}]`);
		const ids = result.json.filter((_json, index) => index !== invalid).map((json) => json.id);
		expect(ids).toEqual([expect.stringMatching(ASSIGNED), expect.any(String), expect.any(String), expect.any(String)]);
		expect(await storedInvoices(sandbox())).toHaveLength(4);
		expect(new Set(ids).size).toBe(4);
	});

	it('n8n re-ran the node when the 1st item failed, and the re-runs created nothing new', async () => {
		await run(sandbox(), { retry: RETRY_3, onError: 'continueRegularOutput', items: itemsOf(fiveItems(0)), parameters: fromItems });
		const posts = calls(sandbox()).filter((line) => line.startsWith(`POST ${CREATE} `));
		expect(posts.filter((line) => line.endsWith(' 201'))).toHaveLength(4);
		expect(posts.filter((line) => line.endsWith(' 400'))).toHaveLength(8);
	});

	it('a 502 after the 4th invoice was stored: the node finds it and goes on, 5 invoices for 5 items', async () => {
		proxy().breakAfterStore({ kind: '502', method: 'POST', pathEnd: CREATE, skip: 3 });
		const result = await runThrough(sandbox(), proxy(), { retry: RETRY_3, items: itemsOf(fiveItems()), parameters: fromItems });

		expect(result.error).toBeUndefined();
		expect(proxy().pending()).toEqual([]);
		expect(result.json.map((json) => (json.customerInformation as IDataObject).email)).toEqual(
			fiveItems().map((item) => item.email),
		);
		expect(calls(sandbox()).filter((line) => line.startsWith(`POST ${CREATE} `))).toEqual(Array(5).fill(`POST ${CREATE} 201`));
		expect(await storedInvoices(sandbox())).toHaveLength(5);
	});
});

describe('Create when the answer is lost after the invoice was stored', () => {
	it.each([
		['the connection is reset', 'reset'],
		['no answer comes before the timeout', 'hang'],
		['a 502 comes instead', '502'],
		['the 201 is not readable JSON', 'malformed'],
	] as const)('%s: the node reads the invoice by its number and returns it, 1 invoice', async (_label, kind) => {
		proxy().breakAfterStore({ kind, method: 'POST', pathEnd: CREATE });
		const result = await runThrough(sandbox(), proxy(), { parameters: createParams() });

		expect(result.error).toBeUndefined();
		const number = String(result.json[0].id);
		expect(number).toMatch(ASSIGNED);
		expect(result.json[0]).toMatchObject({ status: 'CREATED', customerInformation: { email: 'tanya@example.com' } });
		expect(calls(sandbox())).toEqual([`POST ${CREATE} 201`, `GET ${CREATE}/${number} 200`]);
		expect(await storedInvoices(sandbox())).toHaveLength(1);
	});

	it('a draft too', async () => {
		proxy().breakAfterStore({ kind: 'reset', method: 'POST', pathEnd: CREATE });
		const result = await runThrough(sandbox(), proxy(), { parameters: draftParams() });
		expect(result.json[0]).toMatchObject({ status: 'DRAFT' });
		expect(await storedInvoices(sandbox())).toHaveLength(1);
	});

	it('the lost answer was a 202 (email failed): the invoice found is CREATED, and the output says it was not emailed', async () => {
		sandbox().injectFault({ kind: 'email-failed' });
		proxy().breakAfterStore({ kind: 'reset', method: 'POST', pathEnd: CREATE });
		const result = await runThrough(sandbox(), proxy(), { parameters: createParams({ sendByEmail: true }) });

		const number = String(result.json[0].id);
		expect(calls(sandbox())).toEqual([`POST ${CREATE} 202`, `GET ${CREATE}/${number} 200`]);
		expect(result.json[0]).toMatchObject({ status: 'CREATED', emailSent: false });
		expect(result.json[0].warning).toBe(
			`Invoice ${number}: The invoice was created, but Cybersource could not email it. Run the Send operation to try again, or share the payment link yourself.`,
		);
	});

	it('a user-given number is settled the same way', async () => {
		proxy().breakAfterStore({ kind: 'reset', method: 'POST', pathEnd: CREATE });
		const result = await runThrough(sandbox(), proxy(), {
			parameters: createParams({ additionalFields: { invoiceNumber: 'ORDER-1042' } }),
		});
		expect(result.json[0].id).toBe('ORDER-1042');
		expect(calls(sandbox())).toEqual([`POST ${CREATE} 201`, `GET ${CREATE}/ORDER-1042 200`]);
	});

	it('Cybersource numbering cannot be checked: the error says so, and the invoice may exist', async () => {
		proxy().breakAfterStore({ kind: '502', method: 'POST', pathEnd: CREATE });
		const result = await runThrough(sandbox(), proxy(), {
			parameters: createParams({ additionalFields: { invoiceNumbering: 'cybersource' } }),
		});
		expect(result.error?.description).toContain('may have been applied');
		expect(calls(sandbox())).toEqual([`POST ${CREATE} 201`]);
		expect(await storedInvoices(sandbox())).toHaveLength(1);
	});
});

describe('Create when the request failed before anything was stored', () => {
	it('a 502 and no invoice under the number: the create is sent again, 1 invoice', async () => {
		sandbox().injectFault({ kind: '502', method: 'POST', count: 1 });
		const result = await runOk(sandbox(), { parameters: createParams() });
		const number = String(result.json[0].id);
		expect(calls(sandbox())).toEqual([`POST ${CREATE} 502`, `GET ${CREATE}/${number} 404`, `POST ${CREATE} 201`]);
		expect(await storedInvoices(sandbox())).toHaveLength(1);
	});

	it('gives up after 3 sends with a message that names the number to look for', async () => {
		sandbox().injectFault({ kind: '503', method: 'POST', count: 5 });
		const result = await run(sandbox(), { parameters: createParams() });
		expect(result.error?.message).toMatch(/^Cybersource did not confirm whether invoice "N8N-[0-9A-Z]{12}-0" was created \[item 1\]$/);
		expect(result.error?.description).toMatch(/^Cybersource had a server problem \(503\): Error - Service temporarily unavailable\. After 3 sends Cybersource showed no invoice N8N-[0-9A-Z]{12}-0, but a late one may still be stored\. So invoice N8N-[0-9A-Z]{12}-0 may exist\. Retry On Fail \(or this same execution run again\) is safe/);
		expect(result.error?.description).toContain('would create a second invoice: look for invoice N8N-');
		expect(calls(sandbox()).filter((line) => line.startsWith('POST'))).toHaveLength(3);
		expect(await storedInvoices(sandbox())).toHaveLength(0);
	});

	it('a 429 is sent again: nothing was applied, no need to look', async () => {
		sandbox().injectFault({ kind: '429', method: 'POST', count: 1, retryAfterSeconds: 0 });
		await runOk(sandbox(), { parameters: createParams() });
		expect(calls(sandbox())).toEqual([`POST ${CREATE} 429`, `POST ${CREATE} 201`]);
		expect(await storedInvoices(sandbox())).toHaveLength(1);
	});
});

describe('Create with a number that already exists', () => {
	it('the same execution resumed (same id, same execution context) gets the same numbers and finds its invoices', async () => {
		const first = await runOk(sandbox(), { executionId: '7001', items: itemsOf(fiveItems()), parameters: fromItems });
		const { contextData } = first.run.data.executionData ?? {};
		const again = await runOk(sandbox(), { executionId: '7001', contextData, items: itemsOf(fiveItems()), parameters: fromItems });
		expect(again.json.map((json) => json.id)).toEqual(first.json.map((json) => json.id));
		expect(await storedInvoices(sandbox())).toHaveLength(5);
	});

	it('the same execution resumed with changed data is refused: the assigned number has another invoice', async () => {
		const first = await runOk(sandbox(), { executionId: '7002', parameters: createParams() });
		const number = String(first.json[0].id);
		const { contextData } = first.run.data.executionData ?? {};
		const changed = await run(sandbox(), { executionId: '7002', contextData, parameters: createParams({ totalAmount: '99.00' }) });
		expect(changed.error?.message).toBe(`Invoice number "${number}" already belongs to a different invoice [item 1]`);
		expect(changed.error?.description).toContain('Run the workflow again: a new execution assigns new numbers.');
		expect(await storedInvoices(sandbox())).toHaveLength(1);
	});

	it('another execution gets other numbers', async () => {
		const first = await runOk(sandbox(), { parameters: createParams() });
		const second = await runOk(sandbox(), { parameters: createParams() });
		expect(first.json[0].id).not.toBe(second.json[0].id);
		expect(await storedInvoices(sandbox())).toHaveLength(2);
	});

	it('a number from the source data finds the invoice of an earlier run instead of creating a second', async () => {
		const params = createParams({ additionalFields: { invoiceNumber: 'ORDER-1042' } });
		await runOk(sandbox(), { parameters: params });
		const again = await runOk(sandbox(), { parameters: params });
		expect(again.json[0]).toMatchObject({ id: 'ORDER-1042', status: 'CREATED' });
		expect(calls(sandbox()).slice(-2)).toEqual([`POST ${CREATE} 400`, `GET ${CREATE}/ORDER-1042 200`]);
		expect(await storedInvoices(sandbox())).toHaveLength(1);
	});

	it('a given number that belongs to a different invoice is a clear error', async () => {
		await runOk(sandbox(), { parameters: createParams({ additionalFields: { invoiceNumber: 'ORDER-1042' } }) });
		const result = await run(sandbox(), {
			items: itemsOf([{}, {}]),
			parameters: createParams({
				customerEmail: 'other@example.com',
				additionalFields: { invoiceNumber: '={{ $itemIndex === 1 ? "ORDER-1042" : "ORDER-1043" }}' },
			}),
		});
		expect(result.error?.message).toBe('Invoice number "ORDER-1042" already belongs to a different invoice [item 2]');
		expect(result.error?.description).toContain(
			"Cybersource's invoice ORDER-1042 has customer email tanya@example.com; this item has customer email other@example.com.",
		);
		expect((await storedInvoices(sandbox())).map((invoice) => invoice.id).sort()).toEqual(['ORDER-1042', 'ORDER-1043']);
	});
});
