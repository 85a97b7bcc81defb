/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** What the sandbox sends for an armed transport fault (gateway errors, throttling, a broken body, silence). */

import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { serverErrorBody } from '../domain/errors';
import { submitTimeUtc } from '../domain/time';
import type { FaultSpec } from '../types';
import { sendJson } from './server';

/** Every gateway answer carries a fresh correlation id. */
export function correlation(): Record<string, string> {
	return { 'v-c-correlation-id': randomUUID() };
}

/** Answers (or deliberately does not answer) a transport fault; returns the status sent, 0 for none. */
export function applyFault(fault: FaultSpec, res: ServerResponse, now: number): number {
	switch (fault.kind) {
		case '502':
		case '503':
		case '504': {
			const status = Number(fault.kind);
			sendJson(res, status, serverErrorBody(now, status), correlation());
			return status;
		}
		case '429':
			sendJson(
				res,
				429,
				{
					submitTimeUtc: submitTimeUtc(now),
					status: 'TOO_MANY_REQUESTS',
					reason: 'TOO_MANY_REQUESTS',
					message: 'Too many requests. Retry later.',
				},
				{ 'retry-after': String(fault.retryAfterSeconds ?? 1), ...correlation() },
			);
			return 429;
		case 'malformed':
			return sendTruncatedJson(res, now);
		case 'reset':
			res.socket?.destroy();
			return 0;
		case 'hang':
		default:
			return 0; // never answered; close() destroys the socket
	}
}

/** Claims JSON, delivers a truncated document: the nastiest case for a client parser. */
function sendTruncatedJson(res: ServerResponse, now: number): number {
	const text = '{"submitTimeUtc":"' + submitTimeUtc(now) + '","status":"CREA';
	res.writeHead(200, {
		'content-type': 'application/json;charset=utf-8',
		'content-length': Buffer.byteLength(text),
	});
	res.end(text);
	return 200;
}
