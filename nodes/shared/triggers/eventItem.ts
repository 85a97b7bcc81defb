import type { IDataObject } from 'n8n-workflow';

import { simplifyInvoice } from '../helpers/invoiceResponse';
import { newestPayment, type PaymentTotals } from '../helpers/payments';
import { EVENTS, type TriggerEvent } from './events';

/*
 * The output item both triggers emit for an event, so a workflow sees the same fields whether a
 * webhook or a poll noticed the change: the event, the invoice number, when it happened, the
 * payment for Paid / Partially Paid, and the invoice.
 */

/** When the invoice's history recorded the event (newest matching entry), if it did. */
function historyDate(invoice: IDataObject, event: TriggerEvent): string | undefined {
	const history = Array.isArray(invoice.invoiceHistory) ? (invoice.invoiceHistory as IDataObject[]) : [];
	const dates = history
		.filter((entry) => EVENTS[event].historyEvent.includes(String(entry.event)))
		.map((entry) => String(entry.date ?? ''))
		.filter((date) => date !== '')
		.sort();
	return dates[dates.length - 1];
}

interface EventItemInput {
	event: TriggerEvent;
	invoiceNumber: string;
	invoice: IDataObject;
	simplify: boolean;
	/** The notification's own date (webhooks); polling uses the invoice history. */
	occurredAt?: string;
	/** Paid / Partially Paid: the payment the event is about (default: the newest in the history). */
	payment?: PaymentTotals;
	extra?: IDataObject;
}

/** `payment` and the totals after it, for Paid and Partially Paid events only. */
function paymentFields(input: EventItemInput): IDataObject {
	if (input.event !== 'paid' && input.event !== 'partiallyPaid') return {};
	const found = input.payment ?? newestPayment(input.invoice);
	if (!found) return { payment: null };
	const { payment, amountPaid, balanceAmount, totalAmount } = found;
	return { payment: { ...payment }, amountPaid, balanceAmount, totalAmount };
}

/**
 * One output item: `event`, `invoiceNumber`, `occurredAt`, for payments `payment` with the
 * totals after it, and the invoice (flat when simplified).
 */
export function eventItem(input: EventItemInput): IDataObject {
	const payment = paymentFields(input);
	const paidAt = (payment.payment as IDataObject | null | undefined)?.date;
	return {
		event: input.event,
		invoiceNumber: input.invoiceNumber,
		occurredAt: input.occurredAt ?? (typeof paidAt === 'string' ? paidAt : undefined) ?? historyDate(input.invoice, input.event) ?? new Date().toISOString(),
		...payment,
		...input.extra,
		invoice: input.simplify ? simplifyInvoice(input.invoice) : input.invoice,
	};
}
