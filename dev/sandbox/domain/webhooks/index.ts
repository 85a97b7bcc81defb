/**
 * The sandbox's webhook side: the subscription and key endpoints, delivery of signed
 * notifications on real invoice changes (with retries and health checks), and test hooks.
 */
import { randomUUID } from 'node:crypto';

import type { ApiAnswer } from '../invoices';
import { SandboxError } from '../sandboxError';
import type { Store } from '../store';
import { INVALID, notFound, validationError } from '../errors';
import { Deliverer, type Notification } from './delivery';
import { buildNotification, eventDate, eventsSince, markBefore } from './events';
import type { KeyEncoding } from './signature';
import { SubscriptionBook, renderProducts, renderSubscription } from './subscriptions';
import { INVOICE_EVENT_TYPES, type DeliveryAttempt, type InvoiceEventType, type SandboxWebhooks, type Subscription } from './types';

export type { DeliveryAttempt, Subscription } from './types';
export { signNotification, signatureHeader } from './signature';

export interface WebhookOptions {
	store: Store;
	now: () => number;
	/** `<data file>.webhooks.json` keeps keys and subscriptions across restarts. */
	dataFile?: string;
	retryUnitMs?: number;
	/** How long a receiver may take to answer; default 10 s. */
	timeoutMs?: number;
	keyEncoding?: KeyEncoding;
}

export interface WebhookRequest {
	method: string;
	pathname: string;
	query: URLSearchParams;
	body: unknown;
	merchantId: string;
	now: number;
}

export class WebhookService {
	readonly book: SubscriptionBook;
	readonly deliverer: Deliverer;
	private readonly sentNotifications = new Map<string, { webhookId: string; notification: Notification }>();

	constructor(private readonly options: WebhookOptions) {
		this.book = new SubscriptionBook(options.dataFile);
		this.deliverer = new Deliverer({
			retryUnitMs: options.retryUnitMs ?? 60_000,
			timeoutMs: options.timeoutMs ?? 10_000,
			keyEncoding: options.keyEncoding ?? 'base64',
			now: options.now,
			keyOf: (organizationId) => this.book.keys.get(organizationId),
			setStatus: (webhookId, status) => this.book.setStatus(webhookId, status, options.now()),
		});
	}

	/** True for the paths this service answers. */
	static handles(pathname: string): boolean {
		return pathname.startsWith('/notification-subscriptions/') || pathname.startsWith('/kms/egress/');
	}

	route(req: WebhookRequest): ApiAnswer {
		const { method, merchantId, now } = req;
		const parts = req.pathname.split('/').filter(Boolean);
		const path = parts.join('/');
		if (path === 'kms/egress/v2/keys-sym' && method === 'POST')
			return { status: 201, body: this.book.createKey(merchantId, req.body, now) };
		if (parts[0] !== 'notification-subscriptions' || parts[1] !== 'v2') throw notFound(now, 'The requested resource does not exist.');
		if (parts[2] === 'products' && parts.length === 4 && method === 'GET') return { status: 200, body: renderProducts() };
		if (parts[2] !== 'webhooks') throw notFound(now, 'The requested resource does not exist.');
		if (parts.length === 3) {
			if (method === 'POST') {
				const subscription = this.book.create(merchantId, req.body, now);
				this.deliverer.healthCheck(subscription);
				return { status: 201, body: renderSubscription(subscription) };
			}
			if (method === 'GET') return { status: 200, body: this.book.list(merchantId, req.query, now).map(renderSubscription) };
		}
		const webhookId = decodeURIComponent(parts[3] ?? '');
		if (parts.length === 4) {
			if (method === 'GET') return { status: 200, body: renderSubscription(this.book.find(merchantId, webhookId, now)) };
			if (method === 'PATCH') {
				const { subscription, recheck } = this.book.update(merchantId, webhookId, req.body, now);
				if (recheck) this.deliverer.healthCheck(subscription);
				return { status: 200, body: renderSubscription(subscription) };
			}
			if (method === 'DELETE') {
				// The spec declares 200 (no body) for a deleted subscription.
				this.book.remove(merchantId, webhookId, now);
				return { status: 200, body: undefined };
			}
		}
		if (parts.length === 5 && parts[4] === 'status' && method === 'PUT') return this.putStatus(merchantId, webhookId, req.body, now);
		throw notFound(now, 'The requested resource does not exist.');
	}

	/** ACTIVE goes through a health check first, like a new subscription. */
	private putStatus(merchantId: string, webhookId: string, body: unknown, now: number): ApiAnswer {
		const subscription = this.book.find(merchantId, webhookId, now);
		const status = String((body as { status?: unknown } | undefined)?.status ?? '').toUpperCase();
		if (status === 'INACTIVE') this.book.setStatus(webhookId, 'INACTIVE', now);
		else if (status === 'ACTIVE') this.deliverer.healthCheck(subscription);
		else throw validationError(now, [{ field: 'status', reason: INVALID }]);
		return { status: 200, body: renderSubscription(subscription) };
	}

	/**
	 * Runs an invoice change and notifies the subscribers of each event it produced. A change that
	 * throws produced nothing.
	 */
	watch<T>(merchantId: string, invoiceId: string | undefined, change: () => T): T {
		const state = this.options.store.state(merchantId);
		const mark = markBefore(state, invoiceId);
		const result = change();
		for (const { notification } of eventsSince(state, mark, merchantId, this.options.now())) this.publish(merchantId, notification);
		return result;
	}

	/** Test hook: a payment reminder (5 days before the due date) or an overdue reminder went out. */
	remind(merchantId: string, invoiceId: string, overdue: boolean): object {
		const now = this.options.now();
		const invoice = this.options.store.state(merchantId).invoices.get(invoiceId);
		if (!invoice) throw new SandboxError(404, `invoice ${invoiceId} does not exist for merchant ${merchantId}`);
		if (!['CREATED', 'SENT', 'PARTIAL'].includes(invoice.status))
			throw new SandboxError(409, `reminders are only sent for unpaid invoices, not ${invoice.status}`);
		invoice.history.push({ event: 'REMINDER', date: now });
		const type = `invoicing.customer.invoice.${overdue ? 'overdue-reminder' : 'reminder'}` as InvoiceEventType;
		const notification = buildNotification(invoice, type, merchantId, now);
		const webhookIds = this.publish(merchantId, notification);
		return { notificationId: notification.notificationId, eventType: type, webhookIds };
	}

	/**
	 * Test hook: a notification for any invoice number, also one the merchant does not have (a
	 * notification the receiver cannot look up), delivered with the subscription's retries.
	 */
	notifyInvoiceNumber(merchantId: string, invoiceNumber: string, eventType: string): object {
		if (!INVOICE_EVENT_TYPES.includes(eventType as InvoiceEventType)) throw new SandboxError(400, `eventType must be one of ${INVOICE_EVENT_TYPES.join(', ')}`);
		if (!invoiceNumber) throw new SandboxError(400, 'invoiceNumber is required');
		const notification: Notification = {
			notificationId: randomUUID(),
			eventType,
			eventDate: eventDate(this.options.now()),
			invoiceNumber,
			data: { invoiceNumber, eventType, organizationID: merchantId },
		};
		const webhookIds = this.publish(merchantId, notification);
		return { notificationId: notification.notificationId, eventType, webhookIds };
	}

	/** Test hook: the same notification again, as the gateway's retry would send it. */
	redeliver(notificationId: string): object {
		const sent = this.sentNotifications.get(notificationId);
		const subscription = sent && this.book.subscriptions.get(sent.webhookId);
		if (!sent || !subscription) throw new SandboxError(404, `no notification ${notificationId} to redeliver`);
		this.deliverer.notify(subscription, sent.notification, 'RETRY');
		return { notificationId, webhookId: subscription.webhookId };
	}

	private publish(organizationId: string, notification: Notification): string[] {
		const targets = [...this.book.subscriptions.values()].filter(
			(subscription) =>
				subscription.organizationId === organizationId &&
				subscription.status === 'ACTIVE' &&
				subscription.eventTypes.includes(notification.eventType as InvoiceEventType),
		);
		for (const subscription of targets) {
			// One notification id per subscription and event.
			const own = targets.length > 1 ? { ...notification, notificationId: `${notification.notificationId}-${subscription.webhookId.slice(0, 8)}` } : notification;
			this.remember(own.notificationId, subscription.webhookId, own);
			this.deliverer.notify(subscription, own);
		}
		return targets.map((subscription) => subscription.webhookId);
	}

	private remember(notificationId: string, webhookId: string, notification: Notification): void {
		this.sentNotifications.set(notificationId, { webhookId, notification });
		if (this.sentNotifications.size > 2000) this.sentNotifications.delete(this.sentNotifications.keys().next().value as string);
	}

	deliveries(): DeliveryAttempt[] {
		return this.deliverer.log();
	}

	subscriptions(): Subscription[] {
		return [...this.book.subscriptions.values()].map((subscription) => ({ ...subscription }));
	}

	/** The test-side API (`Sandbox.webhooks`); `merchantIdOf` supplies the default merchant. */
	hooks(merchantIdOf: (merchantId?: string) => string): SandboxWebhooks {
		return {
			subscriptions: () => this.subscriptions(),
			deliveries: () => this.deliveries(),
			remind: (invoiceId, opts = {}) => this.remind(merchantIdOf(opts.merchantId), invoiceId, opts.overdue === true),
			redeliver: (notificationId) => this.redeliver(notificationId),
			notifyInvoiceNumber: (invoiceNumber, eventType, opts = {}) => this.notifyInvoiceNumber(merchantIdOf(opts.merchantId), invoiceNumber, eventType),
			settled: () => this.deliverer.settled(),
		};
	}

	reset(): void {
		this.book.clear();
		this.deliverer.clearLog();
		this.sentNotifications.clear();
	}
}
