/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Update: the API replaces the whole invoice on PUT, so the node must carry every field it does
 * not change. Checked field by field against the sandbox's stored invoice.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startTestSandbox } from '../harness/sandbox';
import {
	amountsOf,
	bodyOf,
	createParams,
	futureDate,
	infoOf,
	invoiceParams,
	linesOf,
	requestLines,
	run,
	runOk,
	stored,
	useSandbox,
} from './helpers';

const sandbox = useSandbox();

/** An invoice using nearly every field, lines with discounts and taxes included. */
const RICH: INodeParameters = {
	customerName: 'Acme Buyer',
	customerEmail: 'old@acme.example',
	description: 'Quarterly order',
	dueDate: futureDate(20),
	currency: 'USD',
	totalAmount: '',
	allowPartialPayments: true,
	minimumPartialAmount: '50',
	lineItemsMode: 'fields',
	lineItems: {
		line: [
			{ name: 'Widget', sku: 'W-1', quantity: 4, unitPrice: '19.99' },
			{ name: 'Gadget', quantity: 2, unitPrice: '49.50', discountPercent: '10', taxRate: '8.25' },
			{ name: 'Cable', quantity: 10, unitPrice: '2.35', discountAmount: '3.50', taxAmount: '1.20' },
		],
	},
	additionalFields: {
		companyName: 'Acme Ltd',
		merchantCustomerId: 'CRM-7',
		expirationDate: futureDate(90),
		requestPhone: true,
		requestShipping: true,
		transactionReferenceNumber: 'REF42',
		discountAmount: '5.00',
		taxRate: '7.5',
		taxType: 'State Tax',
		freightAmount: '12.00',
		freightTaxable: true,
		freightTaxRate: '10',
		subAmount: '199.99',
	},
};

async function create(overrides: INodeParameters = {}): Promise<string> {
	const result = await runOk(sandbox(), { parameters: createParams({ ...RICH, ...overrides }) });
	return String(result.json[0].id);
}

async function update(id: string, parameters: INodeParameters) {
	sandbox().clearRequests();
	return await run(sandbox(), { parameters: invoiceParams('update', id, parameters) });
}

function comparable(invoice: IDataObject): IDataObject {
	const { submitTimeUtc: _time, invoiceHistory: _history, ...rest } = invoice;
	return rest;
}

describe('Update', () => {
	it('that changes only the customer email keeps every other field, lines and amounts included', async () => {
		const id = await create();
		const before = stored(sandbox(), id);
		// Lines 197.61 − discount 5.00 = 192.61; + tax 7.5 % (14.45) + freight 12.00 taxed 10 % (13.20).
		expect(amountsOf(before)).toMatchObject({ totalAmount: 220.26, discountAmount: 5, taxDetails: { rate: 7.5, type: 'State Tax' } });

		const result = await update(id, { updateFields: { customerEmail: 'new@acme.example' } });
		expect(result.error).toBeUndefined();
		expect(requestLines(sandbox())).toEqual([`GET /invoicing/v2/invoices/${id}`, `PUT /invoicing/v2/invoices/${id}`]);

		const after = stored(sandbox(), id);
		expect(after.customerInformation).toEqual({ ...(before.customerInformation as IDataObject), email: 'new@acme.example' });
		// Field by field, everything else is as it was.
		const { customerInformation: _a, ...restAfter } = comparable(after);
		const { customerInformation: _b, ...restBefore } = comparable(before);
		expect(restAfter).toEqual(restBefore);
		expect(linesOf(after)).toEqual(linesOf(before));
		expect(amountsOf(after)).toEqual(amountsOf(before));
		expect(infoOf(after)).toEqual(infoOf(before));
		expect(after.processingInformation).toEqual({ requestPhone: true, requestShipping: true });
		// The PUT body carries the update schema: no invoice number, the stored delivery mode, no email sent.
		const put = bodyOf(sandbox().requests()[1]);
		expect(put.invoiceInformation).toEqual({
			description: 'Quarterly order',
			dueDate: futureDate(20),
			expirationDate: futureDate(90),
			allowPartialPayments: true,
			deliveryMode: 'none',
			transactionReferenceNumber: 'REF42',
		});
		expect(put.clientReferenceInformation).toBeUndefined();
		expect(((after.invoiceHistory as IDataObject[])[0]).event).toBe('UPDATE');
		expect(after.status).toBe('CREATED');
	});

	it('that replaces the lines recomputes the total, keeping the invoice-level amounts', async () => {
		const id = await create({ allowPartialPayments: false, minimumPartialAmount: '', additionalFields: { freightAmount: '5.00' } });
		// 79.96 + (99.00 − 9.90 + 7.35) + (23.50 − 3.50 + 1.20) + freight 5.00
		expect(amountsOf(stored(sandbox(), id)).totalAmount).toBe(202.61);

		const result = await update(id, {
			lineItemsMode: 'fields',
			lineItems: { line: [{ name: 'Consulting', quantity: 3, unitPrice: '120.00' }, { name: 'Travel', unitPrice: '45.5' }] },
		});
		expect(result.error).toBeUndefined();
		expect((bodyOf(sandbox().requests()[1]).orderInformation as IDataObject)).toEqual({
			amountDetails: { currency: 'USD', totalAmount: '410.50', freight: { amount: '5.00' } },
			lineItems: [
				{ productName: 'Consulting', quantity: 3, unitPrice: '120.00', totalAmount: '360.00' },
				{ productName: 'Travel', quantity: 1, unitPrice: '45.50', totalAmount: '45.50' },
			],
		});
		const after = stored(sandbox(), id);
		expect(linesOf(after)).toHaveLength(2);
		expect(amountsOf(after)).toEqual({ totalAmount: 410.5, currency: 'USD', balanceAmount: 410.5, freight: { amount: 5 } });
	});

	it('with Send After Update emails the changed invoice again, with a new payment link', async () => {
		const id = await create({ sendByEmail: true });
		const oldLink = infoOf(stored(sandbox(), id)).paymentLink;

		const result = await update(id, { updateFields: { customerEmail: 'new@acme.example' }, sendAfterUpdate: true });
		expect(result.error).toBeUndefined();
		expect(requestLines(sandbox())).toEqual([
			`GET /invoicing/v2/invoices/${id}`,
			`PUT /invoicing/v2/invoices/${id}`,
			`POST /invoicing/v2/invoices/${id}/delivery`,
		]);
		const after = stored(sandbox(), id);
		expect(after.status).toBe('SENT');
		expect((after.invoiceHistory as IDataObject[]).map((entry) => entry.event).slice(0, 2)).toEqual(['RESEND', 'UPDATE']);
		expect(infoOf(after).paymentLink).not.toBe(oldLink);
		expect(infoOf(result.json[0]).paymentLink).toBe(infoOf(after).paymentLink);
	});

	it('changes the total of an amount-only invoice, and turns a lined invoice into one', async () => {
		const amountOnly = String((await runOk(sandbox(), { parameters: createParams() })).json[0].id);
		expect((await update(amountOnly, { updateFields: { totalAmount: '175.25' } })).error).toBeUndefined();
		expect(amountsOf(stored(sandbox(), amountOnly))).toMatchObject({ totalAmount: 175.25, balanceAmount: 175.25 });

		const lined = await create({ allowPartialPayments: false, minimumPartialAmount: '', additionalFields: {} });
		expect((await update(lined, { lineItemsMode: 'remove', updateFields: { totalAmount: '99' } })).error).toBeUndefined();
		expect(linesOf(stored(sandbox(), lined))).toEqual([]);
		expect(amountsOf(stored(sandbox(), lined)).totalAmount).toBe(99);
	});

	it('refuses bad input before any request', async () => {
		const id = await create();
		const badEmail = await update(id, { updateFields: { customerEmail: 'not-an-email' } });
		expect(badEmail.error?.message).toBe('Customer Email: "not-an-email" is not a valid email address [item 1]');
		const badLine = await update(id, { lineItemsMode: 'array', lineItemsArray: '[{"name":"A","quantity":0,"unitPrice":"1"}]' });
		expect(badLine.error?.message).toBe('Line 1 › Quantity: must be a whole number from 1 to 999,999,999, got 0 [item 1]');
		const pastExpiration = await update(id, { updateFields: { expirationDate: '2021-03-01' } });
		expect(pastExpiration.error?.message).toBe(
			'Expiration Date: 2021-03-01 is in the past. The payment link expiration must be today or later [item 1]',
		);
		const badAmount = await update(id, { updateFields: { minimumPartialAmount: '12,50' } });
		expect(badAmount.error?.message).toMatch(/^Minimum Partial Amount: "12,50" is not a plain amount\. .* \[item 1\]$/);
		expect(sandbox().requests()).toEqual([]);
	});

	it('refuses a minimum partial amount on an invoice without partial payments, before the PUT', async () => {
		const id = await create({ allowPartialPayments: false, minimumPartialAmount: '' });
		const before = stored(sandbox(), id);
		const result = await update(id, { updateFields: { minimumPartialAmount: '10' } });
		expect(result.error?.message).toBe('Minimum Partial Amount: only applies when Allow Partial Payments is on [item 1]');
		expect(requestLines(sandbox())).toEqual([`GET /invoicing/v2/invoices/${id}`]);
		expect(comparable(stored(sandbox(), id))).toEqual(comparable(before));
	});

	it('keeps every field when Cybersource answers amounts as strings', async () => {
		const strings = await startTestSandbox({ amountsAs: 'string' });
		try {
			const created = await runOk(strings, { parameters: createParams(RICH) });
			const id = String(created.json[0].id);
			const before = stored(strings, id);
			expect(amountsOf(before).totalAmount).toEqual(expect.any(String));

			await runOk(strings, { parameters: invoiceParams('update', id, { updateFields: { description: 'Renamed order' } }) });
			const after = stored(strings, id);
			expect(infoOf(after).description).toBe('Renamed order');
			expect({ ...comparable(after), invoiceInformation: { ...infoOf(after), description: 'Quarterly order' } }).toEqual(comparable(before));
		} finally {
			await strings.close();
		}
	});

	it('drops the stored minimum when partial payments are turned off', async () => {
		const id = await create();
		expect((await update(id, { updateFields: { allowPartialPayments: false } })).error).toBeUndefined();
		const after = stored(sandbox(), id);
		expect(infoOf(after).allowPartialPayments).toBe(false);
		expect(amountsOf(after).minimumPartialAmount).toBeUndefined();
	});
});
