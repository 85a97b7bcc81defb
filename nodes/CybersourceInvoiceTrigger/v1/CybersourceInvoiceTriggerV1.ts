import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CUSTOM_ENVIRONMENT } from '../../../credentials/baseUrl';
import { objectOf, parseJsonObject } from '../../shared/helpers/json';
import { QUICK_READ, singleRequest } from '../../shared/transport';
import { claimAnnouncedPayment, type PaymentClaim } from '../helpers/announcedPayment';
import { eventOfType, eventTypesOf, type TriggerEvent } from '../../shared/triggers/events';
import { findInvoice } from '../../shared/api/invoices';
import { parseWholeNumber } from '../../shared/helpers/values';
import { eventItem } from '../../shared/triggers/eventItem';
import { forgetKey, keyById } from '../helpers/keyRing';
import { seenNotifications, type SeenSet } from '../helpers/replay';
import { parseSignatureHeader, verifySignature, type StoredKey } from '../helpers/signature';
import {
	adoptKnownKey,
	createOrReuseSubscription,
	deleteSubscription,
	ensureSignatureKey,
	isKeyRefusal,
	organizationId,
	sameEvents,
	subscriptionsFor,
	type WebhookState,
} from '../helpers/subscription';
import { versionDescription } from './versionDescription';

function selectedEventTypes(this: IHookFunctions): string[] {
	const events = this.getNodeParameter('events', []) as TriggerEvent[];
	if (events.length === 0) throw new NodeOperationError(this.getNode(), 'Choose at least one event in "Events"');
	return eventTypesOf(events);
}

const MAX_SIGNATURE_AGE_SECONDS = 31_536_000;

/**
 * Options › Maximum Signature Age in ms, 0 = off. The field has no minValue, so the editor keeps
 * what was typed: a negative or fractional value is refused here, never clamped to "off".
 */
function maxSignatureAgeMs(this: IHookFunctions | IWebhookFunctions): number {
	const value = this.getNodeParameter('options.maxAgeSeconds', 0);
	const range = `a whole number of seconds from 0 (off) to ${MAX_SIGNATURE_AGE_SECONDS}`;
	try {
		return parseWholeNumber(value, 'Options › Maximum Signature Age (Seconds)', 0, MAX_SIGNATURE_AGE_SECONDS, range) * 1000;
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, { description: 'Set 0 to turn the check off.' });
	}
}

function webhookUrl(this: IHookFunctions): string {
	const url = this.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(this.getNode(), 'n8n has no webhook URL for this node');
	return url;
}

/** Cybersource only delivers to public HTTPS; a custom base URL (a local test server) may differ. */
async function assertDeliverable(this: IHookFunctions, url: string): Promise<void> {
	const credentials = await this.getCredentials('cybersourceApi');
	if (credentials.environment === CUSTOM_ENVIRONMENT || url.startsWith('https://')) return;
	throw new NodeOperationError(this.getNode(), `Cybersource can only deliver to HTTPS, and n8n's webhook URL is ${url}`, {
		description:
			"Set n8n's WEBHOOK_URL to its public HTTPS address, or use the Cybersource Invoice Polling Trigger, which needs no public URL.",
	});
}

function answer(this: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	this.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}

/** The body exactly as it arrived: the signature covers these bytes, not a re-serialisation. */
function rawBodyOf(this: IWebhookFunctions): Buffer {
	const raw = (this.getRequestObject() as { rawBody?: unknown }).rawBody;
	if (Buffer.isBuffer(raw)) return raw;
	if (typeof raw === 'string') return Buffer.from(raw, 'utf8');
	return Buffer.from(JSON.stringify(this.getBodyData()), 'utf8');
}

function parseNotification(raw: Buffer): IDataObject | undefined {
	return parseJsonObject(raw.toString('utf8'));
}

/** The invoice number: `payloads[0].data` in the documented example, `payload` in the generic one. */
function invoiceNumberOf(notification: IDataObject): string | undefined {
	const payloads = Array.isArray(notification.payloads) ? (notification.payloads as IDataObject[]) : [];
	const data = objectOf(payloads[0]?.data ?? notification.payload);
	const value = data.invoiceNumber ?? data.invoiceId;
	return value === undefined || value === null ? undefined : String(value);
}

/**
 * The invoice a notification names; undefined `found` when Cybersource has no such invoice (404:
 * retrying cannot help). Any other failure (unreachable, timeout, 5xx, 429, a refused credential)
 * may pass, so the delivery is answered 503 and the gateway delivers it again later.
 */
async function readInvoice(this: IWebhookFunctions, invoiceNumber: string): Promise<{ found: IDataObject | undefined } | { retryLater: string }> {
	try {
		// Cybersource waits only seconds for the answer, and delivers again after a 503.
		return { found: await findInvoice.call(this, invoiceNumber, singleRequest({ tuning: QUICK_READ })) };
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		this.logger.warn(`Cybersource Invoice Trigger: invoice ${invoiceNumber} could not be read (${reason}); answered 503 so Cybersource retries`);
		return { retryLater: `Invoice ${invoiceNumber} could not be read from Cybersource (${reason}); deliver again later` };
	}
}

/**
 * The answer to a notification this trigger handled before ("duplicate"), or that another call
 * is handling right now: that copy may still fail and be released, so this one is answered 503 —
 * a 200 would end the gateway's retries (it delivers again when it stopped waiting for the first).
 */
function alreadyClaimed(this: IWebhookFunctions, seen: SeenSet, notificationId: string): IWebhookResponseData {
	if (seen.has(notificationId)) return { webhookResponse: { status: 'duplicate' } };
	return answer.call(this, 503, { message: `Notification ${notificationId} is being handled by another delivery right now; deliver again later` });
}

/** This node's key, or a newer key of the same organization that another trigger created. */
async function signingKey(this: IWebhookFunctions, state: WebhookState, header: unknown): Promise<StoredKey | undefined> {
	const keyId = parseSignatureHeader(header)?.keyId;
	if (!keyId || !state.keyId || !state.key) return state.keyId && state.key ? { keyId: state.keyId, key: state.key } : undefined;
	if (keyId === state.keyId) return { keyId: state.keyId, key: state.key };
	const credentials = await this.getCredentials('cybersourceApi');
	return keyById(keyId, String(credentials.merchantId ?? '')) ?? { keyId: state.keyId, key: state.key };
}

/**
 * Version 1 of the webhook trigger. Not named *.node.ts: n8n loads every *.node.js of a custom extensions folder
 * as a node of its own, and this class only works inside the versioned node.
 */
export class CybersourceInvoiceTriggerV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = { ...baseDescription, ...versionDescription };
	}

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				maxSignatureAgeMs.call(this); // a value the node would refuse stops the activation, with why
				const state = this.getWorkflowStaticData('node') as WebhookState;
				// Only reads: a key that is missing or expires soon is renewed by create, which n8n runs next.
				if (!adoptKnownKey(state, await organizationId.call(this))) return false;
				const eventTypes = selectedEventTypes.call(this);
				const found = (await subscriptionsFor.call(this, webhookUrl.call(this))).find((item) => sameEvents(item, eventTypes));
				if (!found) return false;
				state.subscriptionId = String(found.webhookId);
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as WebhookState;
				const eventTypes = selectedEventTypes.call(this);
				const input = { url: webhookUrl.call(this), eventTypes, workflowName: this.getWorkflow().name ?? '' };
				await assertDeliverable.call(this, input.url);
				await ensureSignatureKey.call(this, state);
				const first = await createOrReuseSubscription.call(this, input).then(
					(id) => ({ id, error: undefined }),
					(error: unknown) => ({ id: undefined, error }),
				);
				if (first.id !== undefined) {
					state.subscriptionId = first.id;
					return true;
				}
				// The stored key may have expired or been revoked at Cybersource: one new key, one more try.
				if (!isKeyRefusal(first.error) || !state.keyId) throw first.error;
				forgetKey(state.keyId);
				await ensureSignatureKey.call(this, state, true);
				state.subscriptionId = await createOrReuseSubscription.call(this, input);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as WebhookState;
				if (!state.subscriptionId) return true;
				const gone = await deleteSubscription.call(this, state.subscriptionId);
				if (gone) delete state.subscriptionId;
				return gone;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const query = this.getQueryData() as IDataObject;
		if (this.getWebhookName() === 'setup' || query.healthCheck === 'true') return { webhookResponse: { status: 'ok' } };

		const state = this.getWorkflowStaticData('node') as WebhookState;
		const raw = rawBodyOf.call(this);
		const header = this.getHeaderData()['v-c-signature'];
		const verdict = verifySignature(header, raw, await signingKey.call(this, state, header));
		if (!verdict.valid) return answer.call(this, 401, { message: `Notification refused: ${verdict.reason}` });
		const maxAgeMs = maxSignatureAgeMs.call(this);
		if (maxAgeMs > 0 && verdict.signedAt !== undefined && Date.now() - verdict.signedAt > maxAgeMs) {
			return answer.call(this, 401, { message: 'Notification refused: its signature is older than the maximum age' });
		}

		const notification = parseNotification(raw);
		const invoiceNumber = notification && invoiceNumberOf(notification);
		if (!notification || !invoiceNumber) return answer.call(this, 400, { message: 'Notification has no invoice number' });
		const event = eventOfType(String(notification.eventType ?? this.getHeaderData()['v-c-event-type'] ?? ''));
		const events = this.getNodeParameter('events', []) as TriggerEvent[];
		const notificationId = String(notification.notificationId ?? '');
		// Acknowledged without starting: events not chosen, and notifications already handled.
		if (!event || !events.includes(event)) return { webhookResponse: { status: 'ignored' } };
		const scope = `${this.getWorkflow().id ?? ''}:${this.getNode().id}`;
		const seen = seenNotifications.open(state, scope, Date.now());
		if (notificationId && !seen.claim(notificationId)) return alreadyClaimed.call(this, seen, notificationId);

		let payment: PaymentClaim | undefined;
		try {
			const invoice = await readInvoice.call(this, invoiceNumber);
			if ('retryLater' in invoice) return answer.call(this, 503, { message: invoice.retryLater });
			// Remembered before answering: the gateway's retries and any replay start nothing more.
			if (notificationId) seen.remember(notificationId);
			if (!invoice.found) {
				this.logger.warn(`Cybersource Invoice Trigger: notification ${notificationId} names invoice ${invoiceNumber}, which Cybersource does not have; nothing started`);
				return { webhookResponse: { status: 'ignored', reason: `invoice ${invoiceNumber} not found` } };
			}
			payment = claimAnnouncedPayment(state, scope, { invoiceNumber, invoice: invoice.found, event, notification });
			if (payment.allReported) return { webhookResponse: { status: 'alreadyReported' } };
			const item = eventItem({
				event,
				invoiceNumber,
				invoice: invoice.found,
				simplify: this.getNodeParameter('simplify', true) as boolean,
				occurredAt: typeof notification.eventDate === 'string' ? notification.eventDate : undefined,
				payment: payment.totals,
				extra: { notificationId },
			});
			payment.remember();
			// Answered here, not by n8n after it started the execution: n8n writes the static data (the
			// id just remembered) when the answer is out, and n8n 2.40 clears its "changed" flag while
			// it prepares the execution, so with n8n's deferred answer the id would never be stored.
			return { ...answer.call(this, 200, { status: 'received' }), workflowData: [this.helpers.returnJsonArray([item])] };
		} finally {
			seen.release(notificationId);
			payment?.release();
		}
	}
}
