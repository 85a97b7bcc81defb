/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Sends health checks and signed notifications to receivers, retrying failed notifications on
 * the subscription's retry policy, and keeps a bounded log of every attempt.
 */
import { randomUUID } from 'node:crypto';

import { signatureHeader, type KeyEncoding } from './signature';
import type { DeliveryAttempt, RetryPolicy, SignatureKey, Subscription } from './types';
import { PRODUCT_ID } from './types';

const MAX_LOG = 2000;
const MAX_ANSWER = 1000;
/**
 * Health checks right after creation (the receiver may still be registering its route), then
 * 1, 2, 4 and 8 s later (shorter when tests shorten the retry unit).
 */
function healthCheckDelays(retryUnitMs: number): number[] {
	const step = Math.min(1000, retryUnitMs);
	return [200, step, 2 * step, 4 * step, 8 * step];
}

export interface Notification {
	notificationId: string;
	eventType: string;
	eventDate: string;
	invoiceNumber: string;
	data: Record<string, unknown>;
}

export interface DeliveryOptions {
	/** One retry-policy unit (the gateway counts minutes); tests shorten it. */
	retryUnitMs: number;
	/** How long a receiver may take to answer before the try counts as failed (status 0). */
	timeoutMs: number;
	keyEncoding: KeyEncoding;
	now: () => number;
	keyOf: (organizationId: string) => SignatureKey | undefined;
	setStatus: (webhookId: string, status: Subscription['status']) => void;
}

/** Delay before retry number `retry` (1-based), in policy units. */
export function retryDelayUnits(policy: RetryPolicy, retry: number): number {
	if (policy.algorithm === 'GEOMETRIC') return policy.firstRetry * Math.max(1, policy.interval) ** (retry - 1);
	return policy.firstRetry + policy.interval * (retry - 1);
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

export class Deliverer {
	private readonly attempts: DeliveryAttempt[] = [];
	private seq = 0;
	private readonly inFlight = new Set<Promise<unknown>>();
	private closed = false;

	constructor(private readonly options: DeliveryOptions) {}

	log(): DeliveryAttempt[] {
		return this.attempts.map((attempt) => ({ ...attempt }));
	}

	clearLog(): void {
		this.attempts.length = 0;
	}

	close(): void {
		this.closed = true;
	}

	/** Resolves once nothing is being sent or waiting for a retry. */
	async settled(): Promise<void> {
		while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
	}

	private track(work: Promise<unknown>): void {
		this.inFlight.add(work);
		void work.finally(() => this.inFlight.delete(work));
	}

	private record(attempt: Omit<DeliveryAttempt, 'seq' | 'time'>): DeliveryAttempt {
		const full = { seq: ++this.seq, time: new Date(this.options.now()).toISOString(), ...attempt };
		this.attempts.push(full);
		if (this.attempts.length > MAX_LOG) this.attempts.splice(0, this.attempts.length - MAX_LOG);
		return full;
	}

	private async post(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; error?: string; answer?: string }> {
		try {
			const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(this.options.timeoutMs) });
			const answer = (await response.text()).slice(0, MAX_ANSWER);
			return { status: response.status, answer };
		} catch (error) {
			const cause = (error as { cause?: { code?: string } }).cause;
			return { status: 0, error: cause?.code ?? (error as Error).message };
		}
	}

	/** A subscription turns ACTIVE once its health-check URL answers 2xx. */
	healthCheck(subscription: Subscription): void {
		this.track(this.runHealthCheck(subscription));
	}

	private async runHealthCheck(subscription: Subscription): Promise<void> {
		for (const delay of healthCheckDelays(this.options.retryUnitMs)) {
			await sleep(delay);
			if (this.closed) return;
			const body = JSON.stringify({ webhookId: subscription.webhookId, eventType: 'healthCheck' });
			const headers = { 'content-type': 'application/json', 'v-c-webhook-id': subscription.webhookId };
			const answer = await this.post(subscription.healthCheckUrl, headers, body);
			const ok = answer.status >= 200 && answer.status < 300;
			this.record({
				kind: 'health-check',
				webhookId: subscription.webhookId,
				url: subscription.healthCheckUrl,
				status: answer.status,
				outcome: ok ? 'delivered' : 'failed',
				error: answer.error,
			});
			if (ok) {
				this.options.setStatus(subscription.webhookId, 'ACTIVE');
				return;
			}
		}
	}

	/** Delivers a notification, retrying with the subscription's policy while the receiver fails. */
	notify(subscription: Subscription, notification: Notification, firstRequestType: 'NEW' | 'RETRY' = 'NEW'): void {
		this.track(this.runNotification(subscription, notification, firstRequestType));
	}

	private async runNotification(subscription: Subscription, notification: Notification, firstRequestType: 'NEW' | 'RETRY'): Promise<void> {
		const policy = subscription.retryPolicy;
		const traceId = randomUUID();
		for (let retry = 0; retry <= policy.numberOfRetries; retry++) {
			if (retry > 0) await sleep(retryDelayUnits(policy, retry) * this.options.retryUnitMs);
			if (this.closed) return;
			const requestType = retry === 0 ? firstRequestType : 'RETRY';
			const ok = await this.sendOnce(subscription, notification, retry, requestType, traceId, retry === policy.numberOfRetries);
			if (ok) return;
		}
		if (policy.deactivateFlag) this.options.setStatus(subscription.webhookId, 'INACTIVE');
	}

	private async sendOnce(
		subscription: Subscription,
		notification: Notification,
		retryNumber: number,
		requestType: 'NEW' | 'RETRY',
		traceId: string,
		last: boolean,
	): Promise<boolean> {
		const key = this.options.keyOf(subscription.organizationId);
		const body = JSON.stringify({
			notificationId: notification.notificationId,
			retryNumber,
			eventType: notification.eventType,
			eventDate: notification.eventDate,
			webhookId: subscription.webhookId,
			payloads: [{ data: notification.data }],
		});
		const headers: Record<string, string> = {
			'content-type': 'application/json',
			'v-c-event-type': notification.eventType,
			'v-c-organization-id': subscription.organizationId,
			'v-c-product-name': PRODUCT_ID,
			'v-c-request-type': requestType,
			'v-c-retry-count': String(retryNumber),
			'v-c-transaction-trace-id': traceId,
			'v-c-webhook-id': subscription.webhookId,
		};
		// The timestamp of the signature: milliseconds, as in the documented example header.
		if (key) headers['v-c-signature'] = signatureHeader(key.keyId, key.key, String(this.options.now()), body, this.options.keyEncoding);
		const answer = await this.post(subscription.webhookUrl, headers, body);
		const ok = answer.status >= 200 && answer.status < 300;
		this.record({
			kind: 'notification',
			webhookId: subscription.webhookId,
			url: subscription.webhookUrl,
			notificationId: notification.notificationId,
			eventType: notification.eventType,
			invoiceNumber: notification.invoiceNumber,
			retryNumber,
			requestType,
			status: answer.status,
			outcome: ok ? 'delivered' : last ? 'gave-up' : 'failed',
			error: answer.error,
			answer: answer.answer,
			headers,
			body,
		});
		return ok;
	}
}
