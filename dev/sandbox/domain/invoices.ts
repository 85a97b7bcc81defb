/**
 * Invoice operations: the Cybersource API handlers (create, list, get, update, send, cancel,
 * publish) and the test-only payment simulation behind the hooks (bulk seeding: seed.ts).
 * Over 300 lines because it is one service: every operation shares the store, the render context
 * and the status rules, and payments write the same history the API operations read.
 */

import { MISSING, actionNotAllowed, badRequest, notFound, validationError } from './errors';
import { compareAmounts, isZeroAmount, subtractAmounts, toAmountString } from './money';
import {
	AmountStyle,
	RenderContext,
	actionLinks,
	listHref,
	renderInvoice,
	renderSummary,
	toPlain,
} from './render';
import { Operation, afterCreate, afterSend, isAllowed } from './stateMachine';
import type { MerchantState, Store } from './store';
import { submitTimeUtc, utcDate } from './time';
import type { ListQuery } from './listQuery';
import { validateInvoice } from './validation';
import type { DeliveryMode, HistoryEvent, StoredInvoice } from '../types';
import { paymentToken, transactionId } from './ids';
import { SandboxError } from './sandboxError';
import { seedInvoices } from './seed';

export interface ApiAnswer {
	status: number;
	body: unknown;
}

export class InvoiceService {
	constructor(
		private readonly store: Store,
		private readonly clock: () => number,
		private readonly style: AmountStyle,
		private readonly onChange: () => void,
	) {}

	private context(state: MerchantState, now: number): RenderContext {
		return { style: this.style, now, mdfDefinitions: state.mdf.invoiceDefinitions() };
	}

	private find(state: MerchantState, id: string, now: number): StoredInvoice {
		const invoice = state.invoices.get(id);
		if (!invoice) throw notFound(now);
		return invoice;
	}

	private assertAllowed(operation: Operation, invoice: StoredInvoice, now: number): void {
		if (!isAllowed(operation, invoice.status))
			throw actionNotAllowed(now, operation, invoice.status);
	}

	private record(invoice: StoredInvoice, events: HistoryEvent[], now: number): void {
		for (const event of events) invoice.history.push({ event, date: now });
	}

	// ---- Cybersource API -------------------------------------------------------------------

	/** docs/cybersource-api.md#email-failure-on-create / docs/cybersource-api.md#create-modes. `emailFails` is consulted only when the create would email. */
	create(merchantId: string, body: unknown, emailFails: () => boolean): ApiAnswer {
		const now = this.clock();
		const state = this.store.state(merchantId);
		const { input, details } = validateInvoice(body, {
			today: utcDate(now),
			mdfDefinitions: state.mdf.invoiceDefinitions(),
		});
		const sendImmediately = input?.sendImmediately ?? false;
		// Omitted deliveryMode is treated as email (docs/cybersource-api.md#create-modes last row, inferred).
		const mode: DeliveryMode = input?.deliveryMode ?? 'email';
		const transition = afterCreate(sendImmediately, mode);
		if (transition.emails && input && !input.content.customerInformation?.email) {
			details.push({ field: 'customerInformation.email', reason: MISSING });
		}
		if (!input || details.length) throw validationError(now, details, 'Invalid request.');
		if (input.invoiceNumber !== undefined && state.invoices.has(input.invoiceNumber)) {
			throw badRequest(now, 'DUPLICATE_RECORD', 'Duplicate invoice number.', [
				{ field: 'invoiceInformation.invoiceNumber', reason: 'DUPLICATE_RECORD' },
			]);
		}
		const id = input.invoiceNumber ?? state.generateNumber();
		const invoice: StoredInvoice = {
			id,
			seq: state.nextSeq++,
			createdAt: now,
			status: transition.status,
			deliveryMode: mode,
			content: input.content,
			balance: input.content.orderInformation.amountDetails.totalAmount,
			paymentToken: paymentToken(),
			history: [],
		};
		if (transition.emails && emailFails()) {
			// docs/cybersource-api.md#email-failure-on-create 202: the invoice exists, the email did not go; it stays CREATED so it can be sent later.
			invoice.status = 'CREATED';
			this.record(invoice, ['CREATE'], now);
			state.add(invoice);
			this.onChange();
			return {
				status: 202,
				body: {
					submitTimeUtc: submitTimeUtc(now),
					status: 'ACCEPTED',
					reason: 'ACCEPTED',
					message: `Invoice ID ${id} created but failed to send an email. Send the invoice separately.`,
				},
			};
		}
		this.record(invoice, transition.events, now);
		state.add(invoice);
		this.onChange();
		return { status: 201, body: renderInvoice(invoice, this.context(state, now)) };
	}

	list(merchantId: string, query: ListQuery): ApiAnswer {
		const now = this.clock();
		const state = this.store.state(merchantId);
		const { offset, limit, status } = query;
		const { items, total } = state.page(offset, limit, status);
		const links: Record<string, { href: string; method: string }> = {
			self: { href: listHref(offset, limit, status), method: 'GET' },
		};
		if (offset + limit < total)
			links.next = { href: listHref(offset + limit, limit, status), method: 'GET' };
		if (offset > 0) {
			links.previous = {
				href: listHref(Math.max(0, offset - limit), limit, status),
				method: 'GET',
			};
		}
		return {
			status: 200,
			body: {
				_links: links,
				submitTimeUtc: submitTimeUtc(now),
				totalInvoices: total,
				invoices: items.map((invoice) => renderSummary(invoice, this.style)),
			},
		};
	}

	get(merchantId: string, id: string): ApiAnswer {
		const now = this.clock();
		const state = this.store.state(merchantId);
		const invoice = this.find(state, id, now);
		return {
			status: 200,
			body: renderInvoice(invoice, this.context(state, now), { history: true }),
		};
	}

	/**
	 * docs/cybersource-api.md#endpoints: full replacement of the content. `invoiceNumber` may be repeated if it equals the path
	 * id (it cannot change); `clientReferenceInformation` is not part of the update schema and is
	 * ignored. An omitted `deliveryMode` keeps the stored one. `sendImmediately: true` on a DRAFT
	 * publishes it like a create would; on other statuses nothing is re-sent (docs/cybersource-api.md#endpoints).
	 */
	update(merchantId: string, id: string, body: unknown): ApiAnswer {
		const now = this.clock();
		const state = this.store.state(merchantId);
		const invoice = this.find(state, id, now);
		this.assertAllowed('update', invoice, now);
		const { input, details } = validateInvoice(body, {
			today: utcDate(now),
			mdfDefinitions: state.mdf.invoiceDefinitions(),
		});
		if (input?.invoiceNumber !== undefined && input.invoiceNumber !== id) {
			details.push({ field: 'invoiceInformation.invoiceNumber', reason: 'INVALID_DATA' });
		}
		const mode = input?.deliveryMode ?? invoice.deliveryMode;
		const publish = invoice.status === 'DRAFT' && input?.sendImmediately === true;
		const transition = publish ? afterCreate(true, mode) : undefined;
		if (transition?.emails && input && !input.content.customerInformation?.email) {
			details.push({ field: 'customerInformation.email', reason: MISSING });
		}
		if (!input || details.length) throw validationError(now, details);
		const oldEmail = invoice.content.customerInformation?.email;
		invoice.content = input.content;
		invoice.deliveryMode = mode;
		invoice.balance = input.content.orderInformation.amountDetails.totalAmount;
		// A new email address on a sent invoice invalidates the old pay link (docs/cybersource-api.md#field-limits).
		if (invoice.status === 'SENT' && oldEmail !== input.content.customerInformation?.email) {
			invoice.paymentToken = paymentToken();
		}
		this.record(invoice, ['UPDATE'], now);
		if (transition) {
			invoice.status = transition.status;
			this.record(
				invoice,
				transition.events.filter((event) => event !== 'DRAFT'),
				now,
			);
		}
		this.onChange();
		return { status: 200, body: renderInvoice(invoice, this.context(state, now)) };
	}

	/** docs/cybersource-api.md#send-transitions / docs/cybersource-api.md#send-transitions. */
	send(merchantId: string, id: string): ApiAnswer {
		const now = this.clock();
		const state = this.store.state(merchantId);
		const invoice = this.find(state, id, now);
		this.assertAllowed('send', invoice, now);
		const transition = afterSend(invoice.status, invoice.deliveryMode);
		if (transition.emails && !invoice.content.customerInformation?.email) {
			throw validationError(now, [{ field: 'customerInformation.email', reason: MISSING }]);
		}
		invoice.status = transition.status;
		this.record(invoice, transition.events, now);
		this.onChange();
		return { status: 200, body: renderInvoice(invoice, this.context(state, now)) };
	}

	cancel(merchantId: string, id: string): ApiAnswer {
		const now = this.clock();
		const state = this.store.state(merchantId);
		const invoice = this.find(state, id, now);
		this.assertAllowed('cancel', invoice, now);
		invoice.status = 'CANCELED';
		this.record(invoice, ['CANCEL'], now);
		this.onChange();
		const context = this.context(state, now);
		return {
			status: 200,
			body: renderInvoice(invoice, context, { links: actionLinks(invoice, 'cancelation') }),
		};
	}

	publish(merchantId: string, id: string): ApiAnswer {
		const now = this.clock();
		const state = this.store.state(merchantId);
		const invoice = this.find(state, id, now);
		this.assertAllowed('publish', invoice, now);
		invoice.status = 'CREATED';
		this.record(invoice, ['CREATE'], now);
		this.onChange();
		const context = this.context(state, now);
		return {
			status: 200,
			body: renderInvoice(invoice, context, { links: actionLinks(invoice, 'publication') }),
		};
	}

	// ---- Test hooks ------------------------------------------------------------------------

	/** The stored invoice as GET would render it (with history), or undefined. */
	peek(merchantId: string, id: string): object | undefined {
		const state = this.store.state(merchantId);
		const invoice = state.invoices.get(id);
		return (
			invoice &&
			toPlain(renderInvoice(invoice, this.context(state, this.clock()), { history: true }))
		);
	}

	private hookInvoice(merchantId: string, id: string): [MerchantState, StoredInvoice] {
		const state = this.store.state(merchantId);
		const invoice = state.invoices.get(id);
		if (!invoice)
			throw new SandboxError(404, `invoice ${id} does not exist for merchant ${merchantId}`);
		return [state, invoice];
	}

	/**
	 * A customer payment (docs/cybersource-api.md#partial-payments, docs/cybersource-api.md#payment-driven-transitions). Less than the balance needs allowPartialPayments and at
	 * least minimumPartialAmount (unless it settles the balance). 'pending' locks the invoice in
	 * PENDING until review().
	 */
	pay(
		merchantId: string,
		id: string,
		opts: { amount?: string | number; outcome?: 'paid' | 'pending' } = {},
	): object {
		const now = this.clock();
		const [state, invoice] = this.hookInvoice(merchantId, id);
		if (!isAllowed('pay', invoice.status)) {
			throw new SandboxError(409, `payments are not possible on a ${invoice.status} invoice`);
		}
		const amount = opts.amount === undefined ? invoice.balance : toAmountString(opts.amount);
		if (amount === undefined || isZeroAmount(amount)) {
			throw new SandboxError(400, `amount must be a positive decimal, got ${String(opts.amount)}`);
		}
		const vsBalance = compareAmounts(amount, invoice.balance);
		if (vsBalance > 0)
			throw new SandboxError(400, `amount ${amount} exceeds the balance ${invoice.balance}`);
		if (vsBalance < 0) {
			const { allowPartialPayments } = invoice.content.invoiceInformation;
			const minimum = invoice.content.orderInformation.amountDetails.minimumPartialAmount;
			if (!allowPartialPayments)
				throw new SandboxError(400, 'partial payments are not allowed on this invoice');
			if (minimum !== undefined && compareAmounts(amount, minimum) < 0) {
				throw new SandboxError(400, `amount ${amount} is below minimumPartialAmount ${minimum}`);
			}
		}
		const outcome = opts.outcome ?? 'paid';
		if (outcome !== 'paid' && outcome !== 'pending')
			throw new SandboxError(400, `unknown outcome ${String(outcome)}`);
		if (outcome === 'pending') {
			invoice.pending = {
				amount,
				transactionId: transactionId(now),
				previousStatus: invoice.status,
			};
			invoice.status = 'PENDING';
			this.record(invoice, ['PENDING'], now);
		} else {
			this.applyPayment(invoice, amount, transactionId(now), now);
		}
		this.onChange();
		return toPlain(renderInvoice(invoice, this.context(state, now), { history: true }));
	}

	/** Resolves a PENDING payment: accept applies it, reject logs REJECTED and restores the status. */
	review(merchantId: string, id: string, decision: 'accept' | 'reject'): object {
		const now = this.clock();
		const [state, invoice] = this.hookInvoice(merchantId, id);
		const pending = invoice.pending;
		if (invoice.status !== 'PENDING' || !pending) {
			throw new SandboxError(
				409,
				`invoice ${id} has no pending payment (status ${invoice.status})`,
			);
		}
		if (decision !== 'accept' && decision !== 'reject') {
			throw new SandboxError(400, `decision must be 'accept' or 'reject'`);
		}
		invoice.pending = undefined;
		if (decision === 'accept') {
			this.applyPayment(invoice, pending.amount, pending.transactionId, now);
		} else {
			invoice.status = pending.previousStatus;
			this.record(invoice, ['REJECTED'], now);
		}
		this.onChange();
		return toPlain(renderInvoice(invoice, this.context(state, now), { history: true }));
	}

	private applyPayment(invoice: StoredInvoice, amount: string, txId: string, now: number): void {
		invoice.balance = subtractAmounts(invoice.balance, amount);
		invoice.status = isZeroAmount(invoice.balance) ? 'PAID' : 'PARTIAL';
		invoice.history.push({
			event: 'PAYMENT',
			date: now,
			transactionDetails: { transactionId: txId, amount },
		});
	}

	/** Bulk creation straight into the store (see seed.ts). */
	seed(merchantId: string, count: number, opts: { status?: string; template?: object } = {}): string[] {
		const ids = seedInvoices(this.store.state(merchantId), this.clock(), count, opts);
		this.onChange();
		return ids;
	}
}
