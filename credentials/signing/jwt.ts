import { createHmac, createSign, type KeyObject } from 'node:crypto';

import { decodeSharedSecret, methodHasBody, sha256Base64 } from './digest';

/** Lifetime of a token: the SDKs and the gateway use iat + 120 s. */
export const JWT_LIFETIME_SECONDS = 120;

export interface JwtClaimsInput {
	method: string;
	host: string;
	/** Path plus query string, exactly as sent. */
	target: string;
	body: string;
	merchantId: string;
	/** `iss`: the merchant, or the portfolio when a meta key signs. */
	issuer: string;
	/** Seconds since the epoch. */
	issuedAt: number;
	/** Random UUID, unique per request. */
	jwtId: string;
}

/** JWT v2 claim set in the order the official SDK writes it. */
export function jwtV2Claims(input: JwtClaimsInput): Record<string, string | number> {
	const claims: Record<string, string | number> = {};
	if (methodHasBody(input.method)) {
		claims.digest = sha256Base64(input.body);
		claims['digest-algorithm'] = 'SHA-256';
	}
	claims.iat = input.issuedAt;
	claims.exp = input.issuedAt + JWT_LIFETIME_SECONDS;
	claims['request-host'] = input.host;
	// The SDK keeps the query string since its 2026-05-16 release; the gateway must accept it.
	claims['request-resource-path'] = input.target;
	claims['request-method'] = input.method.toLowerCase();
	claims.iss = input.issuer;
	claims.jti = input.jwtId;
	claims['v-c-jwt-version'] = '2';
	claims['v-c-merchant-id'] = input.merchantId;
	return claims;
}

function base64Url(data: string | Buffer): string {
	return Buffer.from(data).toString('base64url');
}

function signingInput(alg: 'HS256' | 'RS256', kid: string, claims: object): string {
	const header = { typ: 'JWT', alg, kid };
	return `${base64Url(JSON.stringify(header))}.${base64Url(JSON.stringify(claims))}`;
}

/** HS256 token; `kid` is the API key id, the key is the base64-decoded shared secret. */
export function signJwtHs256(claims: object, keyId: string, sharedSecret: string): string {
	const input = signingInput('HS256', keyId, claims);
	const signature = createHmac('sha256', decodeSharedSecret(sharedSecret)).update(input).digest();
	return `${input}.${base64Url(signature)}`;
}

/** RS256 token; `kid` is the serialNumber attribute of the P12 certificate's subject. */
export function signJwtRs256(claims: object, serialNumber: string, privateKey: KeyObject): string {
	const input = signingInput('RS256', serialNumber, claims);
	const signature = createSign('RSA-SHA256').update(input).sign(privateKey);
	return `${input}.${base64Url(signature)}`;
}
