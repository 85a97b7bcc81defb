/**
 * Whether an invoice found under an item's number is the item's invoice: every field the create
 * sent that the invoice echoes must agree, in whatever form the API answers with.
 */
import type { IDataObject } from 'n8n-workflow';

import { buildInvoiceBody } from '../../nodes/shared/helpers/invoiceBody';
import { identityMismatch } from '../../nodes/shared/helpers/reconcile';

/** A monthly retainer, itemized, with a discount, tax, freight and partial payments. */
function retainer(overrides: IDataObject = {}, lines = [{ name: 'Retainer', quantity: 1, unitPrice: '100.00' }, { name: 'Support hours', quantity: 2, unitPrice: '25.00' }]): IDataObject {
	return buildInvoiceBody(
		{
			customerName: 'Tanya Lee',
			customerEmail: 'Tanya@Example.com',
			companyName: 'Lee Design',
			description: 'March retainer',
			dueDate: '2030-03-20',
			currency: 'usd',
			discountAmount: '10.00',
			taxType: 'State Tax',
			taxRate: '8.25',
			freightAmount: '5.00',
			allowPartialPayments: true,
			minimumPartialAmount: '50.00',
			merchantDefinedFields: { field: [{ definitionId: 7, value: 'PO-1042' }] },
			...overrides,
		},
		lines,
		{ kind: 'create', deliveryMode: 'none', sendImmediately: true, emailRequired: false },
	);
}

/** The invoice as Cybersource answers a GET for what `sent` created: amounts as numbers, extra keys. */
function storedAs(sent: IDataObject): IDataObject {
	const info = sent.invoiceInformation as IDataObject;
	const order = sent.orderInformation as IDataObject;
	const amounts = order.amountDetails as IDataObject;
	const tax = amounts.taxDetails as IDataObject;
	return {
		_links: { self: { href: '/v2/invoices/N8N-1', method: 'GET' } },
		id: 'N8N-1',
		status: 'SENT',
		customerInformation: { name: 'Tanya Lee', email: 'tanya@example.com', company: { name: 'Lee Design' } },
		invoiceInformation: {
			invoiceNumber: 'N8N-1',
			description: info.description,
			dueDate: info.dueDate,
			allowPartialPayments: true,
			deliveryMode: 'Email',
			paymentLink: 'https://businesscentertest.cybersource.com/ebc2/invoicing/payInvoice/x',
		},
		orderInformation: {
			amountDetails: {
				totalAmount: Number(amounts.totalAmount),
				currency: 'USD',
				balanceAmount: 20,
				discountAmount: 10,
				minimumPartialAmount: 50,
				taxDetails: { type: 'State Tax', amount: tax.amount === undefined ? undefined : Number(tax.amount), rate: 8.25 },
				freight: { amount: 5 },
			},
			lineItems: (order.lineItems as IDataObject[]).map((line) => ({
				productName: line.productName,
				quantity: line.quantity,
				unitPrice: Number(line.unitPrice),
				totalAmount: Number(line.totalAmount),
			})),
		},
		merchantDefinedFieldValuesWithDefinition: [{ definitionId: 7, label: 'PO number', value: 'PO-1042', position: 1 }],
		invoiceHistory: [{ event: 'SEND', date: '2030-03-01T10:00:00.000Z' }],
	};
}

function changed(invoice: IDataObject, path: string[], value: unknown): IDataObject {
	const copy = structuredClone(invoice);
	let target = copy as IDataObject;
	for (const key of path.slice(0, -1)) target = target[key] as IDataObject;
	target[path[path.length - 1]] = value as IDataObject[keyof IDataObject];
	return copy;
}

describe('The invoice found under the number', () => {
	const sent = retainer();
	const stored = storedAs(sent);

	it('is the item\'s when every echoed field agrees: amounts as numbers or strings, email and currency in any case, spaces around', () => {
		expect(identityMismatch(sent, stored)).toBeUndefined();
		const asStrings = changed(changed(stored, ['orderInformation', 'amountDetails', 'discountAmount'], '10.00'), ['orderInformation', 'amountDetails', 'freight'], { amount: '5' });
		expect(identityMismatch(sent, asStrings)).toBeUndefined();
		expect(identityMismatch(sent, changed(stored, ['customerInformation', 'name'], ' Tanya Lee '))).toBeUndefined();
	});

	it('equal in email, currency and total but another due date and description: both named, both values', () => {
		const february = changed(changed(stored, ['invoiceInformation', 'dueDate'], '2030-02-20'), ['invoiceInformation', 'description'], 'February retainer');
		expect(identityMismatch(sent, february)).toEqual({
			sent: 'description "March retainer", due date 2030-03-20',
			stored: 'description "February retainer", due date 2030-02-20',
		});
	});

	it.each([
		['customer email', ['customerInformation', 'email'], 'tanya@example.org', 'customer email Tanya@Example.com', 'customer email tanya@example.org'],
		['customer name', ['customerInformation', 'name'], 'Tanya Leigh', 'customer name "Tanya Lee"', 'customer name "Tanya Leigh"'],
		['company', ['customerInformation', 'company'], undefined, 'company name "Lee Design"', 'company name none'],
		['currency', ['orderInformation', 'amountDetails', 'currency'], 'EUR', 'currency USD', 'currency EUR'],
		['total', ['orderInformation', 'amountDetails', 'totalAmount'], 150.01, 'total', 'total 150.01'],
		['discount', ['orderInformation', 'amountDetails', 'discountAmount'], 0, 'discount amount 10.00', 'discount amount 0'],
		['tax rate', ['orderInformation', 'amountDetails', 'taxDetails', 'rate'], '8.5', 'tax rate 8.25', 'tax rate 8.5'],
		['freight', ['orderInformation', 'amountDetails', 'freight'], undefined, 'freight amount 5.00', 'freight amount none'],
		['partial payments', ['invoiceInformation', 'allowPartialPayments'], false, 'allow partial payments on', 'allow partial payments off'],
		['minimum partial amount', ['orderInformation', 'amountDetails', 'minimumPartialAmount'], '25.00', 'minimum partial amount 50.00', 'minimum partial amount 25.00'],
		['merchant-defined field', ['merchantDefinedFieldValuesWithDefinition'], [{ definitionId: 7, label: 'PO number', value: 'PO-7' }], 'merchant-defined field "PO number" "PO-1042"', 'merchant-defined field "PO number" "PO-7"'],
	])('differs in %s: named with both values', (_label, path, value, sentText, storedText) => {
		const mismatch = identityMismatch(sent, changed(stored, path as string[], value));
		expect(mismatch?.sent).toContain(sentText);
		expect(mismatch?.stored).toBe(storedText);
	});

	it('differs in a line: its number, the field and both values; a missing line is counted', () => {
		const lines = ['orderInformation', 'lineItems'];
		const quantity = changed(stored, [...lines, '1', 'quantity'], 3);
		expect(identityMismatch(sent, quantity)).toEqual({ sent: 'line 2 quantity 2', stored: 'line 2 quantity 3' });
		const price = changed(stored, [...lines, '0', 'unitPrice'], 100.5);
		expect(identityMismatch(sent, price)).toEqual({ sent: 'line 1 unit price 100.00', stored: 'line 1 unit price 100.5' });
		const name = changed(stored, [...lines, '0', 'productName'], 'retainer');
		expect(identityMismatch(sent, name)?.stored).toBe('line 1 name "retainer"');
		const oneLine = changed(stored, lines, ((stored.orderInformation as IDataObject).lineItems as IDataObject[]).slice(0, 1));
		expect(identityMismatch(sent, oneLine)).toMatchObject({ sent: expect.stringContaining('number of line items 2'), stored: expect.stringContaining('number of line items 1') });
	});

	it('a value the API may fill in (expiration date) counts only when it was sent', () => {
		expect(identityMismatch(sent, changed(stored, ['invoiceInformation', 'expirationDate'], '2031-03-20'))).toBeUndefined();
		const withExpiry = retainer({ expirationDate: '2031-03-20' });
		expect(identityMismatch(withExpiry, changed(storedAs(withExpiry), ['invoiceInformation', 'expirationDate'], '2031-04-20'))).toEqual({
			sent: 'expiration date 2031-03-20',
			stored: 'expiration date 2031-04-20',
		});
	});

	it('never equal by accident: an amount that is not a number, a stored value where none was sent, a long text cut', () => {
		expect(identityMismatch(sent, changed(stored, ['orderInformation', 'amountDetails', 'totalAmount'], 'abc'))?.stored).toBe('total abc');
		expect(identityMismatch(sent, changed(stored, ['orderInformation', 'amountDetails', 'subAmount'], 60))?.stored).toBe('sub amount 60');
		expect(identityMismatch(sent, changed(stored, ['customerInformation', 'merchantCustomerId'], 'C-9'))?.stored).toBe('merchant customer ID "C-9"');
		expect(identityMismatch(sent, changed(stored, ['processingInformation'], { requestPhone: true }))?.stored).toBe('request phone on');
		const long = changed(stored, ['invoiceInformation', 'description'], 'x'.repeat(100));
		expect(identityMismatch(sent, long)?.stored).toBe(`description "${'x'.repeat(60)}…"`);
	});

	it('what the invoice does not echo, or what later steps change, is not compared', () => {
		// Delivery mode (Email/None, changed by Send), status, balance and history.
		const paid = changed(changed(stored, ['status'], 'PAID'), ['orderInformation', 'amountDetails', 'balanceAmount'], 0);
		expect(identityMismatch(sent, changed(paid, ['invoiceInformation', 'deliveryMode'], 'None'))).toBeUndefined();
	});
});
