/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Get, Send, Publish and Cancel on existing invoices, through each status they apply to, and the
 * readable errors of the ones the API refuses.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	createInvoice,
	draftParams,
	events,
	infoOf,
	invoiceParams,
	requestLines,
	run,
	runOk,
	stored,
	useSandbox,
} from './helpers';

const sandbox = useSandbox();


function withoutTime(invoice: IDataObject): IDataObject {
	const { submitTimeUtc: _time, ...rest } = invoice;
	return rest;
}

/** The refusal's hint names the one rule the refused action breaks. */
const NOT_ALLOWED_HINT = {
	publish: "The invoice's current status does not allow this. Only draft invoices can be published.\nReason: ACTION_NOT_ALLOWED",
	cancel: "The invoice's current status does not allow this. Only draft, created and sent invoices can be canceled.\nReason: ACTION_NOT_ALLOWED",
};

async function draft(emailWhenSent: boolean): Promise<string> {
	const result = await runOk(sandbox(), { parameters: draftParams({ emailWhenSent }) });
	return String(result.json[0].id);
}

describe('Get', () => {
	it('returns the whole invoice with its history, as Cybersource stores it', async () => {
		const id = await createInvoice(sandbox(), { sendByEmail: true });
		sandbox().clearRequests();

		const result = await runOk(sandbox(), { parameters: invoiceParams('get', id) });
		expect(requestLines(sandbox())).toEqual([`GET /invoicing/v2/invoices/${id}`]);
		expect(withoutTime(result.json[0])).toEqual(withoutTime(stored(sandbox(), id)));
		expect(result.json[0].invoiceHistory).toEqual([
			{ event: 'SEND', date: expect.any(String) },
			{ event: 'CREATE', date: expect.any(String) },
		]);
	});

	it('with Simplify gives exactly the flat summary', async () => {
		const id = await createInvoice(sandbox(), { totalAmount: '99.5', sendByEmail: true });
		const result = await runOk(sandbox(), { parameters: invoiceParams('get', id, { simplify: true }) });
		expect(result.json).toEqual([
			{
				id,
				invoiceNumber: id,
				status: 'SENT',
				customerName: 'Tanya Lee',
				customerEmail: 'tanya@example.com',
				currency: 'USD',
				totalAmount: 99.5,
				balanceAmount: 99.5,
				dueDate: infoOf(stored(sandbox(), id)).dueDate,
				paymentLink: infoOf(stored(sandbox(), id)).paymentLink,
				payments: [],
				amountPaid: 0,
			},
		]);
	});

	it('finds an invoice picked from the list and one whose number needs URL-encoding', async () => {
		// Made outside n8n (the node refuses "/" in the numbers it creates).
		const [id] = sandbox().seed(1, { template: { invoiceInformation: { invoiceNumber: 'INV 7/A' } } });
		expect(id).toBe('INV 7/A');
		sandbox().clearRequests();
		const result = await runOk(sandbox(), {
			parameters: { resource: 'invoice', operation: 'get', invoiceId: { __rl: true, mode: 'list', value: 'INV 7/A' } },
		});
		expect(result.json[0].id).toBe('INV 7/A');
		expect(requestLines(sandbox())).toEqual(['GET /invoicing/v2/invoices/INV%207%2FA']);
	});

	it('reads the Invoice parameter as plain text too (an older or generated workflow), and refuses an object', async () => {
		const id = await createInvoice(sandbox());
		sandbox().clearRequests();
		const plain = await runOk(sandbox(), { parameters: { resource: 'invoice', operation: 'get', invoiceId: ` ${id} ` } });
		expect(plain.json[0].id).toBe(id);
		const object = await run(sandbox(), {
			parameters: { resource: 'invoice', operation: 'get', invoiceId: { __rl: true, mode: 'id', value: '={{ { "id": 1 } }}' } },
		});
		expect(object.error?.message).toContain('Invoice: must be an invoice number, got an object');
		expect(requestLines(sandbox())).toEqual([`GET /invoicing/v2/invoices/${id}`]);
	});

	it('says which invoice does not exist', async () => {
		const result = await run(sandbox(), { parameters: invoiceParams('get', 'NOPE-1') });
		expect(result.error?.message).toBe('Invoice "NOPE-1" does not exist');
		expect(result.error?.description).toBe(
			'Check the invoice number, and that the credential is for the merchant that owns the invoice.',
		);
		expect(result.error?.httpCode).toBe('404');
		expect(sandbox().requests().map((request) => request.status)).toEqual([404]);
	});
});

describe('Publish', () => {
	it('makes a draft payable without emailing it: CREATED with a payment link', async () => {
		const id = await draft(true);
		const result = await runOk(sandbox(), { parameters: invoiceParams('publish', id) });

		expect(result.json[0].status).toBe('CREATED');
		expect(requestLines(sandbox()).at(-1)).toBe(`POST /invoicing/v2/invoices/${id}/publication`);
		const invoice = stored(sandbox(), id);
		expect(invoice.status).toBe('CREATED');
		expect(events(invoice)).toEqual(['DRAFT', 'CREATE']); // no SEND
		expect(infoOf(invoice).paymentLink).toEqual(expect.any(String));
	});

	it('refuses an invoice that is no longer a draft, readably', async () => {
		const id = await createInvoice(sandbox());
		const result = await run(sandbox(), { parameters: invoiceParams('publish', id) });
		expect(result.error?.message).toBe(`Cybersource refused to publish invoice "${id}": Requested action is not allowed.`);
		expect(result.error?.description).toBe(NOT_ALLOWED_HINT.publish);
		expect(stored(sandbox(), id).status).toBe('CREATED');
	});
});

describe('Send', () => {
	it('emails a published invoice (CREATED → SENT), then emails it again (RESEND, stays SENT)', async () => {
		const id = await draft(true);
		await runOk(sandbox(), { parameters: invoiceParams('publish', id) });

		const sent = await runOk(sandbox(), { parameters: invoiceParams('send', id) });
		expect(sent.json[0].status).toBe('SENT');
		expect(stored(sandbox(), id).status).toBe('SENT');

		const again = await runOk(sandbox(), { parameters: invoiceParams('send', id) });
		expect(again.json[0].status).toBe('SENT');
		expect(events(stored(sandbox(), id))).toEqual(['DRAFT', 'CREATE', 'SEND', 'RESEND']);
		expect(requestLines(sandbox()).filter((line) => line.endsWith('/delivery'))).toHaveLength(2);
	});

	it('refuses a canceled invoice, readably', async () => {
		const id = await createInvoice(sandbox());
		await runOk(sandbox(), { parameters: invoiceParams('cancel', id) });
		const result = await run(sandbox(), { parameters: invoiceParams('send', id) });
		expect(result.error?.message).toBe(`Cybersource refused to send invoice "${id}": Requested action is not allowed.`);
		expect(result.error?.httpCode).toBe('400');
		expect(stored(sandbox(), id).status).toBe('CANCELED');
	});
});

describe('Cancel', () => {
	it('cancels a sent invoice: CANCELED, and its payment link is gone', async () => {
		const id = await createInvoice(sandbox(), { sendByEmail: true });
		const result = await runOk(sandbox(), { parameters: invoiceParams('cancel', id) });

		expect(result.json[0].status).toBe('CANCELED');
		expect(requestLines(sandbox()).at(-1)).toBe(`POST /invoicing/v2/invoices/${id}/cancelation`);
		const invoice = stored(sandbox(), id);
		expect(invoice.status).toBe('CANCELED');
		expect(infoOf(invoice).paymentLink).toBeUndefined();
		expect(events(invoice)).toEqual(['CREATE', 'SEND', 'CANCEL']);
	});

	it('cancels a draft', async () => {
		const id = await draft(false);
		await runOk(sandbox(), { parameters: invoiceParams('cancel', id) });
		expect(stored(sandbox(), id).status).toBe('CANCELED');
	});

	it('refuses to cancel twice, readably', async () => {
		const id = await createInvoice(sandbox());
		await runOk(sandbox(), { parameters: invoiceParams('cancel', id) });
		const result = await run(sandbox(), { parameters: invoiceParams('cancel', id) });
		expect(result.error?.message).toBe(`Cybersource refused to cancel invoice "${id}": Requested action is not allowed.`);
		expect(result.error?.description).toBe(NOT_ALLOWED_HINT.cancel);
		expect(events(stored(sandbox(), id))).toEqual(['CREATE', 'CANCEL']);
	});
});
