import { randomUUID } from 'node:crypto';

import { clockOffsetFor } from './clockOffset';
import { methodHasBody, sha256Base64 } from './digest';
import { signHttpSignature } from './httpSignature';
import { jwtV2Claims, signJwtHs256, signJwtRs256 } from './jwt';
import { prepareCredential, required } from './preparedCredential';
import { requestUrl, type QueryParameters } from './requestUrl';
import { identityFromP12, identityFromPem } from './signingIdentity';
import type { CybersourceCredentialData, PreparedCredential, SigningIdentity } from './credentialTypes';

export type { AuthMode, CertificateFormat, CybersourceCredentialData } from './credentialTypes';

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
	qs?: QueryParameters;
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

function serialiseBody(method: string, body: unknown): string | undefined {
	if (!methodHasBody(method)) return undefined;
	if (body === undefined || body === null || body === '') return '{}';
	return typeof body === 'string' ? body : JSON.stringify(body);
}

/** The certificate's key and kid; read once per content (see signingIdentity's cache). */
function certificateIdentity(data: CybersourceCredentialData, credential: PreparedCredential): SigningIdentity {
	if (data.signingFormat === 'pem') {
		return identityFromPem(
			required(data.privateKeyPem, 'Private Key (PEM)', 'Paste the merchant private key.'),
			required(data.publicCertificatePem, 'Certificate (PEM)', 'Paste the merchant certificate.'),
			data.privateKeyPassphrase ?? '',
		);
	}
	const defaultAlias = data.useMetaKey ? credential.signingMerchantId : credential.merchantId;
	return identityFromP12(
		required(data.p12Certificate, 'P12 File (Base64)', 'Paste the base64 text of the .p12 file.'),
		data.p12Password ?? '',
		(data.p12Alias ?? '').trim() || defaultAlias,
	);
}

/**
 * Everything a Cybersource request needs: the final URL, the serialised body and the
 * authentication headers of the credential's mode. What depends only on the credential is
 * prepared once per content (prepareCredential, the identity cache); per request there is the
 * URL, one body digest (shared by the digest claim or header) and one signature.
 */
export function signRequest(
	data: CybersourceCredentialData,
	request: RequestToSign,
	clock: SigningClock = systemClock,
): SignedRequest {
	const credential = prepareCredential(data);
	const method = request.method.toUpperCase();
	const { url, host, target } = requestUrl(credential.base, request.url, request.qs);
	const body = serialiseBody(method, request.body);
	const digest = body === undefined ? undefined : sha256Base64(body);
	// Cybersource's time, when a 401 showed this machine's clock is off (see clockOffset.ts).
	const now = clock.now() + clockOffsetFor(data);

	const headers: Record<string, string> = { 'v-c-merchant-id': credential.merchantId };
	if (body !== undefined) headers['content-type'] = CONTENT_TYPE;

	if (credential.authMode === 'httpSignature') {
		const signed = signHttpSignature({
			method,
			host,
			target,
			digest,
			date: new Date(now).toUTCString(),
			merchantId: credential.merchantId,
			signingMerchantId: credential.signingMerchantId,
			keyId: credential.keyId,
			secret: credential.secret,
		});
		return { method, url, body, headers: Object.assign(headers, signed) };
	}

	const claims = jwtV2Claims({
		method,
		host,
		target,
		digest,
		merchantId: credential.merchantId,
		issuer: credential.signingMerchantId,
		issuedAt: Math.floor(now / 1000),
		jwtId: clock.randomUUID(),
	});
	let token: string;
	if (credential.authMode === 'jwtCertificate') {
		const identity = certificateIdentity(data, credential);
		token = signJwtRs256(claims, identity.serialNumber, identity.privateKey);
	} else {
		token = signJwtHs256(claims, credential.keyId, credential.secret);
	}
	headers.authorization = `Bearer ${token}`;
	return { method, url, body, headers };
}
