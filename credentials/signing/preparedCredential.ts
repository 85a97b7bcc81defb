/**
 * The credential fields, checked, and everything signing needs from them that does not change
 * from request to request (merchant IDs, the parsed base URL, the key ID, the decoded secret).
 * Prepared once per credential content; a field the user must fix throws a CredentialFieldError
 * naming it, on every request (failures are cheap here and not remembered).
 */
import { CredentialFieldError } from './credentialFieldError';
import { decodeSharedSecret } from './digest';
import { resolveBaseUrl } from '../baseUrl';
import { baseUrlOf } from './requestUrl';
import { credentialMemory } from './credentialMemory';
import type { AuthMode, CybersourceCredentialData, PreparedCredential } from './credentialTypes';

/** Per credential content (credentialMemory.ts keys it by a digest, never by the secret). */
const prepared = credentialMemory.preparedCredentials;

export function prepareCredential(data: CybersourceCredentialData): PreparedCredential {
	const inputs = [
		data.authMode ?? '',
		data.environment ?? '',
		data.baseUrl ?? '',
		data.merchantId ?? '',
		data.useMetaKey ? 'meta' : '',
		data.portfolioId ?? '',
		data.accessKeyId ?? '',
		data.sharedSecret ?? '',
	].map(String);
	return prepared.get(inputs, () => readCredential(data));
}

function readCredential(data: CybersourceCredentialData): PreparedCredential {
	const authMode: AuthMode = data.authMode ?? 'jwtSharedSecret';
	const merchantId = identifier(
		data.merchantId,
		'Merchant ID',
		'Enter the Cybersource merchant ID (organization ID) shown at the top of Business Center.',
	);
	const signingMerchantId = data.useMetaKey
		? identifier(data.portfolioId, 'Portfolio ID', 'A meta key belongs to a portfolio: enter its ID.')
		: merchantId;
	const base = baseUrlOf(resolveBaseUrl(data.environment ?? 'apitest.cybersource.com', data.baseUrl));
	if (authMode === 'jwtCertificate') {
		return { authMode, merchantId, signingMerchantId, base, keyId: '', secret: Buffer.alloc(0) };
	}
	const keyId = identifier(data.accessKeyId, 'Key ID', 'Enter the API key ID (a UUID) from Key Management.');
	assertNotAnAccountId(keyId, merchantId, signingMerchantId);
	const secret = sharedSecret(required(data.sharedSecret, 'Shared Secret Key', "Enter the key's shared secret."));
	return { authMode, merchantId, signingMerchantId, base, keyId, secret };
}

/**
 * A Key ID that is the Merchant ID (or the Portfolio ID) is the commonest mix-up: Cybersource only
 * answers "Authentication Failed" to it, so it is named here, before anything is sent.
 */
function assertNotAnAccountId(keyId: string, merchantId: string, signingMerchantId: string): void {
	const same = (id: string) => keyId.toLowerCase() === id.toLowerCase();
	const account = same(merchantId) ? 'Merchant ID' : same(signingMerchantId) ? 'Portfolio ID' : undefined;
	if (!account) return;
	throw new CredentialFieldError(
		'Key ID',
		`Key ID is the ${account} ("${keyId}"), not the ID of a key. Enter the ID of the REST shared secret key, a UUID like 11111111-2222-3333-4444-555555555555, from Business Center → Payment Configuration → Key Management.`,
	);
}

/** Spaces and line breaks around a value are dropped; an empty value names the field. */
export function required(value: string | undefined, field: string, hint: string): string {
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
			`${field} contains ${describeCharacter(bad[0])} at position ${bad.index + 1}. Cybersource IDs ` +
				'contain only letters, digits, "-" and "_": retype the value or copy it again from Business Center.',
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

/**
 * The SDKs refuse secrets that do not survive a base64 round trip: a pasted key id or a truncated
 * secret would otherwise sign with the wrong bytes and fail as a vague 401.
 */
function sharedSecret(secret: string): Buffer {
	const decoded = decodeSharedSecret(secret);
	if (decoded.length === 0 || decoded.toString('base64') !== secret) {
		throw new CredentialFieldError(
			'Shared Secret Key',
			'Shared Secret Key is not valid base64. Paste the "Shared Secret" shown once when the key was created in Business Center (Key Management), not the key ID',
		);
	}
	return decoded;
}
