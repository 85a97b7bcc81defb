/** Error bodies of docs/cybersource-api.md#errors and an exception type that route handlers throw to answer with one. */

import { submitTimeUtc } from './time';

export interface ErrorDetail {
	field: string;
	reason: string;
}

export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly body: unknown,
		/** What the request log records as the verdict. */
		readonly verdict: string,
		readonly headers: Record<string, string> = {},
	) {
		super(verdict);
	}
}

export const MISSING = 'MISSING_FIELD';
export const INVALID = 'INVALID_DATA';

/** 400 VALIDATION_ERRORS with `details[]` (docs/cybersource-api.md#400-bad-request). */
export function validationError(
	now: number,
	details: ErrorDetail[],
	message = 'Field validation errors.',
): ApiError {
	const summary = details.map((d) => `${d.field} ${d.reason}`).join(', ');
	return new ApiError(
		400,
		{
			submitTimeUtc: submitTimeUtc(now),
			status: 'BADREQUEST',
			reason: 'VALIDATION_ERRORS',
			message,
			details,
		},
		`validation: ${summary}`,
	);
}

export function badRequest(
	now: number,
	reason: string,
	message: string,
	details?: ErrorDetail[],
): ApiError {
	const body = errorBody(now, 'BADREQUEST', reason, message, details);
	return new ApiError(400, body, `${reason === 'ACTION_NOT_ALLOWED' ? 'state' : 'validation'}: ${reason}`);
}

export function actionNotAllowed(now: number, op: string, status: string): ApiError {
	const error = badRequest(now, 'ACTION_NOT_ALLOWED', 'Requested action is not allowed.');
	return new ApiError(error.status, error.body, `state: ${op} not allowed from ${status}`);
}

/** 404 (docs/cybersource-api.md#404-not-found). */
export function notFound(now: number, message = 'Invoice does not exist.'): ApiError {
	return new ApiError(
		404,
		{ submitTimeUtc: submitTimeUtc(now), status: 'NOTFOUND', reason: 'NOT_FOUND', message },
		`not found: ${message}`,
	);
}

/** 502/503/504 body (docs/cybersource-api.md#502-and-other-server-errors). */
export function serverErrorBody(now: number, status: number): Record<string, string> {
	const variants: Record<number, [string, string]> = {
		502: ['SERVER_ERROR', 'Error - General system failure.'],
		503: ['SYSTEM_ERROR', 'Error - Service temporarily unavailable.'],
		504: ['SERVER_TIMEOUT', 'Error - Server timeout.'],
	};
	const [reason, message] = variants[status] ?? variants[502];
	return { submitTimeUtc: submitTimeUtc(now), status: 'SERVER_ERROR', reason, message };
}

/** 401 for every authentication failure (docs/cybersource-api.md#401-authentication-failed). */
export const AUTH_FAILED_BODY = { response: { rmsg: 'Authentication Failed' } };

/** Merchant-defined-field endpoints use another shape: integer `status` (docs/cybersource-api.md#merchant-defined-fields). */
export function mdfError(
	now: number,
	status: number,
	reason: string,
	message: string,
	details?: ErrorDetail[],
): ApiError {
	return new ApiError(status, errorBody(now, status, reason, message, details), `validation: ${reason}`);
}

/** The gateway's error body; `details` only when there are some. */
function errorBody(
	now: number,
	status: string | number,
	reason: string,
	message: string,
	details?: ErrorDetail[],
): Record<string, unknown> {
	const body: Record<string, unknown> = { submitTimeUtc: submitTimeUtc(now), status, reason, message };
	if (details) body.details = details;
	return body;
}
