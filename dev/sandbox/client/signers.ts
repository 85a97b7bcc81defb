/**
 * HTTP Signature and JWT (HS256 / RS256) signers written independently of the sandbox's verifiers
 * and of the product's credential, so a test that signs with them checks both sides.
 */

import { createHash, createHmac, randomUUID, sign as rsaSign } from 'node:crypto';

export function digestOf(body: string | Buffer): string {
	return `SHA-256=${createHash('sha256').update(body).digest('base64')}`;
}

export interface HttpSigInput {
	method: string;
	path: string;
	body?: string;
	host: string;
	date: string;
	keyId: string;
	secret: string;
	/** Value of the v-c-merchant-id line (portfolio id for meta keys). */
	signedMerchantId: string;
	/** Value of the v-c-merchant-id header (transacting MID). */
	headerMerchantId?: string;
	/** Name to use for the request-target line/list entry (tests the legacy parentheses form). */
	targetName?: string;
	dateHeader?: 'date' | 'v-c-date';
}

export function signHttp(input: HttpSigInput): Record<string, string> {
	const method = input.method.toLowerCase();
	const hasBody = ['post', 'put', 'patch'].includes(method);
	const dateName = input.dateHeader ?? 'date';
	const target = input.targetName ?? 'request-target';
	const names = ['host', dateName, target, ...(hasBody ? ['digest'] : []), 'v-c-merchant-id'];
	const headers: Record<string, string> = {
		host: input.host,
		[dateName]: input.date,
		'v-c-merchant-id': input.headerMerchantId ?? input.signedMerchantId,
	};
	if (hasBody) {
		headers.digest = digestOf(input.body ?? '');
		headers['content-type'] = 'application/json;charset=utf-8';
	}
	const values: Record<string, string> = {
		...headers,
		[target]: `${method} ${input.path}`,
		'v-c-merchant-id': input.signedMerchantId,
	};
	const signingString = names.map((name) => `${name}: ${values[name]}`).join('\n');
	const signature = createHmac('sha256', Buffer.from(input.secret, 'base64'))
		.update(signingString)
		.digest('base64');
	headers.signature = `keyid="${input.keyId}", algorithm="HmacSHA256", headers="${names.join(' ')}", signature="${signature}"`;
	return headers;
}

function b64url(value: string | Buffer): string {
	return Buffer.from(value).toString('base64url');
}

export interface JwtInput {
	method: string;
	resourcePath: string;
	host: string;
	body?: string;
	merchantId: string;
	issuer?: string;
	iat: number;
	exp?: number;
	kid: string;
	extraClaims?: Record<string, unknown>;
}

function claimsOf(input: JwtInput): Record<string, unknown> {
	const method = input.method.toLowerCase();
	const claims: Record<string, unknown> = {};
	if (['post', 'put', 'patch'].includes(method)) {
		claims.digest = createHash('sha256')
			.update(input.body ?? '')
			.digest('base64');
		claims['digest-algorithm'] = 'SHA-256';
	}
	Object.assign(claims, {
		iat: input.iat,
		exp: input.exp ?? input.iat + 120,
		'request-host': input.host,
		'request-resource-path': input.resourcePath,
		'request-method': method,
		iss: input.issuer ?? input.merchantId,
		jti: randomUUID(),
		'v-c-jwt-version': '2',
		'v-c-merchant-id': input.merchantId,
		...input.extraClaims,
	});
	return claims;
}

export function jwtHs256(input: JwtInput & { secret: string }): string {
	const head = b64url(JSON.stringify({ typ: 'JWT', alg: 'HS256', kid: input.kid }));
	const payload = b64url(JSON.stringify(claimsOf(input)));
	const signature = createHmac('sha256', Buffer.from(input.secret, 'base64'))
		.update(`${head}.${payload}`)
		.digest();
	return `${head}.${payload}.${b64url(signature)}`;
}

export function jwtRs256(input: JwtInput & { privateKeyPem: string }): string {
	const head = b64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid: input.kid }));
	const payload = b64url(JSON.stringify(claimsOf(input)));
	const signature = rsaSign('RSA-SHA256', Buffer.from(`${head}.${payload}`), input.privateKeyPem);
	return `${head}.${payload}.${b64url(signature)}`;
}
