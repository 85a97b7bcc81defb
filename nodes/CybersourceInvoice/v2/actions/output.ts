import type { IDataObject } from 'n8n-workflow';

/**
 * Version 2's order of a simplified invoice: what a user looks for first (which invoice, its
 * status, the link to share), then customer and amounts. Keys not listed (like invoiceNumber, or
 * a warning) follow in the order version 1 gives them.
 */
export const SIMPLIFIED_ORDER = [
	'id',
	'status',
	'paymentLink',
	'customerName',
	'customerEmail',
	'currency',
	'totalAmount',
	'balanceAmount',
	'dueDate',
] as const;

export function inSimplifiedOrder(item: IDataObject): IDataObject {
	const ordered: IDataObject = {};
	for (const key of SIMPLIFIED_ORDER) if (key in item) ordered[key] = item[key];
	for (const [key, value] of Object.entries(item)) if (!(key in ordered)) ordered[key] = value;
	return ordered;
}
