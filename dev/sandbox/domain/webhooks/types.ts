/** The webhook side of the sandbox: digital-signature keys, subscriptions and deliveries. */

export const INVOICE_EVENT_TYPES = [
	'invoicing.customer.invoice.send',
	'invoicing.customer.invoice.paid',
	'invoicing.customer.invoice.partial-payment',
	'invoicing.customer.invoice.cancel',
	'invoicing.customer.invoice.reminder',
	'invoicing.customer.invoice.overdue-reminder',
	'invoicing.customer.invoice.partial-resend',
] as const;

export type InvoiceEventType = (typeof INVOICE_EVENT_TYPES)[number];

export const PRODUCT_ID = 'customerInvoicing';

/** A shared-secret key for notification signatures; one per organization, the newest wins. */
export interface SignatureKey {
	keyId: string;
	/** Base64 text, as the key API hands it out. */
	key: string;
	organizationId: string;
	createdAt: number;
	expiresAt: number;
}

export interface RetryPolicy {
	algorithm: 'ARITHMETIC' | 'GEOMETRIC';
	firstRetry: number;
	interval: number;
	numberOfRetries: number;
	deactivateFlag: boolean;
	repeatSequenceCount: number;
	repeatSequenceWaitTime: number;
}

export type SubscriptionStatus = 'ACTIVE' | 'INACTIVE';

export interface Subscription {
	webhookId: string;
	organizationId: string;
	name: string;
	description: string;
	productId: string;
	eventTypes: InvoiceEventType[];
	webhookUrl: string;
	healthCheckUrl: string;
	notificationScope: 'SELF' | 'DESCENDANTS';
	retryPolicy: RetryPolicy;
	securityType: string;
	status: SubscriptionStatus;
	createdOn: number;
	updatedOn: number;
}

/** One attempt to reach a receiver: a health check or a notification (new or retried). */
export interface DeliveryAttempt {
	seq: number;
	kind: 'health-check' | 'notification';
	webhookId: string;
	url: string;
	time: string;
	notificationId?: string;
	eventType?: string;
	invoiceNumber?: string;
	retryNumber?: number;
	requestType?: 'NEW' | 'RETRY';
	/** HTTP status of the answer; 0 when there was none. */
	status: number;
	outcome: 'delivered' | 'failed' | 'gave-up';
	error?: string;
	/** The receiver's answer body (first 1000 characters), e.g. to check it answered JSON. */
	answer?: string;
	/** What was sent, so tests can check the signature and replay it. */
	headers?: Record<string, string>;
	body?: string;
}

/** The test-side API of the webhook sandbox, in process and behind the `/__sandbox/webhooks/…` hooks. */
export interface SandboxWebhooks {
	/** Every subscription of every organization (including INACTIVE ones). */
	subscriptions(): Subscription[];
	/** Every health check and notification attempt, oldest first, with its outcome. */
	deliveries(): DeliveryAttempt[];
	/** A payment reminder (or, with `overdue`, an overdue reminder) was e-mailed: notifies subscribers. */
	remind(invoiceId: string, opts?: { overdue?: boolean; merchantId?: string }): object;
	/**
	 * A notification of `eventType` for `invoiceNumber`, also one the merchant does not have (the
	 * receiver then cannot look the invoice up), delivered with the subscription's retries.
	 */
	notifyInvoiceNumber(invoiceNumber: string, eventType: string, opts?: { merchantId?: string }): object;
	/** Sends an already delivered notification again (same notificationId, request type RETRY). */
	redeliver(notificationId: string): object;
	/** Resolves when no delivery or retry is pending. */
	settled(): Promise<void>;
}
