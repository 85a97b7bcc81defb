import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { NetworkFailure } from './errors';

/*
 * What may be sent again, and when. Only what cannot create or send anything twice is retried:
 * GET and PUT (also when a 2xx answer arrived broken), and a POST that Cybersource turned away
 * unread (429) or that never left (refused).
 */

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
export function isIdempotent(method: IHttpRequestMethods): boolean {
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
export function markOutcomeUnknown(method: IHttpRequestMethods, error: NodeApiError): NodeApiError {
	if (!isIdempotent(method)) error.context.outcomeUnknown = true;
	return error;
}

/** Whether this error is a POST that may or may not have been applied. */
export function isOutcomeUnknown(error: unknown): error is NodeApiError {
	return error instanceof NodeApiError && error.context.outcomeUnknown === true;
}

/**
 * The network error code (ECONNRESET, ECONNREFUSED, ECONNABORTED for a timeout, …) of a failed
 * attempt. n8n wraps the HTTP client's error in a NodeApiError and moves the code to `httpCode`.
 */
export function networkFailureOf(error: unknown): NetworkFailure | undefined {
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

export function retryAfterMs(headers: IDataObject | undefined): number | undefined {
	const value = headers?.['retry-after'];
	if (value === undefined) return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(value));
	return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

/** One attempt's outcome: an HTTP answer, no answer at all (`network`), or no request (`unsigned`). */
export type AttemptOutcome =
	| { kind: 'response'; statusCode: number; body: unknown; headers?: IDataObject }
	| { kind: 'network'; failure: NetworkFailure }
	| { kind: 'unsigned'; error: NodeApiError };

/** The wait before the next attempt, or undefined when this answer must not be retried. */
export function retryDelay(method: IHttpRequestMethods, outcome: AttemptOutcome, attempt: number, baseDelayMs: number): number | undefined {
	// Doubling up to 8 × the base (4 s by default): later tries of a long read budget stay frequent.
	const backoff = baseDelayMs * 2 ** Math.min(attempt - 1, 3);
	if (outcome.kind === 'response') {
		// Only a 2xx that could not be read gets here: a read is safe to repeat, a write is not.
		if (outcome.statusCode >= 200 && outcome.statusCode < 300) return isIdempotent(method) ? backoff : undefined;
		return isRetryableStatus(method, outcome.statusCode) ? (retryAfterMs(outcome.headers) ?? backoff) : undefined;
	}
	if (outcome.kind === 'unsigned') return undefined;
	const nothingSent = outcome.failure.code === 'ECONNREFUSED';
	return (nothingSent || isIdempotent(method)) && RETRYABLE_NETWORK.has(outcome.failure.code) ? backoff : undefined;
}
