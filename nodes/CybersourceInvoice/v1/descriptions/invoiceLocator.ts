import type { INodeProperties } from 'n8n-workflow';

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
