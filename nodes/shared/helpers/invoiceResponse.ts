import type { IDataObject } from 'n8n-workflow';

import { answerAmount } from '../money/amounts';
import { objectOf } from './json';
import { historyPayments } from './payments';
import type { DeliveryMode, InvoiceFields } from './invoiceBody';
import type { LineItemInput } from './lineItems';

/*
 * Reading an invoice as Cybersource answers it: back into the fields Update starts from, into the
 * flat shape of the Simplify option, and the invoice id of a "created, but the email failed" answer.
 */

/** Stored invoice, read back into the fields Update starts from (docs/cybersource-api.md#invoice-resource). */
interface CurrentInvoice {
	status: string;
	deliveryMode: DeliveryMode;
	fields: InvoiceFields;
	lines: LineItemInput[];
}

export function readCurrentInvoice(invoice: IDataObject): CurrentInvoice {
	const customer = objectOf(invoice.customerInformation);
	const processing = objectOf(invoice.processingInformation);
	const info = objectOf(invoice.invoiceInformation);
	const order = objectOf(invoice.orderInformation);
	const amounts = objectOf(order.amountDetails);
	const tax = objectOf(amounts.taxDetails);
	const freight = objectOf(amounts.freight);
	const definedFields = Array.isArray(invoice.merchantDefinedFieldValuesWithDefinition)
		? (invoice.merchantDefinedFieldValuesWithDefinition as IDataObject[])
		: Array.isArray(invoice.merchantDefinedFieldValues)
			? (invoice.merchantDefinedFieldValues as IDataObject[])
			: [];

	const fields: InvoiceFields = {
		customerName: customer.name,
		customerEmail: customer.email,
		merchantCustomerId: customer.merchantCustomerId,
		companyName: objectOf(customer.company).name,
		requestPhone: processing.requestPhone,
		requestShipping: processing.requestShipping,
		description: info.description,
		dueDate: info.dueDate,
		expirationDate: info.expirationDate,
		allowPartialPayments: info.allowPartialPayments,
		transactionReferenceNumber: info.transactionReferenceNumber,
		currency: amounts.currency,
		totalAmount: amounts.totalAmount,
		subAmount: amounts.subAmount,
		discountAmount: amounts.discountAmount,
		discountPercent: amounts.discountPercent,
		taxType: tax.type,
		taxAmount: tax.amount,
		taxRate: tax.rate,
		freightAmount: freight.amount,
		freightTaxable: freight.taxable,
		freightTaxRate: freight.taxRate,
		minimumPartialAmount: amounts.minimumPartialAmount,
		merchantDefinedFields: definedFields.map((field) => ({
			definitionId: field.definitionId,
			value: field.value,
		})),
	};
	const lines = (Array.isArray(order.lineItems) ? (order.lineItems as IDataObject[]) : []).map(
		(line): LineItemInput => ({
			sku: line.productSku,
			name: line.productName,
			quantity: line.quantity,
			unitPrice: line.unitPrice,
			discountAmount: line.discountAmount,
			discountPercent: line.discountPercent,
			taxAmount: line.taxAmount,
			taxRate: line.taxRate,
			totalAmount: line.totalAmount,
		}),
	);
	// Responses capitalise it ("Email"/"None"); requests use lower case (docs/cybersource-api.md#delivery-mode-casing).
	const deliveryMode: DeliveryMode = String(info.deliveryMode ?? '').toLowerCase() === 'none' ? 'none' : 'email';
	return { status: String(invoice.status ?? ''), deliveryMode, fields, lines };
}

/** The flat shape of the Simplify option. */
export function simplifyInvoice(invoice: IDataObject): IDataObject {
	const customer = objectOf(invoice.customerInformation);
	const info = objectOf(invoice.invoiceInformation);
	const amounts = objectOf(objectOf(invoice.orderInformation).amountDetails);
	const currency = String(amounts.currency ?? '');
	return {
		id: invoice.id ?? null,
		invoiceNumber: info.invoiceNumber ?? invoice.id ?? null,
		status: invoice.status ?? null,
		customerName: customer.name ?? null,
		customerEmail: customer.email ?? null,
		currency: currency || null,
		totalAmount: answerAmount(amounts.totalAmount, currency),
		balanceAmount: answerAmount(amounts.balanceAmount, currency),
		dueDate: info.dueDate ?? null,
		paymentLink: info.paymentLink ?? null,
		...historyPayments(invoice),
	};
}

/** The invoice id of a 202 "created but the email failed" answer lives only in its message (docs/cybersource-api.md#email-failure-on-create). */
export function invoiceIdFromAcceptedMessage(message: unknown): string | undefined {
	const match = /Invoice ID\s+(\S+)\s+created/i.exec(String(message ?? ''));
	return match?.[1];
}
