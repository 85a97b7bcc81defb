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
import {
	apiError,
	malformedResponseError,
	networkError,
	redirectError,
	type ApiFailureContext,
} from './errors';
import { markOutcomeUnknown, networkFailureOf, retryAfterMs, retryDelay, type AttemptOutcome } from './retry';
import { clockWarning, currentClockOffset, learnClockOffset } from './clockSkew';
import { beforeDeadline, bodyOf, discard } from './response';
import { DEFAULT_TUNING, type RequestOptions, type TransportTuning } from './requestOptions';

export type CybersourceContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IPollFunctions
	| IWebhookFunctions;

export { isOutcomeUnknown } from './retry';
export { isNotFound } from './errors';
export { RequestScope } from './requestScope';
export { DEFAULT_TUNING, QUICK_READ, singleRequest, type RequestOptions, type TransportTuning } from './requestOptions';

export const CREDENTIAL_TYPE = 'cybersourceApi';

/** How often, and how long in all, a request with this method may be tried. */
function budgetOf(method: IHttpRequestMethods, tuning: TransportTuning): { attempts: number; waitMs: number } {
	return method === 'GET'
		? { attempts: tuning.maxReadAttempts, waitMs: tuning.maxReadWaitMs }
		: { attempts: tuning.maxAttempts, waitMs: tuning.maxTotalWaitMs };
}

export interface CybersourceResponse {
	statusCode: number;
	/** Invoicing answers objects; the merchant-defined-field endpoints answer bare arrays. */
	body: IDataObject | IDataObject[];
	/** Things the user should know although the call worked (also recorded in the scope for the item's output). */
	warnings?: string[];
}

type QueryValue = string | number | boolean | undefined;


function isJson(body: unknown): body is IDataObject | IDataObject[] {
	return !!body && typeof body === 'object' && !Buffer.isBuffer(body);
}

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
): Promise<AttemptOutcome> {
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

/** The request as the credential signs it: nothing followed, nothing thrown for an HTTP status. */
function requestOf(
	method: IHttpRequestMethods,
	path: string,
	body: IDataObject | undefined,
	query: Record<string, QueryValue> | undefined,
	headers: Record<string, string> | undefined,
	timeoutMs: number,
): IHttpRequestOptions {
	return {
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
		timeout: timeoutMs,
		headers,
	};
}

/**
 * The single chokepoint for Cybersource calls: signs through the credential, retries what is safe
 * to retry, and turns every failure into a NodeApiError that says what to fix.
 *
 * Retries (within the budget of DEFAULT_TUNING, exponential backoff, bounded total wait): GET and
 * PUT on 429 (honouring Retry-After), 502/503/504, network errors and a 2xx that is not JSON; a
 * POST only on 429 or when the connection was refused, i.e. when nothing was applied, so a create
 * is never duplicated. A POST whose effect is unknown fails with an error that `isOutcomeUnknown`
 * recognises.
 */
export async function cybersourceApiCall(
	this: CybersourceContext,
	method: IHttpRequestMethods,
	path: string,
	body: IDataObject | undefined,
	query: Record<string, QueryValue> | undefined,
	options: RequestOptions,
): Promise<CybersourceResponse> {
	const tuning = { ...DEFAULT_TUNING, ...options.tuning };
	const request = requestOf(method, path, body, query, options.headers, tuning.timeoutMs);
	const readCredential = async () => await this.getCredentials(CREDENTIAL_TYPE);
	/** Set once the request was signed again with Cybersource's time after a clock-skew 401. */
	let clockOffsetMs: number | undefined;

	const { limiter } = options.scope;
	const budget = budgetOf(method, tuning);
	let waited = 0;
	for (let attempt = 1; ; attempt++) {
		const context: ApiFailureContext = { method, path, itemIndex: options.itemIndex, attempts: attempt, clockOffsetMs };
		// Each attempt waits for a slot of the node run's Parallel Requests (see limiter.ts).
		let signedWithMs = 0;
		const send = async () => {
			signedWithMs = await currentClockOffset(readCredential);
			return await sendOnce.call(this, request, tuning.timeoutMs, options.itemIndex);
		};
		const outcome = await limiter.run(send);
		if (outcome.kind === 'unsigned') throw outcome.error;

		if (outcome.kind === 'response') {
			const { statusCode } = outcome;
			// Cybersource is overloaded: fewer requests in flight, and none before its Retry-After.
			if (statusCode === 429 || statusCode === 503) limiter.throttled(retryAfterMs(outcome.headers));
			// A 2xx that is not JSON was cut short on the way: a read is tried again, a write settled by its caller.
			if (statusCode >= 200 && statusCode < 300 && isJson(outcome.body)) {
				return { statusCode, body: outcome.body, ...(await clockWarnings(readCredential, options)) };
			}
			if (statusCode >= 300 && statusCode < 400) {
				throw redirectError(this.getNode(), statusCode, outcome.headers?.location, context);
			}
			// A 401 applied nothing. If its Date shows our clock is off, sign once more with Cybersource's time.
			if (statusCode === 401 && clockOffsetMs === undefined && (await learnClockOffset(readCredential, outcome.headers, signedWithMs))) {
				clockOffsetMs = await currentClockOffset(readCredential);
				continue;
			}
		}
		const delay = retryDelay(method, outcome, attempt, tuning.baseDelayMs);
		if (delay === undefined || attempt >= budget.attempts || waited + delay > budget.waitMs) {
			throw await finalError.call(this, method, outcome, context);
		}
		waited += delay;
		await sleep(delay);
	}
}

/** The error of the last attempt; a POST whose effect is unknown is marked so (isOutcomeUnknown). */
async function finalError(
	this: CybersourceContext,
	method: IHttpRequestMethods,
	outcome: Exclude<AttemptOutcome, { kind: 'unsigned' }>,
	context: ApiFailureContext,
): Promise<NodeApiError> {
	if (outcome.kind === 'response') {
		const { statusCode, body } = outcome;
		if (statusCode >= 200 && statusCode < 300) return markOutcomeUnknown(method, malformedResponseError(this.getNode(), statusCode, body, context));
		const error = apiError(this.getNode(), statusCode, body, context);
		return statusCode >= 500 ? markOutcomeUnknown(method, error) : error;
	}
	const error = networkError(this.getNode(), outcome.failure, await hostOf.call(this), context);
	// Refused: the request never left, so nothing can have been applied.
	return outcome.failure.code === 'ECONNREFUSED' ? error : markOutcomeUnknown(method, error);
}

/** The warning for a response signed with a corrected clock, recorded in the scope for the item too. */
async function clockWarnings(
	readCredential: () => Promise<IDataObject>,
	{ scope, itemIndex }: RequestOptions,
): Promise<{ warnings?: string[] }> {
	const offset = await currentClockOffset(readCredential);
	if (!offset) return {};
	const warning = clockWarning(offset);
	scope.warnings.record(itemIndex, warning);
	return { warnings: [warning] };
}

/** `cybersourceApiCall` for callers that only need the JSON object it answers. */
export async function cybersourceApiRequest(
	this: CybersourceContext,
	...call: Parameters<typeof cybersourceApiCall>
): Promise<IDataObject> {
	const response = await cybersourceApiCall.call(this, ...call);
	// Only the merchant-defined-field endpoints answer arrays, and they use cybersourceApiRequestArray.
	return response.body as IDataObject;
}

/** For the endpoints that answer a bare JSON array (merchant-defined fields, docs/cybersource-api.md#merchant-defined-fields). */
export async function cybersourceApiRequestArray(
	this: CybersourceContext,
	method: IHttpRequestMethods,
	path: string,
	options: RequestOptions,
): Promise<IDataObject[]> {
	const response = await cybersourceApiCall.call(this, method, path, undefined, undefined, options);
	return Array.isArray(response.body) ? response.body : [response.body];
}
