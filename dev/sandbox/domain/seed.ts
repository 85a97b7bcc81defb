/**
 * Test-only bulk seeding (`POST /__sandbox/seed`): invoices straight into the store, without HTTP
 * or per-invoice validation, with a history that matches the requested status.
 */

import { subtractAmounts } from './money';
import { paymentToken, transactionId } from './ids';
import { SandboxError } from './sandboxError';
import type { MerchantState } from './store';
import { utcDate } from './time';
import {
	INVOICE_STATUSES,
	type DeliveryMode,
	type HistoryEvent,
	type InvoiceContent,
	type InvoiceStatus,
	type StoredInvoice,
} from '../types';
import { validateInvoice } from './validation';

/**
 * Bulk creation straight into the store (no HTTP, no per-invoice validation): the template is
 * validated once and its content object shared by every seeded invoice.
 */
export function seedInvoices(
	state: MerchantState,
	now: number,
	count: number,
	opts: { status?: string; template?: object } = {},
): string[] {
	if (!Number.isInteger(count) || count < 0 || count > 1000000) {
		throw new SandboxError(400, 'count must be an integer between 0 and 1000000');
	}
	const status = (opts.status ?? 'DRAFT') as InvoiceStatus;
	if (!INVOICE_STATUSES.includes(status))
		throw new SandboxError(400, `unknown status ${String(opts.status)}`);
	const { content, invoiceNumber, deliveryMode } = seedTemplate(state, now, count, status, opts.template);
	const total = content.orderInformation.amountDetails.totalAmount;
	const half = halfOf(total);
	const ids: string[] = [];
	for (let i = 0; i < count; i++) {
		const invoice: StoredInvoice = {
			id: invoiceNumber ?? state.generateNumber(),
			seq: state.nextSeq++,
			createdAt: now,
			status,
			deliveryMode: deliveryMode ?? 'email',
			content,
			balance: total,
			paymentToken: paymentToken(),
			history: [],
		};
		seedHistory(invoice, status, total, half, now);
		state.add(invoice);
		ids.push(invoice.id);
	}
	return ids;
}

/** The template (defaults merged with the caller's), validated once like a create body. */
function seedTemplate(
	state: MerchantState,
	now: number,
	count: number,
	status: InvoiceStatus,
	template: object = {},
): { content: InvoiceContent; invoiceNumber?: string; deliveryMode?: DeliveryMode } {
	const body = mergeDeep(defaultTemplate(now), template);
	const { input, details } = validateInvoice(body, {
		today: utcDate(now),
		mdfDefinitions: state.mdf.invoiceDefinitions(),
	});
	if (!input || details.length) {
		throw new SandboxError(
			400,
			`invalid template: ${details.map((d) => `${d.field} ${d.reason}`).join(', ')}`,
		);
	}
	if (
		input.invoiceNumber !== undefined &&
		(count !== 1 || state.invoices.has(input.invoiceNumber))
	) {
		throw new SandboxError(
			400,
			'a template invoiceNumber needs count 1 and a number not yet used',
		);
	}
	let content: InvoiceContent = input.content;
	if (status === 'PARTIAL' && !content.invoiceInformation.allowPartialPayments) {
		content = {
			...content,
			invoiceInformation: { ...content.invoiceInformation, allowPartialPayments: true },
		};
	}
	return { content, invoiceNumber: input.invoiceNumber, deliveryMode: input.deliveryMode };
}

function seedHistory(
	invoice: StoredInvoice,
	status: InvoiceStatus,
	total: string,
	half: string,
	now: number,
): void {
	const events: Record<InvoiceStatus, HistoryEvent[]> = {
		DRAFT: ['DRAFT'],
		CREATED: ['CREATE'],
		SENT: ['CREATE', 'SEND'],
		PARTIAL: ['CREATE', 'SEND'],
		PAID: ['CREATE', 'SEND'],
		CANCELED: ['CREATE', 'CANCEL'],
		PENDING: ['CREATE', 'SEND', 'PENDING'],
	};
	for (const event of events[status]) invoice.history.push({ event, date: now });
	if (status === 'PARTIAL' || status === 'PAID') {
		const paid = status === 'PAID' ? total : half;
		invoice.balance = subtractAmounts(total, paid);
		invoice.history.push({
			event: 'PAYMENT',
			date: now,
			transactionDetails: { transactionId: transactionId(now), amount: paid },
		});
	}
	if (status === 'PENDING')
		invoice.pending = { amount: total, transactionId: transactionId(now), previousStatus: 'SENT' };
}

/** Half of an amount, rounded down to its own decimals (for seeded PARTIAL invoices). */
function halfOf(total: string): string {
	const [whole, fraction = ''] = total.split('.');
	const units = BigInt(whole + fraction) / 2n;
	const digits = units.toString().padStart(fraction.length + 1, '0');
	const text = fraction.length
		? `${digits.slice(0, -fraction.length)}.${digits.slice(-fraction.length)}`
		: digits;
	return units === 0n ? total : text;
}

function defaultTemplate(now: number): Record<string, unknown> {
	return {
		customerInformation: { name: 'Seeded Customer', email: 'seeded.customer@example.com' },
		invoiceInformation: {
			description: 'Seeded invoice',
			dueDate: utcDate(now + 30 * 86400000),
			deliveryMode: 'email',
		},
		orderInformation: { amountDetails: { totalAmount: '100.00', currency: 'USD' } },
	};
}

function mergeDeep(base: Record<string, unknown>, extra: object): Record<string, unknown> {
	const out: Record<string, unknown> = { ...base };
	for (const [key, value] of Object.entries(extra)) {
		const current = out[key];
		const bothObjects =
			value &&
			typeof value === 'object' &&
			!Array.isArray(value) &&
			current &&
			typeof current === 'object';
		out[key] = bothObjects ? mergeDeep(current as Record<string, unknown>, value as object) : value;
	}
	return out;
}
