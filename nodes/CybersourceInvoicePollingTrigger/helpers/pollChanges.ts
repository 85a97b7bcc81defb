import type { IDataObject } from 'n8n-workflow';

import { newestPayment, paymentsOf, totalsAfter, type PaymentTotals } from '../../shared/helpers/payments';
import type { TriggerEvent } from '../../shared/triggers/events';

/*
 * What the polling trigger reports for one invoice between two polls: the event a status change
 * stands for, and one event per payment not yet reported. Pure; polling.ts does the reading.
 */

export interface Change {
	event: TriggerEvent;
	invoiceNumber: string;
	/** The invoice when it was read for the change (re-used for the output). */
	invoice?: IDataObject;
	/** Paid and Partially Paid: the payment the event is about and the invoice's totals right after it. */
	payment?: PaymentTotals;
}

/** The event a status change stands for, if any. */
export function eventFor(previous: string | undefined, status: string): TriggerEvent | undefined {
	if (status === previous) return undefined;
	if (status === 'PAID') return 'paid';
	if (status === 'CANCELED') return 'canceled';
	if (status === 'PARTIAL' && previous !== 'PENDING') return 'partiallyPaid';
	if (status === 'SENT' && previous !== 'PENDING') return 'sent';
	return undefined;
}

export interface InvoiceNow {
	id: string;
	status: string;
	/** The invoice, when this poll read it. */
	invoice?: IDataObject;
	/** The status at the last poll (undefined: new since then). */
	previous?: string;
	/** How many of its payments (oldest first) were already reported; null when not known. */
	reported: number | null;
}

function isPaymentEvent(event: TriggerEvent | undefined): boolean {
	return event === 'paid' || event === 'partiallyPaid';
}

/** One event per payment after the first `reported`: Partially Paid, and Paid for the one that settled the invoice. */
function paymentChanges(id: string, status: string, invoice: IDataObject, reported: number): Change[] {
	const payments = paymentsOf(invoice);
	const changes: Change[] = [];
	for (let index = reported; index < payments.length; index++) {
		const settled = status === 'PAID' && index === payments.length - 1;
		changes.push({ event: settled ? 'paid' : 'partiallyPaid', invoiceNumber: id, invoice, payment: totalsAfter(invoice, payments, index) });
	}
	return changes;
}

/**
 * What one invoice did since the last poll, oldest first. With the invoice read and its reported
 * payments known, each new payment is an event of its own (so two partial payments between two
 * polls are two events) and a payment already reported never is again. Without that count (an
 * invoice first seen partly paid) a status change is one event carrying the newest payment.
 */
export function changesOfInvoice(now: InvoiceNow): Change[] {
	const { id, status, invoice } = now;
	const event = eventFor(now.previous, status);
	if (invoice && now.reported !== null && (paymentsOf(invoice).length > 0 || !isPaymentEvent(event))) {
		const changes = paymentChanges(id, status, invoice, now.reported);
		if (event && !isPaymentEvent(event)) changes.push({ event, invoiceNumber: id, invoice });
		return changes;
	}
	if (!event) return [];
	return [{ event, invoiceNumber: id, invoice, payment: invoice && isPaymentEvent(event) ? newestPayment(invoice) : undefined }];
}
