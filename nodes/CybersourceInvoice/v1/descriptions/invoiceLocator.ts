import type { IExecuteFunctions, INodeProperties, INodeParameterResourceLocator } from 'n8n-workflow';

import { InputError } from '../../helpers/inputError';
import { assertPrintable } from '../../helpers/text';

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

/**
 * The one rule for an invoice id taken from a parameter: text or a whole number, trimmed, on one
 * line, and not "." or ".." (URL normalisation would turn `/invoices/..` into another endpoint).
 */
export function parseInvoiceId(value: unknown, field = 'Invoice'): string {
	if (value !== null && typeof value === 'object') {
		throw new InputError(
			field,
			`must be an invoice number, got ${Array.isArray(value) ? 'a list' : 'an object'}. Point the expression at the number itself, like {{ $json.id }}`,
		);
	}
	if (typeof value === 'boolean' || (typeof value === 'number' && !Number.isSafeInteger(value))) {
		throw new InputError(field, `must be an invoice number, got ${String(value)}`);
	}
	const id = assertPrintable(String(value ?? '').trim(), field, false);
	if (!id) throw new InputError(field, 'is required: pick one from the list or enter its number');
	if (id === '.' || id === '..') {
		throw new InputError(field, `"${id}" is not an invoice number. Use the number shown by Create or Get Many, like 98753`);
	}
	return id;
}

export function readInvoiceId(this: IExecuteFunctions, itemIndex: number): string {
	const locator = this.getNodeParameter('invoiceId', itemIndex) as INodeParameterResourceLocator | string;
	const isLocator = locator !== null && typeof locator === 'object' && 'mode' in locator && 'value' in locator;
	return parseInvoiceId(isLocator ? locator.value : locator);
}
