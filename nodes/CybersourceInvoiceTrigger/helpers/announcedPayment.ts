import type { IDataObject } from 'n8n-workflow';

import { answerAmount } from '../../shared/money/amounts';
import { objectOf } from '../../shared/helpers/json';
import { paymentsOf, totalsAfter, type PaymentTotals } from '../../shared/helpers/payments';
import type { TriggerEvent } from '../../shared/triggers/events';
import { triggerMemory } from './triggerMemory';
import { SeenIds, type SeenSet } from './replay';

/**
 * The payments each webhook trigger has reported, as `<invoice number> <transaction id>` in the
 * node's static data (field `reportedPayments`), kept like the notification ids (see replay.ts):
 * safe against concurrent calls and restarts of one n8n process.
 */
export const reportedPayments = new SeenIds('reportedPayments', triggerMemory.reportedPayments);

/** The notification's `balanceAmount`: the balance the customer's email showed right after the payment. */
function announcedBalance(notification: IDataObject): unknown {
	const payloads = Array.isArray(notification.payloads) ? (notification.payloads as IDataObject[]) : [];
	const data = objectOf(payloads[0]?.data ?? notification.payload);
	return data.balanceAmount ?? data.invoiceBalance;
}

function keyOf(invoiceNumber: string, totals: PaymentTotals): string {
	const { transactionId, date, amount } = totals.payment;
	return `${invoiceNumber} ${transactionId ?? `${String(date)} ${String(amount)}`}`;
}

/**
 * Which payment a notification announced. Notifications carry no transaction id, so among the
 * invoice's payments this trigger has not reported (nor is reporting in a concurrent call), newest
 * first, it takes: the one whose balance right after it is the notification's `balanceAmount`;
 * else one that fits the event (Paid: the payment that settled the invoice; Partially Paid: one
 * that left a balance); else the newest. The payment is claimed, so a concurrent notification
 * for the same invoice takes another one.
 */
function claimOne(seen: SeenSet, invoiceNumber: string, invoice: IDataObject, event: TriggerEvent, notification: IDataObject): PaymentTotals | undefined {
	const payments = paymentsOf(invoice);
	const newestFirst = payments.map((_, index) => totalsAfter(invoice, payments, index)).reverse();
	const balance = answerAmount(announcedBalance(notification), String(payments[0]?.currency ?? ''));
	const preferred = [
		...newestFirst.filter((totals) => balance !== null && totals.balanceAmount === balance),
		...newestFirst.filter((totals) => (event === 'paid') === (totals.balanceAmount === 0)),
		...newestFirst,
	];
	return preferred.find((totals) => seen.claim(keyOf(invoiceNumber, totals)));
}

export interface PaymentClaim {
	/** The payment the item reports; undefined for other events and for an invoice without payments. */
	totals?: PaymentTotals;
	/** The history has payments, and every one is already reported: nothing new to start. */
	allReported: boolean;
	/** The payment is reported (call once the item is built). */
	remember(): void;
	/** Ends this call's claim (always, in `finally`). */
	release(): void;
}

/** Picks and claims the payment a Paid or Partially Paid notification reports (see claimOne). */
export function claimAnnouncedPayment(
	staticData: IDataObject,
	scope: string,
	input: { invoiceNumber: string; invoice: IDataObject; event: TriggerEvent; notification: IDataObject },
): PaymentClaim {
	const none: PaymentClaim = { allReported: false, remember: () => undefined, release: () => undefined };
	if (input.event !== 'paid' && input.event !== 'partiallyPaid') return none;
	if (paymentsOf(input.invoice).length === 0) return none;
	const seen = reportedPayments.open(staticData, scope, Date.now());
	const totals = claimOne(seen, input.invoiceNumber, input.invoice, input.event, input.notification);
	if (!totals) return { ...none, allReported: true };
	const key = keyOf(input.invoiceNumber, totals);
	return { totals, allReported: false, remember: () => seen.remember(key), release: () => seen.release(key) };
}
