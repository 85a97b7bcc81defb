import { createHmac, createSign, type KeyObject } from 'node:crypto';
import { credentialMemory } from './credentialMemory';

/** Lifetime of a token: the SDKs and the gateway use iat + 120 s. */
const JWT_LIFETIME_SECONDS = 120;

interface JwtClaimsInput {
	/** Upper case. */
	method: string;
	host: string;
	/** Path plus query string, exactly as sent. */
	target: string;
	/** Base64 SHA-256 of the body; undefined for GET and DELETE, which have none. */
	digest?: string;
	merchantId: string;
	/** `iss`: the merchant, or the portfolio when a meta key signs. */
	issuer: string;
	/** Seconds since the epoch. */
	issuedAt: number;
	/** Random UUID, unique per request. */
	jwtId: string;
}

/** JWT v2 claim set in the order the official SDK writes it (the digest claims first). */
export function jwtV2Claims(input: JwtClaimsInput): Record<string, string | number> {
	// Object literals, not properties added one by one: the claims are serialised on every request.
	const claims = {
		iat: input.issuedAt,
		exp: input.issuedAt + JWT_LIFETIME_SECONDS,
		'request-host': input.host,
		// The SDK keeps the query string since its 2026-05-16 release; the gateway must accept it.
		'request-resource-path': input.target,
		'request-method': input.method.toLowerCase(),
		iss: input.issuer,
		jti: input.jwtId,
		'v-c-jwt-version': '2',
		'v-c-merchant-id': input.merchantId,
	};
	if (input.digest === undefined) return claims;
	return { digest: input.digest, 'digest-algorithm': 'SHA-256', ...claims };
}

/** Encoded JOSE headers by algorithm and kid: the same few for every request of a credential. */
const headers = credentialMemory.joseHeaders;

function joseHeader(alg: 'HS256' | 'RS256', kid: string): string {
	const key = `${alg} ${kid}`;
	let header = headers.get(key);
	if (header === undefined) {
		header = Buffer.from(JSON.stringify({ typ: 'JWT', alg, kid })).toString('base64url');
		if (headers.size >= 64) headers.clear();
		headers.set(key, header);
	}
	return header;
}

function signingInput(alg: 'HS256' | 'RS256', kid: string, claims: object): string {
	return `${joseHeader(alg, kid)}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
}

/** HS256 token; `kid` is the API key id, the key is the base64-decoded shared secret. */
export function signJwtHs256(claims: object, keyId: string, secret: Buffer): string {
	const input = signingInput('HS256', keyId, claims);
	return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/** RS256 token; `kid` is the serialNumber attribute of the P12 certificate's subject. */
export function signJwtRs256(claims: object, serialNumber: string, privateKey: KeyObject): string {
	const input = signingInput('RS256', serialNumber, claims);
	return `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey, 'base64url')}`;
}
