import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { hostForMessages } from '../../../credentials/baseUrl';
import type { InvoiceAction } from '../helpers/statuses';
import {
	apiError,
	malformedResponseError,
	networkError,
	redirectError,
	type ApiFailureContext,
	type NetworkFailure,
} from './errors';
import { limiterOf } from './limiter';
import { clockWarning, currentClockOffset, learnClockOffset } from './clockSkew';
import { beforeDeadline, bodyOf, discard } from './response';
import { recordWarning } from './warnings';

export type CybersourceContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IPollFunctions
	| IWebhookFunctions;

export const CREDENTIAL_TYPE = 'cybersourceApi';

/** Knobs of the request chokepoint. Tests shorten them; the node uses the defaults. */
export interface TransportTuning {
	timeoutMs: number;
	maxAttempts: number;
	baseDelayMs: number;
	/** Upper bound on all waiting between attempts, Retry-After included. */
	maxTotalWaitMs: number;
}

export const DEFAULT_TUNING: TransportTuning = {
	timeoutMs: 30_000,
	maxAttempts: 3,
	baseDelayMs: 500,
	maxTotalWaitMs: 15_000,
};

export interface RequestOptions {
	itemIndex?: number;
	tuning?: Partial<TransportTuning>;
	/** Extra headers some endpoints ask for (e.g. the key API's v-c-sender-organization-id). */
	headers?: Record<string, string>;
}

export interface CybersourceResponse {
	statusCode: number;
	/** Invoicing answers objects; the merchant-defined-field endpoints answer bare arrays. */
	body: IDataObject | IDataObject[];
	/** Things the user should know although the call worked (also recorded for the router, see warnings.ts). */
	warnings?: string[];
}

type QueryValue = string | number | boolean | undefined;

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const RETRYABLE_NETWORK = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/** GET and PUT are idempotent: repeating them cannot create a second invoice. */
function isIdempotent(method: IHttpRequestMethods): boolean {
	return method === 'GET' || method === 'PUT';
}

/** A 429 means the request was turned away unread, so even a POST may be sent again. */
function isRetryableStatus(method: IHttpRequestMethods, statusCode: number): boolean {
	return RETRYABLE_STATUS.has(statusCode) && (statusCode === 429 || isIdempotent(method));
}

/**
 * Marks the error of a POST whose effect is unknown: it was sent, and the answer (network error,
 * timeout, 5xx, unreadable 2xx) does not say whether Cybersource applied it. Callers that can check
 * (by invoice number or status) do so instead of failing; see `isOutcomeUnknown`.
 */
function markOutcomeUnknown(method: IHttpRequestMethods, error: NodeApiError): NodeApiError {
	if (!isIdempotent(method)) error.context.outcomeUnknown = true;
	return error;
}

/** Whether this error is a POST that may or may not have been applied. */
export function isOutcomeUnknown(error: unknown): error is NodeApiError {
	return error instanceof NodeApiError && error.context.outcomeUnknown === true;
}

/** Path of an invoice (or one of its actions); the id is URL-encoded before it is signed. */
export function invoicePath(invoiceId: string, action?: InvoiceAction): string {
	const base = `/invoicing/v2/invoices/${encodeURIComponent(invoiceId)}`;
	return action ? `${base}/${action}` : base;
}

/**
 * The network error code (ECONNRESET, ECONNREFUSED, ECONNABORTED for a timeout, …) of a failed
 * attempt. n8n wraps the HTTP client's error in a NodeApiError and moves the code to `httpCode`.
 */
function networkFailureOf(error: unknown): NetworkFailure | undefined {
	const candidates = [error, (error as { cause?: unknown })?.cause];
	for (const candidate of candidates) {
		const fields = candidate as { code?: unknown; httpCode?: unknown; messages?: unknown; message?: unknown };
		const code = [fields?.code, fields?.httpCode].find(
			(value): value is string => typeof value === 'string' && /^E[A-Z_]+$/.test(value),
		);
		if (code) {
			const messages = Array.isArray(fields.messages) ? (fields.messages as string[]) : [];
			return { code, message: messages[0] ?? String(fields.message ?? code) };
		}
	}
	return undefined;
}

function retryAfterMs(headers: IDataObject | undefined): number | undefined {
	const value = headers?.['retry-after'];
	if (value === undefined) return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(value));
	return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

function isJson(body: unknown): body is IDataObject | IDataObject[] {
	return !!body && typeof body === 'object' && !Buffer.isBuffer(body);
}

type Outcome =
	| { kind: 'response'; statusCode: number; body: unknown; headers?: IDataObject }
	| { kind: 'network'; failure: NetworkFailure }
	| { kind: 'unsigned'; error: NodeApiError };

type RawResponse = { statusCode: number; body: unknown; headers?: IDataObject };

/**
 * One signed attempt: an HTTP answer, no answer at all (`network`), or no request (`unsigned`).
 * The whole answer must arrive within `timeoutMs` (n8n's own timeout only limits silence).
 */
async function sendOnce(
	this: CybersourceContext,
	request: IHttpRequestOptions,
	timeoutMs: number,
	itemIndex?: number,
): Promise<Outcome> {
	const deadline = Date.now() + timeoutMs;
	try {
		// A fresh copy per attempt: authenticate re-signs it with a new date / jti.
		const pending = this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
			...request,
			headers: { ...(request.headers ?? {}) },
		}) as Promise<RawResponse>;
		const response = await beforeDeadline(pending, deadline, timeoutMs, () => {
			pending.then((late) => discard(late.body), () => undefined);
		});
		return { kind: 'response', ...response, body: await bodyOf(response.body, deadline, timeoutMs) };
	} catch (error) {
		const failure = networkFailureOf(error);
		if (failure) return { kind: 'network', failure };
		// The credential could not sign: its message names the field to fix.
		const unsigned = error instanceof NodeApiError ? error : new NodeApiError(this.getNode(), error as JsonObject);
		unsigned.context.itemIndex = itemIndex;
		return { kind: 'unsigned', error: unsigned };
	}
}

/** Where requests go, for messages; the credential decides it. */
async function hostOf(this: CybersourceContext): Promise<string> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	return hostForMessages(credentials.environment, credentials.baseUrl);
}

/**
 * The single chokepoint for Cybersource calls: signs through the credential, retries what is safe
 * to retry, and turns every failure into a NodeApiError that says what to fix.
 *
 * Retries (at most `maxAttempts`, exponential backoff, bounded total wait): GET and PUT on 429
 * (honouring Retry-After), 502/503/504 and network errors; a POST only on 429 or when the
 * connection was refused, i.e. when nothing was applied, so a create is never duplicated. A POST
 * whose effect is unknown fails with an error that `isOutcomeUnknown` recognises.
 */
export async function cybersourceApiCall(
	this: CybersourceContext,
	method: IHttpRequestMethods,
	path: string,
	body?: IDataObject,
	query?: Record<string, QueryValue>,
	options: RequestOptions = {},
): Promise<CybersourceResponse> {
	const tuning = { ...DEFAULT_TUNING, ...options.tuning };
	const request: IHttpRequestOptions = {
		method,
		url: path,
		qs: query ? Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) : undefined,
		body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// A redirect would repeat the signed request, body included, at another address.
		disableFollowRedirect: true,
		// Read by sendOnce, so the deadline covers the whole answer.
		encoding: 'stream',
		timeout: tuning.timeoutMs,
		headers: options.headers,
	};
	const readCredential = async () => await this.getCredentials(CREDENTIAL_TYPE);
	/** Set once the request was signed again with Cybersource's time after a clock-skew 401. */
	let clockOffsetMs: number | undefined;

	const limiter = limiterOf(this);
	let waited = 0;
	for (let attempt = 1; ; attempt++) {
		const context: ApiFailureContext = { method, path, itemIndex: options.itemIndex, attempts: attempt, clockOffsetMs };
		// Each attempt waits for a slot of the node run's Parallel Requests (see limiter.ts).
		let signedWithMs = 0;
		const send = async () => {
			signedWithMs = await currentClockOffset(readCredential);
			return await sendOnce.call(this, request, tuning.timeoutMs, options.itemIndex);
		};
		const outcome = limiter ? await limiter.run(send) : await send();
		if (outcome.kind === 'unsigned') throw outcome.error;
		let delay: number | undefined;

		if (outcome.kind === 'response') {
			const { statusCode } = outcome;
			// Cybersource is overloaded: fewer requests in flight, and none before its Retry-After.
			if (statusCode === 429 || statusCode === 503) limiter?.throttled(retryAfterMs(outcome.headers));
			if (statusCode >= 200 && statusCode < 300) {
				if (!isJson(outcome.body)) {
					throw markOutcomeUnknown(method, malformedResponseError(this.getNode(), statusCode, outcome.body, context));
				}
				return { statusCode, body: outcome.body, ...(await clockWarnings.call(this, readCredential, options.itemIndex)) };
			}
			if (statusCode >= 300 && statusCode < 400) {
				throw redirectError(this.getNode(), statusCode, outcome.headers?.location, context);
			}
			// A 401 applied nothing. If its Date shows our clock is off, sign once more with Cybersource's time.
			if (statusCode === 401 && clockOffsetMs === undefined && (await learnClockOffset(readCredential, outcome.headers, signedWithMs))) {
				clockOffsetMs = await currentClockOffset(readCredential);
				continue;
			}
			if (isRetryableStatus(method, statusCode)) {
				delay = retryAfterMs(outcome.headers) ?? tuning.baseDelayMs * 2 ** (attempt - 1);
			}
			if (delay === undefined || attempt >= tuning.maxAttempts || waited + delay > tuning.maxTotalWaitMs) {
				const error = apiError(this.getNode(), statusCode, outcome.body, context);
				throw statusCode >= 500 ? markOutcomeUnknown(method, error) : error;
			}
		} else {
			const { failure } = outcome;
			const nothingSent = failure.code === 'ECONNREFUSED';
			if ((nothingSent || isIdempotent(method)) && RETRYABLE_NETWORK.has(failure.code)) {
				delay = tuning.baseDelayMs * 2 ** (attempt - 1);
			}
			if (delay === undefined || attempt >= tuning.maxAttempts || waited + delay > tuning.maxTotalWaitMs) {
				const error = networkError(this.getNode(), failure, await hostOf.call(this), context);
				throw nothingSent ? error : markOutcomeUnknown(method, error);
			}
		}
		waited += delay;
		await sleep(delay);
	}
}

/** The warning for a response signed with a corrected clock, recorded for the router too. */
async function clockWarnings(
	this: CybersourceContext,
	readCredential: () => Promise<IDataObject>,
	itemIndex: number | undefined,
): Promise<{ warnings?: string[] }> {
	const offset = await currentClockOffset(readCredential);
	if (!offset) return {};
	const warning = clockWarning(offset);
	recordWarning(this, itemIndex, warning);
	return { warnings: [warning] };
}

/** `cybersourceApiCall` for callers that only need the JSON object it answers. */
export async function cybersourceApiRequest(
	this: CybersourceContext,
	method: IHttpRequestMethods,
	path: string,
	body?: IDataObject,
	query?: Record<string, QueryValue>,
	options: RequestOptions = {},
): Promise<IDataObject> {
	const response = await cybersourceApiCall.call(this, method, path, body, query, options);
	// Only the merchant-defined-field endpoints answer arrays, and they use cybersourceApiRequestArray.
	return response.body as IDataObject;
}

/** For the endpoints that answer a bare JSON array (merchant-defined fields, docs/cybersource-api.md#merchant-defined-fields). */
export async function cybersourceApiRequestArray(
	this: CybersourceContext,
	method: IHttpRequestMethods,
	path: string,
	options: RequestOptions = {},
): Promise<IDataObject[]> {
	const response = await cybersourceApiCall.call(this, method, path, undefined, undefined, options);
	return Array.isArray(response.body) ? response.body : [response.body];
}
