/**
 * The editor-side methods, called with a real n8n-core LoadOptionsContext: the invoice list of
 * the Invoice picker (listSearch) and the merchant-defined fields (loadOptions), then those
 * fields used on an invoice.
 */
import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { getMerchantDefinedFields } from '../../nodes/CybersourceInvoice/methods/loadOptions';
import { searchInvoices } from '../../nodes/CybersourceInvoice/methods/listSearch';
import { cybersourceApiCall, singleRequest } from '../../nodes/shared/transport';
import { sandboxCredentials } from '../harness/sandbox';
import { bodyOf, createInvoice, createParams, invoiceParams, requestLines, run, runOk, stored, useSandbox } from './helpers';
import { loadOptionsContext } from './loadOptionsContext';

const sandbox = useSandbox();

const MDF = '/invoicing/v2/Invoice/merchantDefinedFields';

function context(parameters: IDataObject = { resource: 'invoice', operation: 'get' }): ILoadOptionsFunctions {
	return loadOptionsContext(sandboxCredentials(sandbox()), parameters as never);
}

/** Defines an invoice field through the signed API, as Business Center would. */
async function defineField(definition: IDataObject): Promise<IDataObject[]> {
	const response = await cybersourceApiCall.call(context(), 'POST', MDF, definition, undefined, singleRequest());
	expect(response.statusCode).toBe(201);
	return response.body as IDataObject[];
}

describe('listSearch searchInvoices', () => {
	it('lists recent invoices, newest first, labelled with number, customer, amount and status', async () => {
		const tanya = await createInvoice(sandbox(), { customerName: 'Tanya Lee', totalAmount: '150' });
		const omar = await createInvoice(sandbox(), { customerName: 'Omar Diaz', currency: 'JPY', totalAmount: '9800', sendByEmail: true });
		sandbox().clearRequests();

		const page = await searchInvoices.call(context());
		expect(page).toEqual({
			results: [
				{ name: `#${omar} · Omar Diaz · 9800 JPY · SENT`, value: omar },
				{ name: `#${tanya} · Tanya Lee · 150.00 USD · CREATED`, value: tanya },
			],
			paginationToken: undefined,
		});
		expect(requestLines(sandbox())).toEqual(['GET /invoicing/v2/invoices?offset=0&limit=100']);
		expect(sandbox().requests()[0].authMode).toBe('jwtHS256');
	});

	it('filters by number, customer or status', async () => {
		const tanya = await createInvoice(sandbox(), { customerName: 'Tanya Lee', additionalFields: { invoiceNumber: 'T-1' } });
		const omar = await createInvoice(sandbox(), { customerName: 'Omar Diaz', sendByEmail: true, additionalFields: { invoiceNumber: 'O-2' } });
		const values = async (filter: string) => (await searchInvoices.call(context(), filter)).results.map((result) => result.value);
		expect(await values('omar')).toEqual([omar]);
		expect(await values('created')).toEqual([tanya]);
		expect(await values('#T-1')).toEqual([tanya]);
	});

	it('offers only the invoices the chosen operation can act on (Update: not paid, partly paid or canceled)', async () => {
		const ids = (status: string) => sandbox().seed(1, { status });
		const [draft, created, sent, partial, paid, canceled] = ['DRAFT', 'CREATED', 'SENT', 'PARTIAL', 'PAID', 'CANCELED'].map((status) => ids(status)[0]);
		const offered = async (operation: string) =>
			(await searchInvoices.call(context({ resource: 'invoice', operation }))).results.map((result) => result.value).sort();

		expect(await offered('update')).toEqual([draft, created, sent].sort());
		expect(await offered('send')).toEqual([draft, created, sent, partial].sort());
		expect(await offered('publish')).toEqual([draft]);
		expect(await offered('cancel')).toEqual([draft, created, sent].sort());
		expect(await offered('get')).toEqual([draft, created, sent, partial, paid, canceled].sort());
	});

	it('pages through a long list with its pagination token', async () => {
		const ids = sandbox().seed(250);
		const first = await searchInvoices.call(context());
		const second = await searchInvoices.call(context(), undefined, first.paginationToken as string);
		const third = await searchInvoices.call(context(), undefined, second.paginationToken as string);

		expect([first.paginationToken, second.paginationToken, third.paginationToken]).toEqual(['100', '200', undefined]);
		expect([first, second, third].flatMap((page) => page.results.map((result) => result.value))).toEqual([...ids].reverse());
		expect(requestLines(sandbox())).toEqual([
			'GET /invoicing/v2/invoices?offset=0&limit=100',
			'GET /invoicing/v2/invoices?offset=100&limit=100',
			'GET /invoicing/v2/invoices?offset=200&limit=100',
		]);
	});
});

describe('loadOptions getMerchantDefinedFields and the Merchant-Defined Fields of an invoice', () => {
	it('lists the invoice field definitions as options', async () => {
		await defineField({ fieldType: 'text', label: 'PO Number', merchantDefinedDataIndex: 1 });
		await defineField({ fieldType: 'select', label: 'Tier', merchantDefinedDataIndex: 2, possibleValues: 'Gold,Silver' });
		sandbox().clearRequests();

		const options = await getMerchantDefinedFields.call(context({ resource: 'invoice', operation: 'create' }));
		expect(options).toEqual([
			{ name: 'PO Number', value: 1, description: undefined },
			{ name: 'Tier (list)', value: 2, description: 'Allowed values: Gold,Silver' },
		]);
		expect(requestLines(sandbox())).toEqual([`GET ${MDF}`]);
	});

	it('stores the values of fields picked by id on the invoice, and Update keeps them', async () => {
		await defineField({ fieldType: 'text', label: 'PO Number', merchantDefinedDataIndex: 1 });
		await defineField({ fieldType: 'select', label: 'Tier', merchantDefinedDataIndex: 2, possibleValues: 'Gold,Silver' });
		const [po, tier] = await getMerchantDefinedFields.call(context());
		sandbox().clearRequests();

		const created = await runOk(sandbox(), {
			parameters: createParams({
				additionalFields: {
					merchantDefinedFields: { field: [{ definitionId: po.value, value: 'PO-7781' }, { definitionId: tier.value, value: 'Gold' }] },
				},
			}),
		});
		const id = String(created.json[0].id);
		expect(bodyOf(sandbox().requests()[0]).merchantDefinedFieldValues).toEqual([
			{ definitionId: 1, value: 'PO-7781' },
			{ definitionId: 2, value: 'Gold' },
		]);
		const expected = [
			expect.objectContaining({ definitionId: 1, label: 'PO Number', fieldType: 'text', value: 'PO-7781', position: 1 }),
			expect.objectContaining({ definitionId: 2, label: 'Tier', fieldType: 'select', value: 'Gold', position: 2 }),
		];
		expect(stored(sandbox(), id).merchantDefinedFieldValuesWithDefinition).toEqual(expected);

		await runOk(sandbox(), { parameters: invoiceParams('update', id, { updateFields: { customerName: 'Renamed' } }) });
		expect(stored(sandbox(), id).merchantDefinedFieldValuesWithDefinition).toEqual(expected);
	});

	it('refuses a row without a field before any request, and reports a value the list does not allow', async () => {
		const empty = await run(sandbox(), {
			parameters: createParams({ additionalFields: { merchantDefinedFields: { field: [{ definitionId: '', value: 'x' }] } } }),
		});
		expect(empty.error?.message).toBe('Merchant-Defined Fields: row 1 has no field selected [item 1]');
		expect(sandbox().requests()).toEqual([]);

		await defineField({ fieldType: 'select', label: 'Tier', merchantDefinedDataIndex: 2, possibleValues: 'Gold,Silver' });
		const wrong = await run(sandbox(), {
			parameters: createParams({ additionalFields: { merchantDefinedFields: { field: [{ definitionId: 1, value: 'Bronze' }] } } }),
		});
		expect(wrong.error?.message).toBe('Cybersource rejected the request: Invalid request. (merchantDefinedFieldValues[0].value: INVALID_DATA)');
	});
});
