/**
 * Request validation of docs/cybersource-api.md#field-limits (invoice create/update; the list
 * query: listQuery.ts). Produces the stored, normalised invoice content plus `details[]` entries
 * whose `field` is the JSON path of the offending value, e.g. `orderInformation.lineItems[3].quantity`.
 */

import { Checker, type Json } from './checker';
import { ErrorDetail, INVALID } from './errors';
import {
	AmountDetails,
	DeliveryMode,
	InvoiceContent,
	LineItem,
	MdfDefinition,
} from '../types';

export const MAX_LINE_ITEMS = 30;
export const MAX_QUANTITY = 999999999;
/** Responses declare `id` maxLength 26, so longer numbers could not be echoed (docs/cybersource-api.md#invoice-numbers, inferred). */
export const MAX_INVOICE_NUMBER = 26;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Drops undefined members so stored/echoed objects only carry what was sent. */
function compact<T extends object>(value: T): T | undefined {
	const entries = Object.entries(value).filter(([, v]) => v !== undefined);
	return entries.length ? (Object.fromEntries(entries) as T) : undefined;
}

export interface InvoiceInput {
	content: InvoiceContent;
	invoiceNumber?: string;
	sendImmediately?: boolean;
	deliveryMode?: DeliveryMode;
}

export interface InvoiceValidationContext {
	/** UTC `YYYY-MM-DD` of the sandbox clock; expirationDate may not be earlier. */
	today: string;
	/** Definitions of referenceType Invoice, by id. */
	mdfDefinitions: Map<number, MdfDefinition>;
}

/**
 * Create and update share one schema except that update has no `invoiceNumber` and no
 * `clientReferenceInformation`; the caller decides what to do with those on update.
 */
export function validateInvoice(
	body: unknown,
	context: InvoiceValidationContext,
): { input?: InvoiceInput; details: ErrorDetail[] } {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) {
		return { details: [{ field: 'body', reason: INVALID }] };
	}
	const root = body as Json;
	const c = new Checker();

	validateClientReference(c, root);
	const customerInformation = validateCustomer(c, root);
	const processingInformation = validateProcessing(c, root);

	// A missing parent is reported once, not once per required child.
	const info = c.object('invoiceInformation', root.invoiceInformation, true);
	if (!info) return { details: c.details.concat(validateOrderOnly(root, context)) };
	const invoiceNumber = c.string('invoiceInformation.invoiceNumber', info.invoiceNumber, {
		max: MAX_INVOICE_NUMBER,
		pattern: /\S/,
	});
	const description = c.string('invoiceInformation.description', info.description, {
		max: 2000,
		required: true,
	});
	const dueDate = c.date('invoiceInformation.dueDate', info.dueDate, { required: true });
	const expirationDate = c.date('invoiceInformation.expirationDate', info.expirationDate, {
		notBefore: context.today,
	});
	const sendImmediately = c.boolean('invoiceInformation.sendImmediately', info.sendImmediately);
	const allowPartialPayments = c.boolean(
		'invoiceInformation.allowPartialPayments',
		info.allowPartialPayments,
	);
	const transactionReferenceNumber = c.string(
		'invoiceInformation.transactionReferenceNumber',
		info.transactionReferenceNumber,
		{ max: 40, pattern: /^[A-Za-z0-9]*$/ },
	);
	const deliveryMode = readDeliveryMode(c, info.deliveryMode);

	const { amountDetails, lineItems } = validateOrder(c, root);
	const merchantDefinedFieldValues = validateMdfValues(c, root.merchantDefinedFieldValues, context);

	const content: InvoiceContent = {
		invoiceInformation: compact({
			description: description ?? '',
			dueDate: dueDate ?? '',
			expirationDate,
			allowPartialPayments,
			transactionReferenceNumber,
		})!,
		orderInformation: compact({ amountDetails, lineItems })!,
	};
	if (customerInformation) content.customerInformation = customerInformation;
	if (processingInformation) content.processingInformation = processingInformation;
	if (merchantDefinedFieldValues) content.merchantDefinedFieldValues = merchantDefinedFieldValues;
	return { input: { content, invoiceNumber, sendImmediately, deliveryMode }, details: c.details };
}

/** Partner ids (optional; only their lengths are checked, nothing is stored). */
function validateClientReference(c: Checker, root: Json): void {
	const clientRef = c.object('clientReferenceInformation', root.clientReferenceInformation);
	const partner = clientRef && c.object('clientReferenceInformation.partner', clientRef.partner);
	if (partner) {
		c.string('clientReferenceInformation.partner.developerId', partner.developerId, { max: 8 });
		c.string('clientReferenceInformation.partner.solutionId', partner.solutionId, { max: 8 });
	}
}

function validateCustomer(c: Checker, root: Json): InvoiceContent['customerInformation'] {
	const customer = c.object('customerInformation', root.customerInformation);
	let customerInformation: InvoiceContent['customerInformation'];
	if (customer) {
		const company = c.object('customerInformation.company', customer.company);
		customerInformation = compact({
			name: c.string('customerInformation.name', customer.name, { max: 100 }),
			email: c.string('customerInformation.email', customer.email, { max: 255, pattern: EMAIL }),
			merchantCustomerId: c.string(
				'customerInformation.merchantCustomerId',
				customer.merchantCustomerId,
				{
					max: 100,
				},
			),
			company:
				company &&
				compact({ name: c.string('customerInformation.company.name', company.name, { max: 60 }) }),
		});
	}
	return customerInformation;
}

function validateProcessing(c: Checker, root: Json): InvoiceContent['processingInformation'] {
	const processing = c.object('processingInformation', root.processingInformation);
	const processingInformation =
		processing &&
		compact({
			requestPhone: c.boolean('processingInformation.requestPhone', processing.requestPhone),
			requestShipping: c.boolean(
				'processingInformation.requestShipping',
				processing.requestShipping,
			),
		});
	return processingInformation;
}

/** Any case is accepted (docs/cybersource-api.md#delivery-mode-casing) and stored lower case. */
function readDeliveryMode(c: Checker, value: unknown): DeliveryMode | undefined {
	const modeText = c.string('invoiceInformation.deliveryMode', value);
	if (modeText === undefined) return undefined;
	const lower = modeText.toLowerCase();
	if (lower === 'email' || lower === 'none') return lower;
	c.issue('invoiceInformation.deliveryMode', INVALID);
	return undefined;
}

function validateOrder(
	c: Checker,
	root: Json,
): { amountDetails: AmountDetails; lineItems?: LineItem[] } {
	const order = c.object('orderInformation', root.orderInformation, true);
	const amounts = order && c.object('orderInformation.amountDetails', order.amountDetails, true);
	const amountDetails = amounts
		? validateAmountDetails(c, amounts)
		: { totalAmount: '0', currency: '' };
	let lineItems: LineItem[] | undefined;
	if (order && order.lineItems !== undefined && order.lineItems !== null) {
		if (!Array.isArray(order.lineItems)) c.issue('orderInformation.lineItems', INVALID);
		else if (order.lineItems.length > MAX_LINE_ITEMS)
			c.issue('orderInformation.lineItems', INVALID);
		else lineItems = order.lineItems.map((item, index) => validateLineItem(c, item, index));
	}
	return { amountDetails, lineItems };
}

/** Without invoiceInformation there is nothing to store; still report the order's problems. */
function validateOrderOnly(root: Json, context: InvoiceValidationContext): ErrorDetail[] {
	const c = new Checker();
	validateOrder(c, root);
	validateMdfValues(c, root.merchantDefinedFieldValues, context);
	return c.details;
}

function validateAmountDetails(c: Checker, a: Json): AmountDetails {
	const p = 'orderInformation.amountDetails';
	const tax = c.object(`${p}.taxDetails`, a.taxDetails);
	const freight = c.object(`${p}.freight`, a.freight);
	const currency = c.string(`${p}.currency`, a.currency, {
		max: 3,
		required: true,
		pattern: /^[A-Za-z]{3}$/,
	});
	return compact({
		totalAmount: c.amount(`${p}.totalAmount`, a.totalAmount, { max: 19, required: true }) ?? '0',
		currency: currency?.toUpperCase() ?? '',
		discountAmount: c.amount(`${p}.discountAmount`, a.discountAmount, { max: 15 }),
		discountPercent: c.amount(`${p}.discountPercent`, a.discountPercent, { max: 7 }),
		subAmount: c.amount(`${p}.subAmount`, a.subAmount, { max: 25 }),
		minimumPartialAmount: c.amount(`${p}.minimumPartialAmount`, a.minimumPartialAmount),
		// `type` is free text in practice ("State Tax"), despite the enum in the spec (docs/cybersource-api.md#field-limits).
		taxDetails:
			tax &&
			compact({
				type: c.string(`${p}.taxDetails.type`, tax.type),
				amount: c.amount(`${p}.taxDetails.amount`, tax.amount, { max: 13 }),
				rate: c.amount(`${p}.taxDetails.rate`, tax.rate, { max: 6 }),
			}),
		freight:
			freight &&
			compact({
				amount: c.amount(`${p}.freight.amount`, freight.amount, { max: 13 }),
				taxable: c.boolean(`${p}.freight.taxable`, freight.taxable),
				taxRate: c.amount(`${p}.freight.taxRate`, freight.taxRate, { max: 7 }),
			}),
	})!;
}

/**
 * The schema requires nothing per line, the developer guide requires sku, name, quantity, unit
 * price and total; we require the two without which a line cannot be shown on the pay page
 * (name, unit price) and let quantity default to 1 as the schema says.
 */
function validateLineItem(c: Checker, value: unknown, index: number): LineItem {
	const p = `orderInformation.lineItems[${index}]`;
	const item = c.object(p, value, true);
	if (!item) return { quantity: 1 };
	return (
		compact({
			productSku: c.string(`${p}.productSku`, item.productSku, { max: 255 }),
			productName: c.string(`${p}.productName`, item.productName, { max: 255, required: true }),
			quantity: c.integer(`${p}.quantity`, item.quantity, { min: 1, max: MAX_QUANTITY }) ?? 1,
			unitPrice: c.amount(`${p}.unitPrice`, item.unitPrice, { max: 15, required: true }),
			discountAmount: c.amount(`${p}.discountAmount`, item.discountAmount, { max: 13 }),
			discountPercent: c.amount(`${p}.discountPercent`, item.discountPercent, {
				max: 6,
				maxDecimals: 2,
			}),
			taxAmount: c.amount(`${p}.taxAmount`, item.taxAmount, { max: 15 }),
			taxRate: c.amount(`${p}.taxRate`, item.taxRate, { max: 7 }),
			totalAmount: c.amount(`${p}.totalAmount`, item.totalAmount, { max: 13 }),
		}) ?? {}
	);
}

function validateMdfValues(
	c: Checker,
	value: unknown,
	context: InvoiceValidationContext,
): InvoiceContent['merchantDefinedFieldValues'] {
	if (value === undefined || value === null) return undefined;
	if (!Array.isArray(value)) return c.issue('merchantDefinedFieldValues', INVALID);
	const result: NonNullable<InvoiceContent['merchantDefinedFieldValues']> = [];
	value.forEach((entry, index) => {
		const p = `merchantDefinedFieldValues[${index}]`;
		const item = c.object(p, entry, true);
		if (!item) return;
		const definitionId = c.integer(`${p}.definitionId`, item.definitionId, {
			required: true,
			min: 1,
		});
		const text = c.string(`${p}.value`, item.value, { required: true });
		if (definitionId === undefined || text === undefined) return;
		// Values must point at an existing Invoice definition (docs/cybersource-api.md#merchant-defined-fields) and respect it.
		const definition = context.mdfDefinitions.get(definitionId);
		if (!definition) return c.issue(`${p}.definitionId`, INVALID);
		if (definition.fieldType === 'select' && definition.possibleValues) {
			const options = definition.possibleValues.split(',').map((option) => option.trim());
			if (!options.includes(text)) return c.issue(`${p}.value`, INVALID);
		} else if (text.length > definition.textMaxLength || text.length < definition.textMinLength) {
			return c.issue(`${p}.value`, INVALID);
		}
		result.push({ definitionId, value: text });
	});
	return result;
}
