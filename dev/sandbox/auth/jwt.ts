/**
 * JWT verification (`Authorization: Bearer`): v2 claim set with HS256/384/512 (kid =
 * API key id, key = base64-decoded shared secret) or RS256 (kid = certificate subject
 * serialNumber). The older v1 P12 token (x5c header, digest/digestAlgorithm/iat claims) is also
 * accepted because it is cheap and the gateway still takes it until September 2026.
 */

import { createHmac, verify as verifySignature } from 'node:crypto';
import type { KeyCandidate, MerchantRegistry } from '../domain/merchants';
import type { AuthMode } from '../types';
import {
	AuthRequest,
	AuthResult,
	BODY_METHODS,
	MAX_SKEW_MS,
	bodyDigest,
	checkBinding,
	fail,
	headerValue,
	safeEqual,
} from './common';
import { isCybersourceApiHost } from './knownHosts';

const HMAC_ALGS: Record<string, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

type Claims = Record<string, unknown>;

function decodeSegment(segment: string): Claims | undefined {
	try {
		const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
		return value !== null && typeof value === 'object' && !Array.isArray(value)
			? (value as Claims)
			: undefined;
	} catch {
		return undefined;
	}
}

function splitHostPort(value: string): { host: string; port?: string } {
	const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(value.trim().toLowerCase());
	return match ? { host: match[1], port: match[2] } : { host: value.toLowerCase() };
}

/**
 * Host comparison with or without port: `localhost` matches `localhost:8787`; ports must agree
 * when both sides give one.
 */
export function sameHost(claim: string, hostHeader: string): boolean {
	const a = splitHostPort(claim);
	const b = splitHostPort(hostHeader);
	return a.host === b.host && (a.port === undefined || b.port === undefined || a.port === b.port);
}

/**
 * The `request-host` claim names the host the client meant. It must match the Host header, with
 * one exception: a request that reached the sandbox under the sandbox's own address may name a
 * public Cybersource API host. That is what the official SDK sends when it is configured the usual
 * way for a mock server (runEnvironment `apitest.cybersource.com`, intermediateHost the mock's
 * URL): it signs the environment's host but connects to the intermediate host. A request whose
 * Host header is itself a Cybersource host must name exactly that host, and any other name is
 * still rejected.
 */
export function requestHostAccepted(claim: unknown, hostHeader: string): boolean {
	if (typeof claim !== 'string') return false;
	if (sameHost(claim, hostHeader)) return true;
	return !isCybersourceApiHost(hostHeader) && isCybersourceApiHost(claim);
}

/** "1594249865", 1594249865 or an RFC 1123 date (the old Node SDK put a date string in `iat`). */
function parseIat(value: unknown): number | undefined {
	if (typeof value === 'number') return value * 1000;
	if (typeof value === 'string') {
		if (/^\d+$/.test(value)) return Number(value) * 1000;
		const time = Date.parse(value);
		return Number.isNaN(time) ? undefined : time;
	}
	return undefined;
}

export function verifyJwt(req: AuthRequest, token: string, registry: MerchantRegistry): AuthResult {
	const parts = token.split('.');
	const header = parts.length === 3 ? decodeSegment(parts[0]) : undefined;
	const claims = parts.length === 3 ? decodeSegment(parts[1]) : undefined;
	if (!header || !claims) return fail('malformed jwt');
	const alg = String(header.alg);
	const mode: AuthMode = alg === 'RS256' ? 'jwtRS256' : 'jwtHS256';
	if (alg !== 'RS256' && !HMAC_ALGS[alg]) return fail(`unsupported jwt alg "${alg}"`);

	const version = claims['v-c-jwt-version'];
	if (version === undefined) return verifyV1(req, parts, header, claims, registry);
	if (String(version) !== '2')
		return fail(`unsupported v-c-jwt-version "${String(version)}"`, mode);

	const signingInput = Buffer.from(`${parts[0]}.${parts[1]}`);
	const signature = Buffer.from(parts[2], 'base64url');
	// Reject non-canonical encodings (padding bits, '=' or '+/'): the text is what was signed.
	if (signature.toString('base64url') !== parts[2]) return fail('malformed jwt signature', mode);
	const kid = typeof header.kid === 'string' ? header.kid : '';
	if (!kid) return fail('jwt header lacks kid', mode);

	const owners = signatureOwners({ alg, mode, kid, signingInput, signature }, registry);
	if (typeof owners === 'string') return fail(owners, mode);

	const claimProblem = requestClaimsProblem(req, claims);
	if (claimProblem) return fail(claimProblem, mode);

	const merchantId = claims['v-c-merchant-id'];
	if (typeof merchantId !== 'string' || !merchantId)
		return fail('jwt v-c-merchant-id claim missing', mode);
	// The SDK sends no v-c-merchant-id header with JWT; when a client does, it must agree.
	const headerMid = headerValue(req.headers, 'v-c-merchant-id');
	if (headerMid !== undefined && headerMid !== merchantId) {
		return fail(
			`v-c-merchant-id header "${headerMid}" does not match the jwt claim "${merchantId}"`,
			mode,
			merchantId,
		);
	}
	let problem: string | undefined;
	for (const owner of owners) {
		const issuer = owner.kind === 'meta' ? owner.portfolioId : owner.merchantId;
		problem =
			claims.iss !== issuer
				? `jwt iss "${String(claims.iss)}" should be "${issuer}"`
				: checkBinding(registry, owner as Parameters<typeof checkBinding>[1], merchantId);
		if (!problem) return { ok: true, merchantId, mode };
	}
	return fail(problem ?? 'jwt signature mismatch', mode, merchantId);
}

type Owner = KeyCandidate | { kind: 'merchant'; merchantId: string };

/** Who signed: the shared-secret keys (merchant or meta) or the merchant certificate the signature verifies with; else why not. */
function signatureOwners(
	token: { alg: string; mode: AuthMode; kid: string; signingInput: Buffer; signature: Buffer },
	registry: MerchantRegistry,
): Owner[] | string {
	const { alg, mode, kid, signingInput, signature } = token;
	let owners: Owner[];
	if (mode === 'jwtHS256') {
		const candidates = registry.keyCandidates(kid);
		if (candidates.length === 0) return `unknown jwt kid "${kid}"`;
		owners = candidates.filter((candidate) =>
			safeEqual(
				createHmac(HMAC_ALGS[alg], candidate.secret).update(signingInput).digest(),
				signature,
			),
		);
	} else {
		const cert = registry.certBySerial(kid);
		if (!cert)
			return `unknown jwt kid "${kid}" (no certificate with that serialNumber)`;
		const valid = verifySignature('RSA-SHA256', signingInput, cert.publicKey, signature);
		owners = valid ? [{ kind: 'merchant', merchantId: cert.merchantId }] : [];
	}
	if (owners.length === 0) {
		const textKey =
			mode === 'jwtHS256' &&
			registry.keyCandidates(kid).some((candidate) =>
				safeEqual(
					createHmac(HMAC_ALGS[alg], Buffer.from(candidate.secret.toString('base64')))
						.update(signingInput)
						.digest(),
					signature,
				),
			);
		const hint = textKey
			? ' (it would match with the shared secret used as text, not base64-decoded)'
			: '';
		return `jwt signature mismatch${hint}`;
	}
	return owners;
}

/** The request-binding claims, in the order the verdicts are given: time, method, path, host, body digest. */
function requestClaimsProblem(req: AuthRequest, claims: Claims): string | undefined {
	const nowSeconds = req.now / 1000;
	if (typeof claims.exp !== 'number') return 'jwt exp missing';
	if (nowSeconds > claims.exp) return 'jwt expired';
	if (typeof claims.iat !== 'number') return 'jwt iat missing';
	if (claims.iat * 1000 > req.now + MAX_SKEW_MS) return 'jwt iat in the future';

	if (claims['request-method'] !== req.method.toLowerCase()) {
		return `jwt request-method "${String(claims['request-method'])}" does not match ${req.method}`;
	}
	// SDK releases disagree on whether the query string belongs in the claim and
	// the gateway's rule is unknown, so both forms are accepted.
	const pathOnly = req.rawPath.split('?')[0];
	const claimedPath = claims['request-resource-path'];
	if (claimedPath !== req.rawPath && claimedPath !== pathOnly) {
		return `jwt request-resource-path "${String(claimedPath)}" does not match the request`;
	}
	const host = headerValue(req.headers, 'host') ?? '';
	if (!requestHostAccepted(claims['request-host'], host)) {
		return `jwt request-host "${String(claims['request-host'])}" does not match Host "${host}"`;
	}
	if (BODY_METHODS.has(req.method)) {
		if (claims['digest'] === undefined) return 'jwt digest claim missing';
		if (claims['digest-algorithm'] !== 'SHA-256')
			return 'jwt digest-algorithm must be SHA-256';
		if (claims['digest'] !== bodyDigest(req.body)) return 'jwt digest mismatch';
	}
	return undefined;
}

/** v1: RS256 only, cert named by `x5c` (or kid), MID in the JOSE header or the HTTP header. */
function verifyV1(
	req: AuthRequest,
	parts: string[],
	header: Claims,
	claims: Claims,
	registry: MerchantRegistry,
): AuthResult {
	const mode = 'jwtRS256' as const;
	if (header.alg !== 'RS256')
		return fail('jwt without v-c-jwt-version "2" must be a v1 RS256 token', 'jwtHS256');
	const x5c =
		Array.isArray(header.x5c) && typeof header.x5c[0] === 'string' ? header.x5c[0] : undefined;
	const cert = x5c
		? registry.certByDer(x5c)
		: typeof header.kid === 'string'
			? registry.certBySerial(header.kid)
			: undefined;
	if (!cert) return fail('v1 jwt certificate (x5c/kid) unknown', mode);
	const signingInput = Buffer.from(`${parts[0]}.${parts[1]}`);
	const signature = Buffer.from(parts[2], 'base64url');
	if (signature.toString('base64url') !== parts[2]) return fail('malformed jwt signature', mode);
	if (!verifySignature('RSA-SHA256', signingInput, cert.publicKey, signature)) {
		return fail('jwt signature mismatch', mode);
	}
	const iat = parseIat(claims.iat);
	if (iat === undefined) return fail('jwt iat missing or unparseable', mode);
	if (Math.abs(req.now - iat) > MAX_SKEW_MS)
		return fail('jwt iat outside the 15 minute window', mode);
	if (BODY_METHODS.has(req.method)) {
		if (claims.digestAlgorithm !== 'SHA-256')
			return fail('jwt digestAlgorithm must be SHA-256', mode);
		if (claims.digest !== bodyDigest(req.body)) return fail('jwt digest mismatch', mode);
	}
	const joseMid =
		typeof header['v-c-merchant-id'] === 'string' ? header['v-c-merchant-id'] : undefined;
	const headerMid = headerValue(req.headers, 'v-c-merchant-id');
	const merchantId = headerMid ?? joseMid;
	if (!merchantId) return fail('v-c-merchant-id missing', mode);
	if (joseMid !== undefined && headerMid !== undefined && joseMid !== headerMid) {
		return fail('v-c-merchant-id header does not match the jwt header', mode, merchantId);
	}
	const problem = checkBinding(
		registry,
		{ kind: 'merchant', merchantId: cert.merchantId },
		merchantId,
	);
	return problem ? fail(problem, mode, merchantId) : { ok: true, merchantId, mode };
}
