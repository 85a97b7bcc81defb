/**
 * The credential's types: the fields n8n hands to `authenticate`, what is prepared from them and
 * the signing identity of a certificate. A leaf (types only), so that credentialMemory.ts can name
 * what its caches hold without an import circle with the modules that fill them.
 */
import type { KeyObject, X509Certificate } from 'node:crypto';

import type { CredentialFieldError } from './credentialFieldError';
import type { BaseUrl } from './requestUrl';

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
	privateKeyPassphrase?: string;
	publicCertificatePem?: string;
	useMetaKey?: boolean;
	portfolioId?: string;
}

export interface PreparedCredential {
	authMode: AuthMode;
	/** Transacting merchant: always the `v-c-merchant-id`. */
	merchantId: string;
	/** Owner of the key: the merchant, or the portfolio with a meta key. */
	signingMerchantId: string;
	base: BaseUrl;
	/** API key ID of the shared secret modes ('' with a certificate). */
	keyId: string;
	/** HMAC key: the decoded shared secret (empty with a certificate). */
	secret: Buffer;
}

export interface SigningIdentity {
	privateKey: KeyObject;
	certificate: X509Certificate;
	/** The JWT `kid`: the serialNumber attribute of the certificate subject. */
	serialNumber: string;
	/** Subject as `type=value` pairs in certificate order, e.g. `serialNumber=…,CN=merchant`. */
	subject: string;
}

/** A certificate read, or the field error of one that cannot be read (remembered per content). */
export type IdentityOutcome = { ok: true; identity: SigningIdentity } | { ok: false; error: CredentialFieldError };
