/**
 * Bad input stops the item before anything is sent: a NodeOperationError that names the field,
 * the line (when the problem is in one) and the item, and an empty sandbox request log.
 */
import type { INodeParameters } from 'n8n-workflow';

import { bodyOf, createParams, itemsOf, run, runOk, useSandbox } from './helpers';

const sandbox = useSandbox();

const line = (overrides: Record<string, unknown> = {}) => ({ name: 'Item', quantity: 1, unitPrice: '10.00', ...overrides });
const arrayLines = (lines: unknown) => ({
	totalAmount: '',
	lineItemsMode: 'array',
	lineItemsArray: typeof lines === 'string' ? lines : JSON.stringify(lines),
});

/** [why, parameters, exact message]. Every message ends by naming the item. */
const CASES: Array<[string, INodeParameters, string]> = [
	[
		'31 lines',
		arrayLines(Array.from({ length: 31 }, () => line())),
		'Line Items: an invoice can have at most 30 lines, got 31. Split it into several invoices or combine lines [item 1]',
	],
	[
		'a missing description (an expression that resolves to nothing)',
		{ description: '={{ $json.notThere }}' },
		'Description: is required. Say what the invoice is for; the customer sees it [item 1]',
	],
	['a bad email', { customerEmail: 'tanya@example' }, 'Customer Email: "tanya@example" is not a valid email address [item 1]'],
	[
		'no email while Send by Email is on',
		{ customerEmail: '', sendByEmail: true },
		"Customer Email: is required because the invoice will be emailed. Add the customer's email, or turn off emailing to share the payment link yourself [item 1]",
	],
	[
		'quantity 0 in a UI row',
		{ totalAmount: '', lineItems: { line: [line({ quantity: 0 })] } },
		'Line 1 › Quantity: must be a whole number from 1 to 999,999,999, got 0 [item 1]',
	],
	[
		// A plain number, as the editor stores a typed value (it used to round it to 2 first).
		'quantity 1.5 typed in a UI row',
		{ totalAmount: '', lineItems: { line: [line({ name: 'Laptop', quantity: 1.5, unitPrice: '899.99' })] } },
		'Line 1 › Quantity: must be a whole number from 1 to 999,999,999, got 1.5 [item 1]',
	],
	[
		'quantity 1.5 on line 3 of an array',
		arrayLines([line(), line(), line({ quantity: 1.5 })]),
		'Line 3 › Quantity: must be a whole number from 1 to 999,999,999, got 1.5 [item 1]',
	],
	[
		'a due date that does not exist',
		{ dueDate: '2026-02-30' },
		'Due Date: "2026-02-30" is not a valid date. Use the format YYYY-MM-DD, like 2026-12-31 [item 1]',
	],
	['a due date that is not a date', { dueDate: 'next friday' }, 'Due Date: "next friday" is not a valid date. Use the format YYYY-MM-DD, like 2026-12-31 [item 1]'],
	[
		'an expiration date in the past',
		{ additionalFields: { expirationDate: '2020-01-15' } },
		'Expiration Date: 2020-01-15 is in the past. The payment link expiration must be today or later [item 1]',
	],
	[
		'a minimum partial amount above the total',
		{ allowPartialPayments: true, minimumPartialAmount: '200' },
		'Minimum Partial Amount: must be more than 0 and at most the total (150.00 USD), got 200.00 [item 1]',
	],
	[
		// An expression, because n8n drops the field when Allow Partial Payments is plainly off.
		'a minimum partial amount without partial payments',
		{ allowPartialPayments: '={{ false }}', minimumPartialAmount: '50' },
		'Minimum Partial Amount: only applies when Allow Partial Payments is on [item 1]',
	],
	[
		'a 2001-character description',
		{ description: 'd'.repeat(2001) },
		'Description: is 2001 characters long; Cybersource accepts at most 2000 [item 1]',
	],
	[
		'a 101-character customer name',
		{ customerName: 'n'.repeat(101) },
		'Customer Name: is 101 characters long; Cybersource accepts at most 100 [item 1]',
	],
	[
		'line items that are not JSON',
		arrayLines('not json'),
		'Line Items (Array): is not valid JSON. Use an expression that returns an array, like {{ $json.items }}, or JSON text like [{"name":"Consulting","quantity":2,"unitPrice":"150.00"}] [item 1]',
	],
	[
		'an array of non-objects',
		arrayLines([line(), 'Widget']),
		'Line 2 › Line Items (Array): must be an object with name, quantity and unitPrice, got "Widget" [item 1]',
	],
	[
		'an amount with a decimal comma and thousands separator',
		{ totalAmount: '1.234,50' },
		'Total Amount: "1.234,50" is not a plain amount. Use digits with an optional "." for decimals, like 1234.50 (no thousands separators, currency signs or minus) [item 1]',
	],
	[
		'a unit price with letters',
		arrayLines([line(), line({ unitPrice: '12abc' })]),
		'Line 2 › Unit Price: "12abc" is not a plain amount. Use digits with an optional "." for decimals, like 1234.50 (no thousands separators, currency signs or minus) [item 1]',
	],
	[
		'a negative amount',
		{ totalAmount: '-5' },
		'Total Amount: "-5" is not a plain amount. Use digits with an optional "." for decimals, like 1234.50 (no thousands separators, currency signs or minus) [item 1]',
	],
	['decimals JPY does not have', { currency: 'JPY', totalAmount: '10.5' }, 'Total Amount: "10.5" has more decimals than JPY allows (0) [item 1]'],
	[
		'an unknown currency',
		{ currency: 'XYZ' },
		'Currency: "XYZ" is not an ISO 4217 currency code. Use 3 letters like USD, EUR or JPY [item 1]',
	],
	[
		'a line without a name',
		arrayLines([line(), { quantity: 2, unitPrice: '3' }]),
		'Line 2 › Name: is required: what is being invoiced on this line [item 1]',
	],
	[
		'a line discount larger than the line',
		arrayLines([line({ quantity: 2, discountAmount: '20.01' })]),
		'Line 1 › Discount Amount: is larger than the line amount (20.00 USD) [item 1]',
	],
	[
		'a line discount percent with 3 decimals',
		arrayLines([line(), line({ discountPercent: '12.125' })]),
		'Line 2 › Discount %: "12.125" has more than 2 decimals [item 1]',
	],
	[
		'a total that disagrees with the lines',
		{ totalAmount: '100.00', lineItems: { line: [line({ quantity: 9 })] } },
		'Total Amount: is 100.00 USD but the line items add up to 90.00 USD (lines 90.00 − discount 0.00 + tax 0.00 + freight 0.00). Leave Total Amount empty to use the computed total, fix the lines, or turn on Skip Total Check [item 1]',
	],
	['a Total Amount of 0', { totalAmount: '0' }, 'Total Amount: must be more than 0 [item 1]'],
	['a Total Amount of 0.00 from an expression', { totalAmount: '={{ 0 }}' }, 'Total Amount: must be more than 0 [item 1]'],
	[
		'line items that add up to 0',
		arrayLines([line({ unitPrice: '0' })]),
		'Total Amount: the line items add up to 0.00 USD; an invoice must be for more than 0 [item 1]',
	],
	[
		'a line total that disagrees with quantity × unit price',
		arrayLines([line(), line({ quantity: 2, totalAmount: '25.00' })]),
		'Line 2 › Line Total: is 25.00 USD but 2 × 10.00 − discount 0.00 + tax 0.00 = 20.00 USD. Leave Line Total empty to compute it, fix the line, or turn on Skip Total Check [item 1]',
	],
	[
		'a line total that disagrees once discount and tax are applied',
		{ totalAmount: '', lineItems: { line: [line({ quantity: 3, discountPercent: '10', taxRate: '10', totalAmount: '30.00' })] } },
		'Line 1 › Line Total: is 30.00 USD but 3 × 10.00 − discount 3.00 + tax 2.70 = 29.70 USD. Leave Line Total empty to compute it, fix the line, or turn on Skip Total Check [item 1]',
	],
	['a NUL character in the customer name', { customerName: 'Tanya\u0000Lee' }, 'Customer Name: contains the invisible control character U+0000 at position 6; remove it [item 1]'],
	['a line break in the customer name', { customerName: 'Tanya\nLee' }, 'Customer Name: must be a single line, but has a line break or tab at position 6 [item 1]'],
	['a bell character in the description', { description: 'Website\u0007 redesign' }, 'Description: contains the invisible control character U+0007 at position 8; remove it [item 1]'],
	['an escape character in the tax type', { additionalFields: { taxType: 'VAT\u001b[0m' } }, 'Tax Type: contains the invisible control character U+001B at position 4; remove it [item 1]'],
	['a DEL character in the company name', { additionalFields: { companyName: 'Acme\u007f' } }, 'Company Name: contains the invisible control character U+007F at position 5; remove it [item 1]'],
	['a line break in a line name', arrayLines([line({ name: 'Con\nsulting' })]), 'Line 1 › Name: must be a single line, but has a line break or tab at position 4 [item 1]'],
	['a NUL in a line SKU', arrayLines([line({ sku: 'A\u0000' })]), 'Line 1 › SKU: contains the invisible control character U+0000 at position 2; remove it [item 1]'],
	['a line break inside the email', { customerEmail: 'tanya@exam\nple.com' }, 'Customer Email: must be a single line, but has a line break or tab at position 11 [item 1]'],
	['Allow Partial Payments given "yes"', { allowPartialPayments: '={{ "yes" }}' }, 'Allow Partial Payments: must be true or false, got "yes" [item 1]'],
	['Request Phone given "yes"', { additionalFields: { requestPhone: '={{ "yes" }}' } }, 'Request Phone: must be true or false, got "yes" [item 1]'],
	['Request Shipping given 1', { additionalFields: { requestShipping: '={{ 1 }}' } }, 'Request Shipping: must be true or false, got 1 [item 1]'],
	['Freight Taxable given "no"', { additionalFields: { freightTaxable: '={{ "no" }}' } }, 'Freight Taxable: must be true or false, got "no" [item 1]'],
	[
		'Skip Total Check given "yes"',
		{ totalAmount: '100.00', lineItems: { line: [line({ quantity: 9 })] }, additionalFields: { skipTotalCheck: '={{ "yes" }}' } },
		'Skip Total Check: must be true or false, got "yes" [item 1]',
	],
];

describe('Create refuses bad input before any request', () => {
	it.each(CASES)('%s', async (_why, overrides, message) => {
		const result = await run(sandbox(), { parameters: createParams(overrides) });
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(message);
		expect(result.error?.description).toBe('Nothing was sent to Cybersource. Fix the value and run the node again.');
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(sandbox().requests()).toEqual([]);
	});

	it('names the failing item of several, after the good ones went through', async () => {
		const result = await run(sandbox(), {
			items: itemsOf([{ lines: [line()] }, { lines: [line(), line()] }, { lines: Array.from({ length: 31 }, () => line()) }]),
			parameters: createParams({ totalAmount: '', lineItemsMode: 'array', lineItemsArray: '={{ $json.lines }}' }),
		});
		expect(result.error?.message).toBe(
			'Line Items: an invoice can have at most 30 lines, got 31. Split it into several invoices or combine lines [item 3]',
		);
		expect(result.error?.context?.itemIndex).toBe(2);
		// Items 0 and 1 were created; nothing was sent for item 2.
		expect(sandbox().requests().map((request) => (bodyOf(request).orderInformation as { lineItems: unknown[] }).lineItems.length)).toEqual([1, 2]);
	});

	it('sends a total that disagrees with the lines when Skip Total Check is on', async () => {
		await runOk(sandbox(), {
			parameters: createParams({
				totalAmount: '100.00',
				lineItems: { line: [line({ quantity: 9 })] },
				additionalFields: { skipTotalCheck: true },
			}),
		});
		expect(bodyOf(sandbox().requests()[0]).orderInformation).toEqual({
			amountDetails: { currency: 'USD', totalAmount: '100.00' },
			lineItems: [{ productName: 'Item', quantity: 9, unitPrice: '10.00', totalAmount: '90.00' }],
		});
	});

	it('sends a line total that disagrees with its line when Skip Total Check is on', async () => {
		await runOk(sandbox(), {
			parameters: createParams({
				...arrayLines([line({ quantity: 2, totalAmount: '25.00' })]),
				additionalFields: { skipTotalCheck: true },
			}),
		});
		expect(bodyOf(sandbox().requests()[0]).orderInformation).toEqual({
			amountDetails: { currency: 'USD', totalAmount: '25.00' },
			lineItems: [{ productName: 'Item', quantity: 2, unitPrice: '10.00', totalAmount: '25.00' }],
		});
	});

	it('keeps line breaks and tabs in the description, and takes "true"/"false" text for yes/no fields', async () => {
		await runOk(sandbox(), {
			parameters: createParams({
				description: 'Website redesign\n\tPhase 1\r\n\tPhase 2',
				allowPartialPayments: '={{ "true" }}',
				additionalFields: { requestPhone: '={{ "false" }}', requestShipping: '={{ true }}' },
			}),
		});
		const body = bodyOf(sandbox().requests()[0]);
		expect(body.invoiceInformation).toMatchObject({ description: 'Website redesign\n\tPhase 1\r\n\tPhase 2', allowPartialPayments: true });
		expect(body.processingInformation).toEqual({ requestPhone: false, requestShipping: true });
	});
});
