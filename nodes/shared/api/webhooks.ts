/*
 * Cybersource's webhook subscriptions and notification-signature keys (docs/cybersource-api.md):
 * their paths, and each call the webhook trigger makes to them.
 */
import type { IDataObject } from 'n8n-workflow';

import { cybersourceApiCall, cybersourceApiRequest, singleRequest, type CybersourceContext, type CybersourceResponse } from '../transport';

const WEBHOOKS_PATH = '/notification-subscriptions/v2/webhooks';
const KMS_SYMMETRIC_PATH = '/kms/egress/v2/keys-sym';

function webhookPath(webhookId: string): string {
	return `${WEBHOOKS_PATH}/${encodeURIComponent(webhookId)}`;
}

/** Creates a shared-secret key for the organization's notifications; the answer's `keyInformation` holds it. */
export async function createSignatureKey(this: CybersourceContext, orgId: string, keyInformation: IDataObject): Promise<IDataObject> {
	return await cybersourceApiRequest.call(
		this,
		'POST',
		KMS_SYMMETRIC_PATH,
		{ clientRequestAction: 'CREATE', keyInformation },
		undefined,
		singleRequest({ headers: { 'v-c-sender-organization-id': orgId, 'v-c-permissions': '{"permissions":["webhook"]}' } }),
	);
}

/** The organization's subscriptions to a product (an array, or an object with `webhooks`). */
export async function listWebhooks(this: CybersourceContext, query: { organizationId: string; productId: string }): Promise<CybersourceResponse> {
	return await cybersourceApiCall.call(this, 'GET', WEBHOOKS_PATH, undefined, query, singleRequest());
}

export async function createWebhook(this: CybersourceContext, body: IDataObject): Promise<IDataObject> {
	return await cybersourceApiRequest.call(this, 'POST', WEBHOOKS_PATH, body, undefined, singleRequest());
}

/** Changes the subscription's fields given in `body` (PATCH). */
export async function updateWebhook(this: CybersourceContext, webhookId: string, body: IDataObject): Promise<IDataObject> {
	return await cybersourceApiRequest.call(this, 'PATCH', webhookPath(webhookId), body, undefined, singleRequest());
}

export async function deleteWebhook(this: CybersourceContext, webhookId: string): Promise<CybersourceResponse> {
	return await cybersourceApiCall.call(this, 'DELETE', webhookPath(webhookId), undefined, undefined, singleRequest());
}

export async function getWebhook(this: CybersourceContext, webhookId: string): Promise<CybersourceResponse> {
	return await cybersourceApiCall.call(this, 'GET', webhookPath(webhookId), undefined, undefined, singleRequest());
}
