import type { IDataObject } from 'n8n-workflow';

import { objectOf } from './json';

/*
 * Everything a create sends that the stored invoice echoes (docs/cybersource-api.md#invoice-resource),
 * compared field by field: an invoice found under the item's number is the item's invoice only if
 * all of them agree. Values are compared in the form the API may answer in (amounts as numbers or
 * strings, `150` or `"150.00"`; email and currency in any case; surrounding spaces), never looser.
 * Not compared: delivery mode and sendImmediately (how the invoice goes out, which Send changes
 * later), status and balance (payments change them), partner ids (not echoed) and
 * transactionReferenceNumber (only the newest schema has it; docs/cybersource-api.md#what-is-uncertain).
 */

/** `date`: text compared as is and shown without quotes, like `2026-12-20`. */
type Kind = 'text' | 'date' | 'email' | 'currency' | 'amount' | 'quantity' | 'flag';

/** One field as sent and as stored. `whenSent`: the API may fill it in, so only a sent value counts. */
interface Pair {
	label: string;
	kind: Kind;
	sent: unknown;
	stored: unknown;
	whenSent?: boolean;
}

/** A field that differs, with both values as the message shows them. */
export interface Difference {
	label: string;
	sent: string;
	stored: string;
}

function isAbsent(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A decimal amount as a number: `150`, `"150"` and `"150.00"` agree; anything else is NaN, equal to nothing. */
function decimal(value: unknown): number {
	if (typeof value === 'number') return value;
	return /^\s*-?\d+(\.\d+)?\s*$/.test(String(value)) ? Number(value) : Number.NaN;
}

/** The value compared. An absent amount is 0 and an absent flag off, as the API reads them. */
function comparable(kind: Kind, value: unknown): string | number | boolean {
	if (kind === 'flag') return value === true || value === 'true';
	if (kind === 'amount') return isAbsent(value) ? 0 : decimal(value);
	// The API's default quantity.
	if (kind === 'quantity') return isAbsent(value) ? 1 : decimal(value);
	const text = isAbsent(value) ? '' : String(value).trim();
	if (kind === 'email') return text.toLowerCase();
	return kind === 'currency' ? text.toUpperCase() : text;
}

const MAX_SHOWN = 60;

function shown(kind: Kind, value: unknown): string {
	if (kind === 'flag') return comparable(kind, value) ? 'on' : 'off';
	if (isAbsent(value)) return 'none';
	const text = String(value).trim();
	if (kind !== 'text') return text;
	return JSON.stringify(text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text);
}

function customerPairs(sent: IDataObject, stored: IDataObject): Pair[] {
	const [a, b] = [objectOf(sent.customerInformation), objectOf(stored.customerInformation)];
	const [c, d] = [objectOf(sent.processingInformation), objectOf(stored.processingInformation)];
	return [
		{ label: 'customer email', kind: 'email', sent: a.email, stored: b.email },
		{ label: 'customer name', kind: 'text', sent: a.name, stored: b.name },
		{ label: 'merchant customer ID', kind: 'text', sent: a.merchantCustomerId, stored: b.merchantCustomerId },
		{ label: 'company name', kind: 'text', sent: objectOf(a.company).name, stored: objectOf(b.company).name },
		{ label: 'request phone', kind: 'flag', sent: c.requestPhone, stored: d.requestPhone },
		{ label: 'request shipping', kind: 'flag', sent: c.requestShipping, stored: d.requestShipping },
	];
}

function invoicePairs(sent: IDataObject, stored: IDataObject): Pair[] {
	const [a, b] = [objectOf(sent.invoiceInformation), objectOf(stored.invoiceInformation)];
	return [
		{ label: 'description', kind: 'text', sent: a.description, stored: b.description },
		{ label: 'due date', kind: 'date', sent: a.dueDate, stored: b.dueDate },
		{ label: 'expiration date', kind: 'date', sent: a.expirationDate, stored: b.expirationDate, whenSent: true },
		{ label: 'allow partial payments', kind: 'flag', sent: a.allowPartialPayments, stored: b.allowPartialPayments },
	];
}

function amountPairs(sent: IDataObject, stored: IDataObject): Pair[] {
	const [a, b] = [objectOf(objectOf(sent.orderInformation).amountDetails), objectOf(objectOf(stored.orderInformation).amountDetails)];
	const [taxA, taxB] = [objectOf(a.taxDetails), objectOf(b.taxDetails)];
	const [freightA, freightB] = [objectOf(a.freight), objectOf(b.freight)];
	return [
		{ label: 'currency', kind: 'currency', sent: a.currency, stored: b.currency },
		{ label: 'total', kind: 'amount', sent: a.totalAmount, stored: b.totalAmount },
		{ label: 'sub amount', kind: 'amount', sent: a.subAmount, stored: b.subAmount },
		{ label: 'discount amount', kind: 'amount', sent: a.discountAmount, stored: b.discountAmount },
		{ label: 'discount percent', kind: 'amount', sent: a.discountPercent, stored: b.discountPercent },
		{ label: 'tax type', kind: 'text', sent: taxA.type, stored: taxB.type },
		{ label: 'tax amount', kind: 'amount', sent: taxA.amount, stored: taxB.amount },
		{ label: 'tax rate', kind: 'amount', sent: taxA.rate, stored: taxB.rate },
		{ label: 'freight amount', kind: 'amount', sent: freightA.amount, stored: freightB.amount },
		{ label: 'freight taxable', kind: 'flag', sent: freightA.taxable, stored: freightB.taxable },
		{ label: 'freight tax rate', kind: 'amount', sent: freightA.taxRate, stored: freightB.taxRate },
		{ label: 'minimum partial amount', kind: 'amount', sent: a.minimumPartialAmount, stored: b.minimumPartialAmount },
	];
}

function listOf(value: unknown): IDataObject[] {
	return Array.isArray(value) ? value.map(objectOf) : [];
}

const LINE_FIELDS: Array<[string, string, Kind]> = [
	['productName', 'name', 'text'],
	['productSku', 'SKU', 'text'],
	['quantity', 'quantity', 'quantity'],
	['unitPrice', 'unit price', 'amount'],
	['discountAmount', 'discount amount', 'amount'],
	['discountPercent', 'discount percent', 'amount'],
	['taxAmount', 'tax amount', 'amount'],
	['taxRate', 'tax rate', 'amount'],
	['totalAmount', 'total', 'amount'],
];

/** Lines in order, field by field; a different number of lines is one difference. */
function linePairs(sent: IDataObject, stored: IDataObject): Pair[] {
	const a = listOf(objectOf(sent.orderInformation).lineItems);
	const b = listOf(objectOf(stored.orderInformation).lineItems);
	if (a.length !== b.length) return [{ label: 'number of line items', kind: 'quantity', sent: String(a.length), stored: String(b.length) }];
	return a.flatMap((line, index) =>
		LINE_FIELDS.map(([key, name, kind]): Pair => ({ label: `line ${index + 1} ${name}`, kind, sent: line[key], stored: b[index][key] })),
	);
}

/** Each merchant-defined field sent; the API may list others with their default values. */
function definedFieldPairs(sent: IDataObject, stored: IDataObject): Pair[] {
	const storedFields = listOf(stored.merchantDefinedFieldValuesWithDefinition ?? stored.merchantDefinedFieldValues);
	return listOf(sent.merchantDefinedFieldValues).map((field) => {
		const match = storedFields.find((candidate) => String(candidate.definitionId) === String(field.definitionId));
		const name = match?.label === undefined ? `#${String(field.definitionId)}` : JSON.stringify(String(match.label));
		return { label: `merchant-defined field ${name}`, kind: 'text', sent: field.value, stored: match?.value };
	});
}

/** The fields in which the stored invoice differs from the create request sent; [] when none. */
export function differences(sent: IDataObject, stored: IDataObject): Difference[] {
	const pairs = [
		...customerPairs(sent, stored),
		...invoicePairs(sent, stored),
		...amountPairs(sent, stored),
		...linePairs(sent, stored),
		...definedFieldPairs(sent, stored),
	];
	return pairs
		.filter((pair) => !(pair.whenSent && isAbsent(pair.sent)))
		.filter((pair) => comparable(pair.kind, pair.sent) !== comparable(pair.kind, pair.stored))
		.map((pair) => ({ label: pair.label, sent: shown(pair.kind, pair.sent), stored: shown(pair.kind, pair.stored) }));
}
