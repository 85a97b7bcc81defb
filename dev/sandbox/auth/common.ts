/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** Pieces shared by the HTTP Signature and JWT verifiers. */

import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { MerchantRegistry } from '../domain/merchants';
import type { AuthMode } from '../types';

/** Cybersource does not document the clock skew it allows; 15 minutes is the usual gateway window. */
export const MAX_SKEW_MS = 15 * 60 * 1000;

export const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export interface AuthRequest {
	/** Upper case. */
	method: string;
	/** Raw path + query exactly as received on the request line. */
	rawPath: string;
	headers: IncomingHttpHeaders;
	body: Buffer;
	now: number;
}

export type AuthResult =
	| { ok: true; merchantId: string; mode: AuthMode }
	| { ok: false; verdict: string; mode?: AuthMode; merchantId?: string };

export function fail(verdict: string, mode?: AuthMode, merchantId?: string): AuthResult {
	return { ok: false, verdict: `auth: ${verdict}`, mode, merchantId };
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value.join(', ') : value;
}

/** base64(SHA-256(raw body bytes)), memoised per body buffer. */
const digests = new WeakMap<Buffer, string>();
export function bodyDigest(body: Buffer): string {
	let digest = digests.get(body);
	if (digest === undefined) {
		digest = createHash('sha256').update(body).digest('base64');
		digests.set(body, digest);
	}
	return digest;
}

export function safeEqual(a: Buffer, b: Buffer): boolean {
	return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * After a signature checks out: is the key allowed to act for `merchantId`? A merchant key only for
 * its own merchant; a meta key for any merchant of its portfolio.
 */
export function checkBinding(
	registry: MerchantRegistry,
	owner:
		| { kind: 'merchant'; merchantId: string }
		| { kind: 'meta'; portfolioId: string; merchantIds: Set<string> },
	merchantId: string,
): string | undefined {
	if (owner.kind === 'merchant' && owner.merchantId !== merchantId) {
		return `key belongs to merchant "${owner.merchantId}", not "${merchantId}"`;
	}
	if (owner.kind === 'meta' && !owner.merchantIds.has(merchantId)) {
		return `merchant "${merchantId}" is not in portfolio "${owner.portfolioId}"`;
	}
	if (!registry.merchants.has(merchantId)) return `unknown merchant "${merchantId}"`;
	return undefined;
}
