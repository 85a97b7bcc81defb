import type { IDataObject } from 'n8n-workflow';

import { isBlank } from './values';
import { assertExpirationNotPast, toApiDate } from './dates';
import { InputError } from './inputError';
import { buildAmountDetails, type AmountInputs } from '../money/amountDetails';
import { parseCurrency } from '../money/currencies';
import { optionalInvoiceNumber } from './invoiceNumber';
import { buildLineItems, type LineItemInput } from './lineItems';
import { flag, isOn, optionalAlphanumeric, optionalEmail, optionalText, requiredText } from './text';

/**
 * The invoice fields the user can set, keyed by parameter name. Create reads them from its
 * parameters and Additional Fields; Update from the current invoice overlaid with Update Fields.
 */
export interface InvoiceFields extends AmountInputs {
	customerName?: unknown;
	customerEmail?: unknown;
	merchantCustomerId?: unknown;
	companyName?: unknown;
	description?: unknown;
	dueDate?: unknown;
	expirationDate?: unknown;
	currency?: unknown;
	allowPartialPayments?: unknown;
	invoiceNumber?: unknown;
	requestPhone?: unknown;
	requestShipping?: unknown;
	transactionReferenceNumber?: unknown;
	partnerDeveloperId?: unknown;
	partnerSolutionId?: unknown;
	merchantDefinedFields?: unknown;
	skipTotalCheck?: unknown;
}

export type DeliveryMode = 'email' | 'none';

export interface BodyOptions {
	kind: 'create' | 'update';
	deliveryMode: DeliveryMode;
	/** Create only: false saves a draft, true publishes (and emails when deliveryMode is email). */
	sendImmediately?: boolean;
	/** Whether this invoice will be emailed at some point, so a customer email is needed. */
	emailRequired: boolean;
	/** Refuse an expiration date in the past. Off for a stored date that Update merely keeps. */
	checkExpiration?: boolean;
	/** Compare each given line total with its line. Off for stored lines that Update merely keeps. */
	checkLineTotals?: boolean;
	/** Compare a given Total Amount with the lines. Off while Update does not know the stored amounts. */
	checkInvoiceTotal?: boolean;
}

/** `{ field: [{ definitionId, value }] }` from the UI, or the same list from an existing invoice. */
function merchantDefinedFieldValues(value: unknown): IDataObject[] | undefined {
	const rows = Array.isArray(value) ? value : ((value as IDataObject | undefined)?.field as unknown[] | undefined);
	if (!rows || rows.length === 0) return undefined;
	return rows.map((row, index) => {
		const { definitionId, value: fieldValue } = row as IDataObject;
		const id = Number(definitionId);
		if (!Number.isInteger(id) || id <= 0) {
			throw new InputError('Merchant-Defined Fields', `row ${index + 1} has no field selected`);
		}
		return { definitionId: id, value: optionalText(fieldValue, 'Merchant-Defined Fields', 'merchantDefinedFieldValues[].value') ?? '' };
	});
}

/**
 * The body of a create or update request (the API's CreateInvoiceRequest / UpdateInvoiceRequest).
 * Every check happens here, before anything is sent.
 */
export function buildInvoiceBody(
	fields: InvoiceFields,
	lineInputs: LineItemInput[] | undefined,
	options: BodyOptions,
): IDataObject {
	const body: IDataObject = {};
	const customer = customerInformation(fields, options);
	if (customer) body.customerInformation = customer;
	const processing = processingInformation(fields);
	if (processing) body.processingInformation = processing;
	const allowPartialPayments = isOn(fields.allowPartialPayments, 'Allow Partial Payments');
	body.invoiceInformation = invoiceInformation(fields, options, allowPartialPayments);
	body.orderInformation = orderInformation(fields, lineInputs, options, allowPartialPayments);
	const definedFields = merchantDefinedFieldValues(fields.merchantDefinedFields);
	if (definedFields) body.merchantDefinedFieldValues = definedFields;
	if (options.kind === 'create') {
		const partner = partnerInformation(fields);
		if (partner) body.clientReferenceInformation = { partner };
	}
	return body;
}

/** Keeps only the keys that have a value; undefined when none has. */
function present(values: IDataObject): IDataObject | undefined {
	const kept = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
	return Object.keys(kept).length ? kept : undefined;
}

function customerInformation(fields: InvoiceFields, options: BodyOptions): IDataObject | undefined {
	const name = optionalText(fields.customerName, 'Customer Name', 'customerInformation.name');
	const email = optionalEmail(fields.customerEmail, 'Customer Email');
	const merchantCustomerId = optionalText(
		fields.merchantCustomerId,
		'Merchant Customer ID',
		'customerInformation.merchantCustomerId',
	);
	const companyName = optionalText(fields.companyName, 'Company Name', 'customerInformation.company.name');
	if (options.emailRequired && email === undefined) {
		throw new InputError(
			'Customer Email',
			'is required because the invoice will be emailed. Add the customer\'s email, or turn off emailing to share the payment link yourself',
		);
	}
	const company = companyName === undefined ? undefined : { name: companyName };
	return present({ name, email, merchantCustomerId, company });
}

function processingInformation(fields: InvoiceFields): IDataObject | undefined {
	return present({
		requestPhone: flag(fields.requestPhone, 'Request Phone'),
		requestShipping: flag(fields.requestShipping, 'Request Shipping'),
	});
}

function invoiceInformation(fields: InvoiceFields, options: BodyOptions, allowPartialPayments: boolean): IDataObject {
	const invoice: IDataObject = {};
	if (options.kind === 'create') {
		const number = optionalInvoiceNumber(fields.invoiceNumber);
		if (number !== undefined) invoice.invoiceNumber = number;
	}
	invoice.description = requiredText(
		fields.description,
		'Description',
		'invoiceInformation.description',
		'Say what the invoice is for; the customer sees it',
	);
	if (isBlank(fields.dueDate)) throw new InputError('Due Date', 'is required');
	invoice.dueDate = toApiDate(fields.dueDate, 'Due Date');
	if (!isBlank(fields.expirationDate)) {
		const expiration = toApiDate(fields.expirationDate, 'Expiration Date');
		if (options.checkExpiration !== false) assertExpirationNotPast(expiration, 'Expiration Date');
		invoice.expirationDate = expiration;
	}
	invoice.allowPartialPayments = allowPartialPayments;
	invoice.deliveryMode = options.deliveryMode;
	if (options.sendImmediately !== undefined) invoice.sendImmediately = options.sendImmediately;
	const reference = optionalAlphanumeric(
		fields.transactionReferenceNumber,
		'Transaction Reference Number',
		'invoiceInformation.transactionReferenceNumber',
	);
	if (reference !== undefined) invoice.transactionReferenceNumber = reference;
	return invoice;
}

function orderInformation(
	fields: InvoiceFields,
	lineInputs: LineItemInput[] | undefined,
	options: BodyOptions,
	allowPartialPayments: boolean,
): IDataObject {
	const currency = parseCurrency(fields.currency);
	const skipTotalCheck = isOn(fields.skipTotalCheck, 'Skip Total Check');
	const lines =
		lineInputs && lineInputs.length
			? buildLineItems(lineInputs, currency, { skipTotalCheck: skipTotalCheck || options.checkLineTotals === false })
			: undefined;
	const order: IDataObject = {
		amountDetails: buildAmountDetails(currency, fields, lines, {
			allowPartialPayments,
			skipTotalCheck: skipTotalCheck || options.checkInvoiceTotal === false,
		}),
	};
	if (lines) order.lineItems = lines.items;
	return order;
}

function partnerInformation(fields: InvoiceFields): IDataObject | undefined {
	return present({
		developerId: optionalText(fields.partnerDeveloperId, 'Partner Developer ID', 'clientReferenceInformation.partner.developerId'),
		solutionId: optionalText(fields.partnerSolutionId, 'Partner Solution ID', 'clientReferenceInformation.partner.solutionId'),
	});
}
