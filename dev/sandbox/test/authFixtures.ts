/** Shared by the authentication tests: a bearer-token request, and what a rejection must look like. */

import { rawRequest, type RawResponse } from '../client';
import type { Sandbox } from '../index';
import { VECTOR } from './helpers';

const AUTH_FAILED = { response: { rmsg: 'Authentication Failed' } };

export interface BearerRequest {
	method: string;
	path: string;
	body?: string;
	host?: string;
	headers?: Record<string, string>;
}

export function bearer(sandbox: Sandbox, token: string, opts: BearerRequest): Promise<RawResponse> {
	const headers: Record<string, string> = {
		host: opts.host ?? VECTOR.host,
		authorization: `Bearer ${token}`,
		...opts.headers,
	};
	if (opts.body !== undefined) headers['content-type'] = 'application/json;charset=utf-8';
	return rawRequest(sandbox.url, {
		method: opts.method,
		path: opts.path,
		headers,
		body: opts.body,
	});
}

export function lastEntry(sandbox: Sandbox) {
	const entries = sandbox.requests();
	return entries[entries.length - 1];
}

/** The gateway's 401 body, and the request log saying why (its verdict). */
export async function expectRejected(sandbox: Sandbox, response: RawResponse, verdict: string): Promise<void> {
	expect(response.status).toBe(401);
	expect(response.json).toEqual(AUTH_FAILED);
	expect(lastEntry(sandbox).status).toBe(401);
	expect(lastEntry(sandbox).verdict).toBe(verdict);
}
