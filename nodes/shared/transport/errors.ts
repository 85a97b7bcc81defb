import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { AUTH_FAILED_HINT, FORBIDDEN_HINT } from '../../../credentials/authFailure';
import { isJsonObject, parseJsonObject } from '../helpers/json';
import { ACTIONS, allowedSentence } from '../helpers/statuses';
import { maskSecrets, maskText } from './mask';

/** Cybersource answered 404: there is no such thing (an invoice, a webhook subscription). */
export function isNotFound(error: unknown): boolean {
	return String((error as { httpCode?: unknown } | undefined)?.httpCode) === '404';
}

/** What went wrong on the wire, before any HTTP answer. */
export interface NetworkFailure {
	code: string;
	message: string;
}

export interface ApiFailureContext {
	method: string;
	path: string;
	itemIndex?: number;
	attempts: number;
	/** Set when the request was signed with Cybersource's time after a clock-skew 401. */
	clockOffsetMs?: number;
}

/** An error answer's body as an object: parsed when it is JSON text, its start when it is other text. */
function errorBodyObject(body: unknown): IDataObject {
	if (isJsonObject(body)) return body;
	if (typeof body === 'string') {
		const parsed = parseJsonObject(body);
		return parsed ?? { rawBody: body.slice(0, 2000) };
	}
	return {};
}

/** `details[]` of a Cybersource 400 as `field: reason` lines (docs/cybersource-api.md#400-bad-request). */
function detailLines(body: IDataObject): string[] {
	const details = Array.isArray(body.details) ? (body.details as IDataObject[]) : [];
	return details.map((detail) => {
		const field = typeof detail.field === 'string' ? detail.field : '(no field)';
		const reason = typeof detail.reason === 'string' ? detail.reason : JSON.stringify(detail.reason);
		return `${field}: ${reason}`;
	});
}

/** 401 bodies carry `response.rmsg` as a string, a JSON string or an object (docs/cybersource-api.md#401-authentication-failed). */
function rmsgText(body: IDataObject): string | undefined {
	const response = body.response as IDataObject | undefined;
	const rmsg = response?.rmsg;
	if (rmsg === undefined) return undefined;
	if (typeof rmsg === 'string') {
		const parsed = parseJsonObject(rmsg);
		return String(parsed?.error_description ?? parsed?.error ?? rmsg);
	}
	const object = rmsg as IDataObject;
	return String(object.error_description ?? object.error ?? JSON.stringify(object));
}

/** The invoice id in `/invoicing/v2/invoices/{id}[/action]`, decoded. */
function invoiceIdOf(path: string): string | undefined {
	const match = /^\/invoicing\/v2\/invoices\/([^/?]+)/.exec(path);
	return match ? decodeURIComponent(match[1]) : undefined;
}

type RefusedAction = keyof typeof ACTIONS;

/** What the user tried, for refusals: `cancelation` for POST …/cancelation, `update` for PUT …/{id}. */
function invoiceActionOf(method: string, path: string): RefusedAction | undefined {
	const action = /^\/invoicing\/v2\/invoices\/[^/?]+(?:\/([a-z]+))?(?:\?|$)/.exec(path);
	if (!action) return undefined;
	if (!action[1]) return method === 'PUT' ? 'update' : undefined;
	return action[1] !== 'update' && Object.hasOwn(ACTIONS, action[1]) ? (action[1] as RefusedAction) : undefined;
}

/** Why a status refused the action, from the status table; every rule when the action is unknown. */
function notAllowedHint(action: RefusedAction | undefined): string {
	const rules = action ? [action] : (Object.keys(ACTIONS) as RefusedAction[]);
	return `The invoice's current status does not allow this. ${rules.map(allowedSentence).join(' ')}`;
}

/** A non-2xx answer, masked, with the parts every explanation reads. */
interface Refusal {
	statusCode: number;
	body: IDataObject;
	apiMessage?: string;
	reason?: string;
	context: ApiFailureContext;
}

interface Explanation {
	message: string;
	description?: string;
}

const DUPLICATE_HINT =
	'An invoice with this invoice number already exists. Give each invoice its own number (for example built from the order ID), or leave Invoice Number empty so that the node assigns one.';

function badRequest({ body, apiMessage, reason, context }: Refusal): Explanation {
	const lines = detailLines(body);
	const action = reason === 'ACTION_NOT_ALLOWED' ? invoiceActionOf(context.method, context.path) : undefined;
	// A refusal says which action on which invoice, so a run over many items points at the right one.
	let message = action
		? `Cybersource refused to ${ACTIONS[action].verb} invoice "${invoiceIdOf(context.path)}": ${apiMessage ?? 'Requested action is not allowed.'}`
		: `Cybersource rejected the request: ${apiMessage ?? 'Invalid request.'}`;
	if (lines.length) message += ` (${lines.join('; ')})`;
	const hints: string[] = [];
	if (reason === 'ACTION_NOT_ALLOWED') hints.push(notAllowedHint(action));
	if (reason === 'DUPLICATE_RECORD') hints.push(DUPLICATE_HINT);
	if (lines.length) hints.push(`Fields: ${lines.join('; ')}`);
	if (reason) hints.push(`Reason: ${reason}`);
	return { message, description: hints.join('\n') };
}

function authenticationFailed({ body, context }: Refusal): Explanation {
	const detail = rmsgText(body);
	let description = `${detail ? `Cybersource says: ${detail}. ` : ''}${AUTH_FAILED_HINT}`;
	if (context.clockOffsetMs !== undefined) {
		description += ` (The request was already signed again with Cybersource's time, ${Math.round(context.clockOffsetMs / 1000)} s off this machine's clock, and was still refused, so the clock is not the cause.)`;
	}
	return { message: 'Cybersource authentication failed', description };
}

function forbidden({ apiMessage }: Refusal): Explanation {
	return {
		message: 'Cybersource refused access (403)',
		description: `${FORBIDDEN_HINT} ${apiMessage ?? ''}`.trim(),
	};
}

function notFound({ apiMessage, context }: Refusal): Explanation {
	const invoiceId = invoiceIdOf(context.path);
	if (!invoiceId) return { message: `Cybersource could not find ${context.path}${apiMessage ? `: ${apiMessage}` : ''}`, description: apiMessage };
	return {
		message: `Invoice "${invoiceId}" does not exist`,
		description: 'Check the invoice number, and that the credential is for the merchant that owns the invoice.',
	};
}

function rateLimited({ context }: Refusal): Explanation {
	return {
		message: 'Cybersource is limiting the request rate (429)',
		description: `Gave up after ${context.attempts} attempt(s). Slow the workflow down (for example with a Wait node or smaller batches) and try again.`,
	};
}

function serverProblem({ statusCode, apiMessage, context }: Refusal): Explanation {
	return {
		message: `Cybersource had a server problem (${statusCode})${apiMessage ? `: ${apiMessage}` : ''}`,
		description:
			context.method === 'POST'
				? 'It was not retried automatically because it may have been applied. Check the invoice with Get or Get Many (newest first) before running it again, so that nothing is created or sent twice.'
				: `Gave up after ${context.attempts} attempt(s). Try again later, or enable "Retry On Fail" in the node settings.`,
	};
}

const BY_STATUS: Record<number, (refusal: Refusal) => Explanation> = {
	400: badRequest,
	401: authenticationFailed,
	403: forbidden,
	404: notFound,
	429: rateLimited,
};

function explain(refusal: Refusal): Explanation {
	const { statusCode, apiMessage, reason } = refusal;
	const known = BY_STATUS[statusCode];
	if (known) return known(refusal);
	if (statusCode >= 500) return serverProblem(refusal);
	return { message: `Cybersource answered ${statusCode}${apiMessage ? `: ${apiMessage}` : ''}`, description: reason };
}

/** Turns a non-2xx Cybersource answer into an error a non-programmer can act on. */
export function apiError(
	node: INode,
	statusCode: number,
	rawBody: unknown,
	context: ApiFailureContext,
): NodeApiError {
	// Masked first: an echoed Authorization or Signature must not reach the error or the output.
	const body = errorBodyObject(maskSecrets(rawBody));
	const { message, description } = explain({
		statusCode,
		body,
		apiMessage: typeof body.message === 'string' ? body.message : undefined,
		reason: typeof body.reason === 'string' ? body.reason : undefined,
		context,
	});
	return new NodeApiError(node, { ...body, statusCode } as JsonObject, {
		message,
		description,
		httpCode: String(statusCode),
		itemIndex: context.itemIndex,
	});
}

export function networkError(
	node: INode,
	failure: NetworkFailure,
	host: string,
	context: ApiFailureContext,
): NodeApiError {
	const timedOut = failure.code === 'ECONNABORTED' || failure.code === 'ETIMEDOUT';
	const message = timedOut
		? `Cybersource at ${host} did not answer in time`
		: `Could not reach Cybersource at ${host} (${failure.code})`;
	const sent = failure.code !== 'ECONNREFUSED';
	const description =
		context.method === 'POST' && sent
			? 'The request may have reached Cybersource and been applied. Check the invoice with Get or Get Many (newest first) before running it again, so that nothing is created or sent twice.'
			: `Gave up after ${context.attempts} attempt(s). Check the Environment / Base URL in the credential and the network, then try again. (${failure.message})`;
	const error = new NodeApiError(node, { networkCode: failure.code, networkMessage: failure.message } as JsonObject, {
		message,
		description,
		itemIndex: context.itemIndex,
	});
	// NodeApiError swaps any message that mentions a known code (ECONNRESET, …) for a generic one
	// that names neither the host nor the risk of a duplicate; keep ours.
	error.message = message;
	return error;
}

export function malformedResponseError(
	node: INode,
	statusCode: number,
	rawBody: unknown,
	context: ApiFailureContext,
): NodeApiError {
	// A write's broken answer is a lost answer (it may have been applied); a read's was tried again first.
	const description =
		context.method === 'POST'
			? `${context.method} ${context.path}: the answer arrived broken, so it is not known whether Cybersource applied it. Check the invoice with Get or Get Many (newest first) before running it again, so that nothing is created or sent twice.`
			: `${context.method} ${context.path}: the answer could not be read. Gave up after ${context.attempts} attempt(s); if this repeats, the Environment / Base URL may point at something that is not the Cybersource API.`;
	return new NodeApiError(node, { statusCode, rawBody: maskText(String(rawBody)).slice(0, 2000) } as JsonObject, {
		message: `Cybersource answered ${statusCode} with something that is not JSON`,
		description,
		httpCode: String(statusCode),
		itemIndex: context.itemIndex,
	});
}

/**
 * A 3xx is never followed: the request is signed for one host, and repeating it (body and
 * signature included) elsewhere would hand both to a server the user did not choose.
 */
export function redirectError(
	node: INode,
	statusCode: number,
	location: unknown,
	context: ApiFailureContext,
): NodeApiError {
	const target = typeof location === 'string' && location ? maskText(location).slice(0, 300) : '(no Location header)';
	return new NodeApiError(node, { statusCode, location: target } as JsonObject, {
		message: `Cybersource answered ${statusCode}, a redirect to ${target}, which was not followed`,
		description:
			`${context.method} ${context.path} was signed for the host in the credential only, so it was not sent to the new address and nothing was done there. ` +
			'Check the Environment / Base URL in the credential (https, host name, no extra path); a proxy in between must pass requests on, not redirect them.',
		httpCode: String(statusCode),
		itemIndex: context.itemIndex,
	});
}
