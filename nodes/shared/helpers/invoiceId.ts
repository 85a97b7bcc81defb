import type { IExecuteFunctions } from 'n8n-workflow';

import { InputError } from './inputError';
import { assertPrintable } from './text';

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

/**
 * The Invoice parameter. n8n's `extractValue` returns the value of a resource locator in any mode,
 * and plain text (from an older or generated workflow) as it is.
 */
export function readInvoiceId(this: IExecuteFunctions, itemIndex: number): string {
	return parseInvoiceId(this.getNodeParameter('invoiceId', itemIndex, undefined, { extractValue: true }));
}
