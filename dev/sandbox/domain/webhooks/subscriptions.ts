/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The notification-subscriptions and digital-signature-key endpoints, per organization
 * (= merchant ID). State is kept in memory and, with a data file, in `<data file>.webhooks.json`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

import { INVALID, MISSING, badRequest, notFound, validationError, type ErrorDetail } from '../errors';
import { submitTimeUtc } from '../time';
import type { SignatureKey, Subscription } from './types';
import { INVOICE_EVENT_TYPES, PRODUCT_ID } from './types';
import { failIfAny, jsonObject, readProducts, readReceiverUrl, readRetryPolicy } from './validation';

type Json = Record<string, unknown>;

interface SavedState {
	keys: SignatureKey[];
	subscriptions: Subscription[];
}

export class SubscriptionBook {
	readonly keys = new Map<string, SignatureKey>();
	readonly subscriptions = new Map<string, Subscription>();

	constructor(private readonly file?: string) {
		if (file && existsSync(file)) {
			const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedState;
			for (const key of saved.keys) this.keys.set(key.organizationId, key);
			for (const subscription of saved.subscriptions) this.subscriptions.set(subscription.webhookId, subscription);
		}
	}

	save(): void {
		if (!this.file) return;
		const state: SavedState = { keys: [...this.keys.values()], subscriptions: [...this.subscriptions.values()] };
		writeFileSync(`${this.file}.tmp`, JSON.stringify(state), { mode: 0o600 });
		renameSync(`${this.file}.tmp`, this.file);
	}

	clear(): void {
		this.keys.clear();
		this.subscriptions.clear();
		this.save();
	}

	/** `POST /kms/egress/v2/keys-sym`: a new key replaces the organization's previous one. */
	createKey(organizationId: string, body: unknown, now: number): Json {
		const input = jsonObject(body) ?? {};
		const info = jsonObject(input.keyInformation);
		const details: ErrorDetail[] = [];
		if (String(input.clientRequestAction ?? '').toUpperCase() !== 'CREATE')
			details.push({ field: 'clientRequestAction', reason: input.clientRequestAction ? INVALID : MISSING });
		if (!info) details.push({ field: 'keyInformation', reason: MISSING });
		else {
			if (info.keyType !== 'sharedSecret') details.push({ field: 'keyInformation.keyType', reason: INVALID });
			if (info.organizationId !== undefined && info.organizationId !== organizationId)
				details.push({ field: 'keyInformation.organizationId', reason: INVALID });
			// The spec types expiryDuration (days) as a string; its example sends "365".
			if (info.expiryDuration !== undefined && (typeof info.expiryDuration !== 'string' || !/^\d{1,5}$/.test(info.expiryDuration)))
				details.push({ field: 'keyInformation.expiryDuration', reason: INVALID });
		}
		failIfAny(now, details);
		const days = Number(info?.expiryDuration ?? 365);
		const key: SignatureKey = {
			keyId: randomUUID(),
			key: randomBytes(32).toString('base64'),
			organizationId,
			createdAt: now,
			expiresAt: now + (Number.isFinite(days) && days > 0 ? days : 365) * 86_400_000,
		};
		this.keys.set(organizationId, key);
		this.save();
		return {
			submitTimeUtc: submitTimeUtc(now),
			status: 'SUCCESS',
			keyInformation: {
				provider: String(info?.provider ?? 'nrtd'),
				tenant: String(info?.tenant ?? organizationId),
				organizationId,
				keyType: 'sharedSecret',
				keyId: key.keyId,
				key: key.key,
				status: 'ACTIVE',
				expirationDate: new Date(key.expiresAt).toISOString(),
			},
		};
	}

	create(organizationId: string, body: unknown, now: number): Subscription {
		const input = jsonObject(body) ?? {};
		const details: ErrorDetail[] = [];
		if (input.organizationId !== undefined && input.organizationId !== organizationId)
			details.push({ field: 'organizationId', reason: INVALID });
		const eventTypes = readProducts(input, details);
		const webhookUrl = readReceiverUrl(input.webhookUrl, 'webhookUrl', details);
		const healthCheckUrl =
			input.healthCheckUrl === undefined ? webhookUrl : readReceiverUrl(input.healthCheckUrl, 'healthCheckUrl', details);
		const retryPolicy = readRetryPolicy(input.retryPolicy, details);
		const security = jsonObject(input.securityPolicy);
		const securityType = String(security?.securityType ?? 'key');
		if (securityType.toLowerCase() !== 'key') details.push({ field: 'securityPolicy.securityType', reason: INVALID });
		failIfAny(now, details);
		if (!this.keys.has(organizationId)) {
			throw badRequest(now, 'INVALID_REQUEST', 'Create a digital signature key before a webhook with securityType key.', [
				{ field: 'securityPolicy.securityType', reason: 'KEY_NOT_FOUND' },
			]);
		}
		const subscription: Subscription = {
			webhookId: randomUUID(),
			organizationId,
			name: String(input.name ?? ''),
			description: String(input.description ?? ''),
			productId: PRODUCT_ID,
			eventTypes,
			webhookUrl,
			healthCheckUrl,
			notificationScope: input.notificationScope === 'SELF' ? 'SELF' : 'DESCENDANTS',
			retryPolicy,
			securityType,
			status: 'INACTIVE',
			createdOn: now,
			updatedOn: now,
		};
		this.subscriptions.set(subscription.webhookId, subscription);
		this.save();
		return subscription;
	}

	find(organizationId: string, webhookId: string, now: number): Subscription {
		const subscription = this.subscriptions.get(webhookId);
		if (!subscription || subscription.organizationId !== organizationId) throw notFound(now, 'Webhook does not exist.');
		return subscription;
	}

	/** `GET …/webhooks?organizationId=…` (required by the spec) [&productId] [&eventType]. */
	list(organizationId: string, query: URLSearchParams, now: number): Subscription[] {
		const asked = query.get('organizationId');
		if (!asked) throw validationError(now, [{ field: 'organizationId', reason: MISSING }]);
		if (asked !== organizationId) throw validationError(now, [{ field: 'organizationId', reason: INVALID }]);
		const productId = query.get('productId');
		const eventType = query.get('eventType');
		return [...this.subscriptions.values()].filter(
			(subscription) =>
				subscription.organizationId === organizationId &&
				(!productId || subscription.productId === productId) &&
				(!eventType || subscription.eventTypes.includes(eventType as Subscription['eventTypes'][number])),
		);
	}

	/** PATCH: only the fields given change; a new receiver URL needs a new health check. */
	update(organizationId: string, webhookId: string, body: unknown, now: number): { subscription: Subscription; recheck: boolean } {
		const subscription = this.find(organizationId, webhookId, now);
		const input = jsonObject(body) ?? {};
		const details: ErrorDetail[] = [];
		const next: Subscription = { ...subscription, updatedOn: now };
		if (input.name !== undefined) next.name = String(input.name);
		if (input.description !== undefined) next.description = String(input.description);
		if (input.products !== undefined || input.productId !== undefined) next.eventTypes = readProducts(input, details);
		if (input.webhookUrl !== undefined) next.webhookUrl = readReceiverUrl(input.webhookUrl, 'webhookUrl', details);
		if (input.healthCheckUrl !== undefined)
			next.healthCheckUrl = readReceiverUrl(input.healthCheckUrl, 'healthCheckUrl', details);
		if (input.retryPolicy !== undefined) next.retryPolicy = readRetryPolicy(input.retryPolicy, details);
		failIfAny(now, details);
		const recheck = next.webhookUrl !== subscription.webhookUrl || next.healthCheckUrl !== subscription.healthCheckUrl;
		if (recheck) next.status = 'INACTIVE';
		this.subscriptions.set(webhookId, next);
		this.save();
		return { subscription: next, recheck };
	}

	remove(organizationId: string, webhookId: string, now: number): void {
		this.find(organizationId, webhookId, now);
		this.subscriptions.delete(webhookId);
		this.save();
	}

	setStatus(webhookId: string, status: Subscription['status'], now: number): void {
		const subscription = this.subscriptions.get(webhookId);
		if (!subscription) return;
		subscription.status = status;
		subscription.updatedOn = now;
		this.save();
	}
}

/** A subscription as the API answers it. */
export function renderSubscription(subscription: Subscription): Json {
	return {
		webhookId: subscription.webhookId,
		organizationId: subscription.organizationId,
		name: subscription.name,
		description: subscription.description,
		products: [{ productId: subscription.productId, eventTypes: subscription.eventTypes }],
		webhookUrl: subscription.webhookUrl,
		healthCheckUrl: subscription.healthCheckUrl,
		notificationScope: subscription.notificationScope,
		retryPolicy: { ...subscription.retryPolicy, deactivateFlag: String(subscription.retryPolicy.deactivateFlag) },
		securityPolicy: { securityType: subscription.securityType, digitalSignatureEnabled: 'yes' },
		status: subscription.status,
		deliveryType: 'WEBHOOK',
		version: '2',
		createdOn: new Date(subscription.createdOn).toISOString(),
		updatedOn: new Date(subscription.updatedOn).toISOString(),
	};
}

/** `GET /notification-subscriptions/v2/products/{organizationId}`. */
export function renderProducts(): Json[] {
	return [
		{
			productId: PRODUCT_ID,
			productName: 'Customer Invoicing',
			eventTypes: INVOICE_EVENT_TYPES.map((eventName) => ({ eventName, displayName: eventName.split('.').pop() })),
		},
	];
}
