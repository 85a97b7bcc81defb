import type { IExecuteFunctions, INodeProperties, INodeParameterResourceLocator } from 'n8n-workflow';

import { InputError } from '../helpers/inputError';

export const invoiceLocator: INodeProperties = {
	displayName: 'Invoice',
	name: 'invoiceId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The invoice to act on, picked from the most recent invoices or given by its number',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchInvoices', searchable: true },
		},
		{
			displayName: 'By Number',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 98753 or INV-2026-0042',
			hint: 'The invoice number (the same as its ID), as returned by Create or Get Many',
		},
	],
};

export function readInvoiceId(this: IExecuteFunctions, itemIndex: number): string {
	const locator = this.getNodeParameter('invoiceId', itemIndex) as INodeParameterResourceLocator | string;
	const value = typeof locator === 'object' ? locator.value : locator;
	const id = String(value ?? '').trim();
	if (!id) throw new InputError('Invoice', 'is required: pick one from the list or enter its number');
	return id;
}
