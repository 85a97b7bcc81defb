/**
 * Which invoice events a change produced, read from the history entries it appended (the same
 * record GET shows), and the notification body Cybersource sends for them: essentially the
 * e-mail template's context, keyed by invoice number, without the invoice status.
 */
import { randomUUID } from 'node:crypto';

import { paymentLink } from '../render';
import type { MerchantState } from '../store';
import type { HistoryItem, StoredInvoice } from '../../types';
import type { Notification } from './delivery';
import type { InvoiceEventType } from './types';

const PREFIX = 'invoicing.customer.invoice.';

export function eventTypeOf(item: HistoryItem, invoice: StoredInvoice, isLastPayment: boolean): InvoiceEventType | undefined {
	switch (item.event) {
		case 'SEND':
			return `${PREFIX}send` as InvoiceEventType;
		case 'RESEND':
			return (invoice.status === 'PARTIAL' ? `${PREFIX}partial-resend` : `${PREFIX}send`) as InvoiceEventType;
		case 'CANCEL':
			return `${PREFIX}cancel` as InvoiceEventType;
		case 'PAYMENT':
			return (isLastPayment && invoice.status === 'PAID' ? `${PREFIX}paid` : `${PREFIX}partial-payment`) as InvoiceEventType;
		default:
			return undefined;
	}
}

/** Timestamps like the documented example: local offset, milliseconds. */
export function eventDate(ms: number): string {
	return new Date(ms).toISOString().replace('Z', '+00:00');
}

export function buildNotification(
	invoice: StoredInvoice,
	eventType: InvoiceEventType,
	organizationId: string,
	at: number,
	balance = invoice.balance,
): Notification {
	const content = invoice.content;
	const amounts = content.orderInformation.amountDetails;
	const customer = content.customerInformation ?? {};
	return {
		notificationId: randomUUID(),
		eventType,
		eventDate: eventDate(at),
		invoiceNumber: invoice.id,
		data: {
			invoiceNumber: invoice.id,
			dueDate: content.invoiceInformation.dueDate,
			currency: amounts.currency,
			invoiceBalance: balance,
			balanceAmount: balance,
			payerName: customer.name ?? '',
			emailTo: customer.email ?? '',
			invoiceUrl: paymentLink(invoice),
			eventType,
			organizationID: organizationId,
			emailLanguage: 'en-us',
			subject: `Invoice ${invoice.id}`,
			merchantName: organizationId,
			customMessage: content.invoiceInformation.description,
		},
	};
}

/** Where each invoice's history stood before a change, so the new entries can be read after it. */
export interface Mark {
	orderLength: number;
	historyLength?: number;
	invoiceId?: string;
}

export function markBefore(state: MerchantState, invoiceId: string | undefined): Mark {
	const invoice = invoiceId === undefined ? undefined : state.invoices.get(invoiceId);
	return { orderLength: state.order.length, invoiceId, historyLength: invoice?.history.length };
}

/** The events a change produced: for the touched invoice and for any invoice it created. */
export function eventsSince(state: MerchantState, mark: Mark, organizationId: string, now: number): Array<{ invoice: StoredInvoice; notification: Notification }> {
	const touched: Array<[StoredInvoice, number]> = [];
	const target = mark.invoiceId === undefined ? undefined : state.invoices.get(mark.invoiceId);
	if (target && mark.historyLength !== undefined) touched.push([target, mark.historyLength]);
	for (const invoice of state.order.slice(mark.orderLength)) touched.push([invoice, 0]);
	const out: Array<{ invoice: StoredInvoice; notification: Notification }> = [];
	for (const [invoice, from] of touched) {
		const fresh = invoice.history.slice(from);
		fresh.forEach((item, index) => {
			const lastPayment = !fresh.slice(index + 1).some((later) => later.event === 'PAYMENT');
			const eventType = eventTypeOf(item, invoice, lastPayment);
			if (eventType) out.push({ invoice, notification: buildNotification(invoice, eventType, organizationId, now) });
		});
	}
	return out;
}
