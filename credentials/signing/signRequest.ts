import { randomUUID } from 'node:crypto';

import { clockOffsetFor } from './clockOffset';
import { resolveBaseUrl } from './environments';
import { methodHasBody } from './digest';
import { signHttpSignature } from './httpSignature';
import { jwtV2Claims, signJwtHs256, signJwtRs256 } from './jwt';
import { CredentialFieldError } from './credentialFieldError';
import { identityFromP12, identityFromPem, type SigningIdentity } from './signingIdentity';

export type AuthMode = 'jwtSharedSecret' | 'jwtCertificate' | 'httpSignature';
export type CertificateFormat = 'p12' | 'pem';

/** The credential's fields, as n8n hands them to `authenticate`. */
export interface CybersourceCredentialData {
	environment?: string;
	baseUrl?: string;
	merchantId?: string;
	authMode?: AuthMode;
	/** The API key ID (named so n8n's credential lint knows it is not a secret). */
	accessKeyId?: string;
	sharedSecret?: string;
	signingFormat?: CertificateFormat;
	p12Certificate?: string;
	p12Password?: string;
	p12Alias?: string;
	privateKeyPem?: string;
	publicCertificatePem?: string;
	useMetaKey?: boolean;
	portfolioId?: string;
}

/** Time and randomness, injectable so tests can replay fixed signing examples byte for byte. */
export interface SigningClock {
	now(): number;
	randomUUID(): string;
}

export const systemClock: SigningClock = { now: () => Date.now(), randomUUID: () => randomUUID() };

export interface RequestToSign {
	method: string;
	/** Absolute URL or a path relative to the environment's base URL; may carry a query string. */
	url: string;
	/** Extra query parameters, appended in their insertion order. */
	qs?: Record<string, string | number | boolean | undefined>;
	/** A JSON value (serialised here, once) or an already serialised string. */
	body?: unknown;
}

export interface SignedRequest {
	method: string;
	/** The exact URL that was signed; send it unchanged. */
	url: string;
	/** The exact bytes that were digested; undefined for GET/DELETE. */
	body?: string;
	headers: Record<string, string>;
}

export const CONTENT_TYPE = 'application/json;charset=utf-8';

function required(value: string | undefined, field: string, hint: string): string {
	const text = (value ?? '').trim();
	if (!text) throw new CredentialFieldError(field, `${field} is empty. ${hint}`);
	return text;
}

/**
 * An ID that goes into a header or signed text. Spaces and line breaks around it are dropped
 * (copying from Business Center often adds them); anything else outside visible ASCII, or a
 * double quote (it would end the quoted `keyid` of an HTTP Signature), is a typing mistake the
 * user must fix: sending it would fail in the HTTP client as if the network had failed.
 */
function identifier(value: string | undefined, field: string, hint: string): string {
	const text = required(value, field, hint);
	const bad = /[^\x21-\x7e]|"/.exec(text);
	if (bad) {
		throw new CredentialFieldError(
			field,
			`${field} contains ${describeCharacter(bad[0])} at position ${bad.index + 1}. ` +
				'IDs are letters, digits, "-" and "_" only: retype the value or copy it again from Business Center.',
		);
	}
	return text;
}

function describeCharacter(char: string): string {
	if (char === '\n' || char === '\r') return 'a line break';
	if (char === ' ') return 'a space';
	if (char === '\t') return 'a tab';
	if (char === '"') return 'a double quote (")';
	const code = char.codePointAt(0) ?? 0;
	const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
	return code < 0x20 || code === 0x7f ? `an invisible control character (${hex})` : `the character "${char}" (${hex})`;
}

function checkSharedSecret(secret: string): string {
	const decoded = Buffer.from(secret, 'base64');
	// The SDKs refuse secrets that do not survive a base64 round trip: a pasted key id or a
	// truncated secret would otherwise sign with the wrong bytes and fail as a vague 401.
	if (decoded.length === 0 || decoded.toString('base64') !== secret) {
		throw new CredentialFieldError(
			'Shared Secret Key',
			'Shared Secret Key is not valid base64. Paste the "Shared Secret" shown once when the key was created in Business Center (Key Management), not the key ID',
		);
	}
	return secret;
}

function serialiseBody(method: string, body: unknown): string | undefined {
	if (!methodHasBody(method)) return undefined;
	if (body === undefined || body === null || body === '') return '{}';
	return typeof body === 'string' ? body : JSON.stringify(body);
}

function buildUrl(data: CybersourceCredentialData, request: RequestToSign): URL {
	let url: URL;
	if (/^https?:\/\//i.test(request.url)) {
		url = new URL(request.url);
	} else {
		const base = resolveBaseUrl(data.environment ?? 'apitest.cybersource.com', data.baseUrl);
		const path = request.url.startsWith('/') ? request.url : `/${request.url}`;
		url = new URL(`${base.origin}${base.pathname.replace(/\/+$/, '')}${path}`);
	}
	for (const [key, value] of Object.entries(request.qs ?? {})) {
		if (value !== undefined) url.searchParams.append(key, String(value));
	}
	return url;
}

function certificateIdentity(data: CybersourceCredentialData, merchantId: string): SigningIdentity {
	if (data.signingFormat === 'pem') {
		return identityFromPem(
			required(data.privateKeyPem, 'Private Key (PEM)', 'Paste the merchant private key.'),
			required(data.publicCertificatePem, 'Certificate (PEM)', 'Paste the merchant certificate.'),
		);
	}
	const defaultAlias = data.useMetaKey ? (data.portfolioId ?? '').trim() : merchantId;
	return identityFromP12(
		required(data.p12Certificate, 'P12 File (Base64)', 'Paste the base64 text of the .p12 file.'),
		data.p12Password ?? '',
		(data.p12Alias ?? '').trim() || defaultAlias,
	);
}

/**
 * Everything a Cybersource request needs: the final URL, the serialised body and the
 * authentication headers of the credential's mode. The body is serialised once and
 * the digest is taken over exactly those bytes; the query string is signed exactly as sent.
 */
export function signRequest(
	data: CybersourceCredentialData,
	request: RequestToSign,
	clock: SigningClock = systemClock,
): SignedRequest {
	const merchantId = identifier(
		data.merchantId,
		'Merchant ID',
		'Enter the Cybersource merchant ID (organization ID) shown at the top of Business Center.',
	);
	const signingMerchantId = data.useMetaKey
		? identifier(data.portfolioId, 'Portfolio ID', 'A meta key belongs to a portfolio: enter its ID.')
		: merchantId;
	const method = request.method.toUpperCase();
	const url = buildUrl(data, request);
	const body = serialiseBody(method, request.body);
	const target = `${url.pathname}${url.search}`;
	const host = url.host;
	const authMode: AuthMode = data.authMode ?? 'jwtSharedSecret';
	// Cybersource's time, when a 401 showed this machine's clock is off (see clockOffset.ts).
	const now = clock.now() + clockOffsetFor(data);

	const headers: Record<string, string> = { 'v-c-merchant-id': merchantId };
	if (body !== undefined) headers['content-type'] = CONTENT_TYPE;

	if (authMode === 'httpSignature') {
		Object.assign(
			headers,
			signHttpSignature({
				method,
				host,
				target,
				body: body ?? '',
				date: new Date(now).toUTCString(),
				merchantId,
				signingMerchantId,
				keyId: identifier(data.accessKeyId, 'Key ID', 'Enter the API key ID (a UUID) from Key Management.'),
				sharedSecret: checkSharedSecret(
					required(data.sharedSecret, 'Shared Secret Key', 'Enter the key\'s shared secret.'),
				),
			}),
		);
		return { method, url: url.toString(), body, headers };
	}

	const claims = jwtV2Claims({
		method,
		host,
		target,
		body: body ?? '',
		merchantId,
		issuer: signingMerchantId,
		issuedAt: Math.floor(now / 1000),
		jwtId: clock.randomUUID(),
	});
	let token: string;
	if (authMode === 'jwtCertificate') {
		const identity = certificateIdentity(data, merchantId);
		token = signJwtRs256(claims, identity.serialNumber, identity.privateKey);
	} else {
		token = signJwtHs256(
			claims,
			identifier(data.accessKeyId, 'Key ID', 'Enter the API key ID (a UUID) from Key Management.'),
			checkSharedSecret(
				required(data.sharedSecret, 'Shared Secret Key', 'Enter the key\'s shared secret.'),
			),
		);
	}
	headers.authorization = `Bearer ${token}`;
	return { method, url: url.toString(), body, headers };
}
