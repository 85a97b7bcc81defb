import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { createSignatureKey, createWebhook, deleteWebhook, getWebhook, listWebhooks, updateWebhook } from '../../shared/api/webhooks';
import { objectOf } from '../../shared/helpers/json';
import { CREDENTIAL_TYPE, isNotFound } from '../../shared/transport';
import { learnKey, newestKey, type RingKey } from './keyRing';

export const PRODUCT_ID = 'customerInvoicing';

/** What the trigger keeps in the node's static data (the key is never output or logged). */
export interface WebhookState extends IDataObject {
	subscriptionId?: string;
	keyId?: string;
	key?: string;
	/** Epoch ms; the newest key of the organization is the one Cybersource signs with. */
	keyCreatedAt?: number;
	/** Epoch ms; keys are created for 365 days and replaced 30 days before they expire. */
	keyExpiresAt?: number;
	organizationId?: string;
}

export async function organizationId(this: IHookFunctions): Promise<string> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	return String(credentials.merchantId ?? '');
}

/** A digital-signature key for notifications, created once and kept (a new key replaces the organization's old one). */
const KEY_DAYS = 365;
const RENEW_BEFORE_MS = 30 * 86_400_000;

/**
 * Puts a usable key into `state` without asking Cybersource: ours, or a newer one another trigger
 * of the organization created in this process. False when none stays valid for 30 more days. A
 * read only, so n8n's checkExists can use it (creating a key is a write for the whole organization).
 */
export function adoptKnownKey(state: WebhookState, orgId: string): boolean {
	if (state.keyId && state.key && state.organizationId === orgId) {
		learnKey({ keyId: state.keyId, key: state.key, organizationId: orgId, createdAt: state.keyCreatedAt ?? 0, expiresAt: state.keyExpiresAt });
	}
	const newest = newestKey(orgId, Date.now() + RENEW_BEFORE_MS);
	if (!newest) return false;
	Object.assign(state, { keyId: newest.keyId, key: newest.key, keyCreatedAt: newest.createdAt, keyExpiresAt: newest.expiresAt, organizationId: orgId });
	return true;
}

/**
 * The key to sign with: a known one (see adoptKnownKey), or a new one when there is none, when it
 * expires within 30 days, or when `renew` says Cybersource no longer accepts it.
 */
export async function ensureSignatureKey(this: IHookFunctions, state: WebhookState, renew = false): Promise<void> {
	const orgId = await organizationId.call(this);
	if (!renew && adoptKnownKey(state, orgId)) return;
	const answer = await createSignatureKey.call(this, orgId, {
		provider: 'nrtd',
		tenant: orgId,
		keyType: 'sharedSecret',
		organizationId: orgId,
		// The spec types expiryDuration as a string of days (docs/cybersource-api.md).
		expiryDuration: String(KEY_DAYS),
	});
	const info = objectOf(answer.keyInformation);
	if (typeof info.keyId !== 'string' || typeof info.key !== 'string') {
		throw new Error('Cybersource created no usable signature key (keyInformation.keyId / key missing in its answer)');
	}
	const created: RingKey = {
		keyId: info.keyId,
		key: info.key,
		organizationId: orgId,
		createdAt: Date.now(),
		expiresAt: Date.now() + KEY_DAYS * 86_400_000,
	};
	Object.assign(state, { keyId: created.keyId, key: created.key, keyCreatedAt: created.createdAt, keyExpiresAt: created.expiresAt, organizationId: orgId });
	learnKey(created);
}

function eventTypesOf(subscription: IDataObject): string[] {
	const products = Array.isArray(subscription.products) ? (subscription.products as IDataObject[]) : [];
	const product = products.find((item) => item.productId === PRODUCT_ID);
	return Array.isArray(product?.eventTypes) ? (product.eventTypes as string[]) : [];
}

export function sameEvents(subscription: IDataObject, eventTypes: string[]): boolean {
	const current = eventTypesOf(subscription);
	return current.length === eventTypes.length && eventTypes.every((type) => current.includes(type));
}

/** The organization's invoicing subscriptions that deliver to `url` (the spec requires `organizationId`). */
export async function subscriptionsFor(this: IHookFunctions, url: string): Promise<IDataObject[]> {
	const query = { organizationId: await organizationId.call(this), productId: PRODUCT_ID };
	const answer = await listWebhooks.call(this, query);
	const body = answer.body;
	const list = Array.isArray(body) ? body : Array.isArray(body.webhooks) ? (body.webhooks as IDataObject[]) : [];
	return list.filter((item) => item.webhookUrl === url && eventTypesOf(item).length > 0);
}

interface SubscriptionInput {
	url: string;
	eventTypes: string[];
	workflowName: string;
}

function subscriptionBody(input: SubscriptionInput, orgId: string): IDataObject {
	return {
		name: `n8n ${input.workflowName}`.slice(0, 60),
		description: 'Created by the n8n Cybersource Invoice Trigger; deleted when the workflow is deactivated',
		organizationId: orgId,
		products: [{ productId: PRODUCT_ID, eventTypes: input.eventTypes }],
		webhookUrl: input.url,
		// The trigger answers health checks on the same URL with this flag, without starting the workflow.
		healthCheckUrl: `${input.url}?healthCheck=true`,
		notificationScope: 'SELF',
		retryPolicy: {
			algorithm: 'ARITHMETIC',
			firstRetry: 1,
			interval: 1,
			numberOfRetries: 3,
			deactivateFlag: 'false',
			repeatSequenceCount: 0,
			repeatSequenceWaitTime: 0,
		},
		securityPolicy: { securityType: 'key' },
	};
}

/** A refusal of the subscription that names the signature key (unknown, expired or revoked). */
export function isKeyRefusal(error: unknown): boolean {
	const fields = error as { httpCode?: unknown; message?: unknown; description?: unknown };
	return String(fields.httpCode) === '400' && /key/i.test(`${String(fields.message)} ${String(fields.description)}`);
}

/** Reuses a subscription for the same URL (changing its events if needed) or creates one. */
export async function createOrReuseSubscription(this: IHookFunctions, input: SubscriptionInput): Promise<string> {
	const [existing] = await subscriptionsFor.call(this, input.url);
	if (existing) {
		const id = String(existing.webhookId);
		if (!sameEvents(existing, input.eventTypes)) {
			await updateWebhook.call(this, id, { products: [{ productId: PRODUCT_ID, eventTypes: input.eventTypes }] });
		}
		return id;
	}
	const created = await createWebhook.call(this, subscriptionBody(input, await organizationId.call(this)));
	if (typeof created.webhookId !== 'string') throw new Error('Cybersource created no webhook subscription (webhookId missing in its answer)');
	return created.webhookId;
}

/** True once the subscription no longer exists (deleted now or earlier); the spec answers 200, 204 is accepted too. */
export async function deleteSubscription(this: IHookFunctions, subscriptionId: string): Promise<boolean> {
	try {
		await deleteWebhook.call(this, subscriptionId);
		return true;
	} catch (error) {
		if (isNotFound(error)) return true;
		// A 204 without a body is not JSON to the transport: ask whether it is gone.
		try {
			await getWebhook.call(this, subscriptionId);
			return false;
		} catch (lookup) {
			return isNotFound(lookup);
		}
	}
}
