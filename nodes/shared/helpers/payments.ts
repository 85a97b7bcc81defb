import type { IDataObject } from 'n8n-workflow';

import { answerAmount } from '../money/amounts';
import { minorUnits } from '../money/currencies';
import { objectOf } from './json';

/**
 * Payments as an invoice's history records them (docs/cybersource-api.md#invoice-history): each
 * PAYMENT entry carries `transactionDetails {transactionId, amount}`, the amount as a string. Only
 * GET answers have a history. Pure: used by Simplify and by both triggers.
 */
export interface Payment {
	transactionId: string | null;
	/** A number with the currency's decimals. */
	amount: number | null;
	currency: string | null;
	/** When the history recorded it (ISO, as the gateway wrote it). */
	date: string | null;
}

/** One payment and the invoice's totals right after it. */
export interface PaymentTotals {
	payment: Payment;
	amountPaid: number;
	balanceAmount: number | null;
	totalAmount: number | null;
}

function currencyOf(invoice: IDataObject): string {
	return String(objectOf(objectOf(invoice.orderInformation).amountDetails).currency ?? '');
}

function timeOf(payment: Payment): number {
	const time = payment.date === null ? NaN : Date.parse(payment.date);
	return Number.isFinite(time) ? time : 0;
}

/** The PAYMENT entries, oldest first (the history lists newest first; equal dates keep that order). */
export function paymentsOf(invoice: IDataObject): Payment[] {
	const history = Array.isArray(invoice.invoiceHistory) ? (invoice.invoiceHistory as unknown[]) : [];
	const currency = currencyOf(invoice);
	const payments = history
		.map(objectOf)
		.filter((entry) => entry.event === 'PAYMENT')
		.reverse()
		.map((entry): Payment => {
			const details = objectOf(entry.transactionDetails);
			return {
				transactionId: details.transactionId === undefined || details.transactionId === null ? null : String(details.transactionId),
				amount: answerAmount(details.amount, currency),
				currency: currency || null,
				date: typeof entry.date === 'string' ? entry.date : null,
			};
		});
	return payments.sort((a, b) => timeOf(a) - timeOf(b));
}

/** Sum of amounts in the currency's minor units (integers: no floating-point drift). */
function minorSum(payments: Payment[], scale: number): number {
	return payments.reduce((sum, payment) => sum + Math.round((payment.amount ?? 0) * scale), 0);
}

/**
 * The payment at `index` (oldest first) and the totals right after it. The balance is counted back
 * from the invoice's current balance, so for the newest payment it is exactly what the gateway says.
 */
export function totalsAfter(invoice: IDataObject, payments: Payment[], index: number): PaymentTotals {
	const amounts = objectOf(objectOf(invoice.orderInformation).amountDetails);
	const currency = currencyOf(invoice);
	const scale = 10 ** minorUnits(currency);
	const balance = answerAmount(amounts.balanceAmount, currency);
	return {
		payment: payments[index],
		amountPaid: minorSum(payments.slice(0, index + 1), scale) / scale,
		balanceAmount: balance === null ? null : (Math.round(balance * scale) + minorSum(payments.slice(index + 1), scale)) / scale,
		totalAmount: answerAmount(amounts.totalAmount, currency),
	};
}

/** The newest payment with the totals after it, or undefined when the history has none. */
export function newestPayment(invoice: IDataObject): PaymentTotals | undefined {
	const payments = paymentsOf(invoice);
	return payments.length ? totalsAfter(invoice, payments, payments.length - 1) : undefined;
}

/** Simplify's `payments` (oldest first) and `amountPaid`, when the answer has a history; {} otherwise. */
export function historyPayments(invoice: IDataObject): IDataObject {
	if (!Array.isArray(invoice.invoiceHistory)) return {};
	const payments = paymentsOf(invoice);
	const scale = 10 ** minorUnits(currencyOf(invoice));
	return { payments: payments as unknown as IDataObject[], amountPaid: minorSum(payments, scale) / scale };
}

/** How many of the payments had been made when the invoice's balance was `balance`. */
export function paymentsMadeAtBalance(invoice: IDataObject, payments: Payment[], balance: number): number {
	const scale = 10 ** minorUnits(currencyOf(invoice));
	const target = Math.round(balance * scale);
	return payments.filter((_, index) => {
		const after = totalsAfter(invoice, payments, index).balanceAmount;
		return after !== null && Math.round(after * scale) >= target;
	}).length;
}
