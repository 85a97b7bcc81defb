/**
 * Response shapes of docs/cybersource-api.md#invoice-resource: the invoice resource, list summaries and `_links`. Amounts are rendered
 * as JSON numbers by default (what the live sandbox prints) or as strings (`amountsAs`).
 */

import { hasPaymentLink } from './stateMachine';
import { isoMillis, isoSeconds, submitTimeUtc } from './time';
import type { AmountDetails, LineItem, MdfDefinition, StoredInvoice } from '../types';

export type AmountStyle = 'number' | 'string';

export const PAY_BASE = 'https://businesscentertest.cybersource.com/ebc2/invoicing/payInvoice/';

interface Link {
	href: string;
	method: string;
}

export function invoiceHref(id: string): string {
	return `/v2/invoices/${encodeURIComponent(id)}`;
}

/** docs/cybersource-api.md#links: links follow the status; hrefs omit the `/invoicing` prefix like current examples. */
export function statusLinks(invoice: StoredInvoice): Record<string, Link> {
	const base = invoiceHref(invoice.id);
	const links: Record<string, Link> = { self: { href: base, method: 'GET' } };
	if (invoice.status === 'DRAFT' || invoice.status === 'CREATED' || invoice.status === 'SENT') {
		links.update = { href: base, method: 'PUT' };
		links.deliver = { href: `${base}/delivery`, method: 'POST' };
		links.cancel = { href: `${base}/cancelation`, method: 'POST' };
	} else if (invoice.status === 'PARTIAL') {
		links.deliver = { href: `${base}/delivery`, method: 'POST' };
	}
	return links;
}

/** Publish/cancel answers carry only `self`, pointing at the action (spec examples). */
export function actionLinks(
	invoice: StoredInvoice,
	action: 'publication' | 'cancelation',
): Record<string, Link> {
	return { self: { href: `${invoiceHref(invoice.id)}/${action}`, method: 'POST' } };
}

function amount(value: string | undefined, style: AmountStyle): string | number | undefined {
	if (value === undefined) return undefined;
	return style === 'number' ? Number(value) : value;
}

function renderAmounts(details: AmountDetails, balance: string, style: AmountStyle): object {
	const out: Record<string, unknown> = {
		totalAmount: amount(details.totalAmount, style),
		currency: details.currency,
		balanceAmount: amount(balance, style),
		discountAmount: amount(details.discountAmount, style),
		discountPercent: amount(details.discountPercent, style),
		subAmount: amount(details.subAmount, style),
		minimumPartialAmount: amount(details.minimumPartialAmount, style),
	};
	if (details.taxDetails) {
		out.taxDetails = {
			type: details.taxDetails.type,
			amount: amount(details.taxDetails.amount, style),
			rate: amount(details.taxDetails.rate, style),
		};
	}
	if (details.freight) {
		out.freight = {
			amount: amount(details.freight.amount, style),
			taxable: details.freight.taxable,
			taxRate: amount(details.freight.taxRate, style),
		};
	}
	return out;
}

function renderLineItem(item: LineItem, style: AmountStyle): object {
	return {
		productSku: item.productSku,
		productName: item.productName,
		quantity: item.quantity,
		unitPrice: amount(item.unitPrice, style),
		discountAmount: amount(item.discountAmount, style),
		discountPercent: amount(item.discountPercent, style),
		taxAmount: amount(item.taxAmount, style),
		taxRate: amount(item.taxRate, style),
		totalAmount: amount(item.totalAmount, style),
	};
}

export interface RenderContext {
	style: AmountStyle;
	now: number;
	mdfDefinitions: Map<number, MdfDefinition>;
}

/** The full invoice resource (docs/cybersource-api.md#invoice-resource); `invoiceHistory` only for GET (docs/cybersource-api.md#invoice-history). */
export function renderInvoice(
	invoice: StoredInvoice,
	context: RenderContext,
	options: { history?: boolean; links?: Record<string, Link> } = {},
): object {
	const { content } = invoice;
	const info = content.invoiceInformation;
	const out: Record<string, unknown> = {
		_links: options.links ?? statusLinks(invoice),
		id: invoice.id,
		submitTimeUtc: submitTimeUtc(context.now),
		status: invoice.status,
		customerInformation: content.customerInformation,
		processingInformation: content.processingInformation,
		invoiceInformation: {
			invoiceNumber: invoice.id,
			description: info.description,
			dueDate: info.dueDate,
			expirationDate: info.expirationDate,
			allowPartialPayments: info.allowPartialPayments ?? false,
			paymentLink: hasPaymentLink(invoice.status) ? paymentLink(invoice) : undefined,
			deliveryMode: invoice.deliveryMode === 'email' ? 'Email' : 'None',
			transactionReferenceNumber: info.transactionReferenceNumber,
		},
		orderInformation: {
			amountDetails: renderAmounts(
				content.orderInformation.amountDetails,
				invoice.balance,
				context.style,
			),
			lineItems: content.orderInformation.lineItems?.map((item) =>
				renderLineItem(item, context.style),
			),
		},
	};
	if (content.merchantDefinedFieldValues?.length) {
		out.merchantDefinedFieldValuesWithDefinition = content.merchantDefinedFieldValues.map(
			(value, index) => {
				const definition = context.mdfDefinitions.get(value.definitionId);
				return {
					referenceType: definition?.referenceType ?? 'Invoice',
					label: definition?.label,
					fieldType: definition?.fieldType,
					customerVisible: definition?.customerVisible,
					readOnly: definition?.readOnly,
					textMinLength: definition?.textMinLength,
					textMaxLength: definition?.textMaxLength,
					textDefaultValue: definition?.textDefaultValue,
					possibleValues: definition?.possibleValues,
					value: value.value,
					position: index + 1,
					definitionId: value.definitionId,
					merchantDefinedDataIndex: definition?.merchantDefinedDataIndex,
				};
			},
		);
	}
	if (options.history) {
		out.invoiceHistory = [...invoice.history].reverse().map((item) => ({
			event: item.event,
			date: isoMillis(item.date),
			transactionDetails: item.transactionDetails && {
				transactionId: item.transactionDetails.transactionId,
				amount: item.transactionDetails.amount, // a string in the schema (docs/cybersource-api.md#invoice-history)
			},
		}));
	}
	return out;
}

export function paymentLink(invoice: StoredInvoice): string {
	return `${PAY_BASE}${invoice.paymentToken}?version=v2.1`;
}

/** List item (docs/cybersource-api.md#list-response-and-paging): no balance, email or line items. */
export function renderSummary(invoice: StoredInvoice, style: AmountStyle): object {
	const info = invoice.content.invoiceInformation;
	const customer = invoice.content.customerInformation;
	const hasCustomer = customer?.name !== undefined || customer?.merchantCustomerId !== undefined;
	return {
		_links: { self: { href: invoiceHref(invoice.id), method: 'GET' } },
		id: invoice.id,
		status: invoice.status,
		createdDate: isoSeconds(invoice.createdAt),
		customerInformation: hasCustomer
			? { name: customer?.name, merchantCustomerId: customer?.merchantCustomerId }
			: undefined,
		invoiceInformation: {
			dueDate: info.dueDate,
			expirationDate: info.expirationDate,
			paymentLink: hasPaymentLink(invoice.status) ? paymentLink(invoice) : undefined,
		},
		orderInformation: {
			amountDetails: {
				totalAmount: amount(invoice.content.orderInformation.amountDetails.totalAmount, style),
				currency: invoice.content.orderInformation.amountDetails.currency,
			},
		},
	};
}

export function listHref(offset: number, limit: number, status?: string): string {
	return `/v2/invoices/?offset=${offset}&limit=${limit}${status ? `&status=${status}` : ''}`;
}

/**
 * Renderers leave optional members `undefined` (JSON.stringify drops them on the wire, which keeps
 * the hot path cheap); objects handed to JS callers go through this to be plain JSON values.
 */
export function toPlain<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}
