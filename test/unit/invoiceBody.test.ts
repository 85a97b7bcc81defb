/**
 * The body of a create or update request: every field checked and placed where the API expects
 * it, before anything is sent. Create and Update differ only where the API does.
 */
import { buildInvoiceBody, type BodyOptions, type InvoiceFields } from '../../nodes/shared/helpers/invoiceBody';

const create: BodyOptions = { kind: 'create', deliveryMode: 'email', sendImmediately: true, emailRequired: true };
const update: BodyOptions = { kind: 'update', deliveryMode: 'email', emailRequired: false };
const fields: InvoiceFields = {
	customerName: 'Tanya Lee',
	customerEmail: 'tanya@example.com',
	description: 'Consulting, March',
	dueDate: '2099-04-30',
	currency: 'usd',
	totalAmount: '300',
};

describe('Create body', () => {
	it('places each field where the API expects it', () => {
		const body = buildInvoiceBody(
			{
				...fields,
				companyName: 'Lee & Co',
				merchantCustomerId: 'C-7',
				invoiceNumber: 'INV-7',
				expirationDate: '2099-05-31',
				requestPhone: true,
				partnerSolutionId: 'SOL1',
				merchantDefinedFields: { field: [{ definitionId: '3', value: 'PO-12' }] },
			},
			undefined,
			create,
		);
		expect(body).toEqual({
			customerInformation: { name: 'Tanya Lee', email: 'tanya@example.com', merchantCustomerId: 'C-7', company: { name: 'Lee & Co' } },
			processingInformation: { requestPhone: true },
			invoiceInformation: {
				invoiceNumber: 'INV-7',
				description: 'Consulting, March',
				dueDate: '2099-04-30',
				expirationDate: '2099-05-31',
				allowPartialPayments: false,
				deliveryMode: 'email',
				sendImmediately: true,
			},
			orderInformation: { amountDetails: { currency: 'USD', totalAmount: '300.00' } },
			merchantDefinedFieldValues: [{ definitionId: 3, value: 'PO-12' }],
			clientReferenceInformation: { partner: { solutionId: 'SOL1' } },
		});
	});

	it('sends the lines and their computed total', () => {
		const body = buildInvoiceBody({ ...fields, totalAmount: undefined }, [{ name: 'Hours', quantity: 2, unitPrice: '150' }], create);
		expect(body.orderInformation).toEqual({
			amountDetails: { currency: 'USD', totalAmount: '300.00' },
			lineItems: [{ productName: 'Hours', quantity: 2, unitPrice: '150.00', totalAmount: '300.00' }],
		});
	});

	it.each<[string, InvoiceFields, string]>([
		['an email, when the invoice will be emailed', { customerEmail: '' }, 'Customer Email: is required because the invoice will be emailed'],
		['a description', { description: '  ' }, 'Description: is required. Say what the invoice is for; the customer sees it'],
		['a due date', { dueDate: '' }, 'Due Date: is required'],
		['a real due date', { dueDate: '2099-02-30' }, 'Due Date: "2099-02-30" is not a valid date'],
		['an expiration date that is not past', { expirationDate: '2001-01-01' }, 'Expiration Date: 2001-01-01 is in the past'],
		['a currency', { currency: 'dollars' }, 'Currency: "dollars" is not an ISO 4217 currency code'],
		['a field on each merchant-defined row', { merchantDefinedFields: { field: [{ value: 'x' }] } }, 'Merchant-Defined Fields: row 1 has no field selected'],
		['yes/no values that are true or false', { requestShipping: 'yes' }, 'Request Shipping: must be true or false, got "yes"'],
	])('needs %s', (_rule, change, message) => {
		expect(() => buildInvoiceBody({ ...fields, ...change }, undefined, create)).toThrow(message);
	});

	it('needs no email when the invoice is not emailed', () => {
		const body = buildInvoiceBody({ ...fields, customerEmail: undefined }, undefined, { ...create, deliveryMode: 'none', emailRequired: false });
		expect(body.customerInformation).toEqual({ name: 'Tanya Lee' });
		expect(body.invoiceInformation).toMatchObject({ deliveryMode: 'none', sendImmediately: true });
	});
});

describe('Update body', () => {
	it('leaves out what only a create may set: invoice number, partner and Send Immediately', () => {
		const body = buildInvoiceBody({ ...fields, invoiceNumber: 'INV-7', partnerDeveloperId: 'DEV1' }, undefined, update);
		expect(body.invoiceInformation).toEqual({
			description: 'Consulting, March',
			dueDate: '2099-04-30',
			allowPartialPayments: false,
			deliveryMode: 'email',
		});
		expect(body).not.toHaveProperty('clientReferenceInformation');
	});

	it('keeps a stored expiration date in the past, and stored totals it cannot check', () => {
		const body = buildInvoiceBody(
			{ ...fields, expirationDate: '2001-01-01', totalAmount: '999' },
			[{ name: 'Hours', quantity: 2, unitPrice: '150', totalAmount: '310' }],
			{ ...update, checkExpiration: false, checkLineTotals: false, checkInvoiceTotal: false },
		);
		expect(body.invoiceInformation).toMatchObject({ expirationDate: '2001-01-01' });
		expect(body.orderInformation).toMatchObject({ amountDetails: { totalAmount: '999.00' }, lineItems: [{ totalAmount: '310.00' }] });
	});

	it('checks the totals it can', () => {
		expect(() =>
			buildInvoiceBody({ ...fields, totalAmount: '999' }, [{ name: 'Hours', quantity: 2, unitPrice: '150' }], update),
		).toThrow('Total Amount: is 999.00 USD but the line items add up to 300.00 USD');
	});
});
