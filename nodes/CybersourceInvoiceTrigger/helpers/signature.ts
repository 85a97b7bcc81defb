import { createHmac, timingSafeEqual } from 'node:crypto';

/** `V-C-Signature: t=<timestamp>;keyId=<key id>;sig=<base64 HMAC-SHA256>` */
interface SignatureHeader {
	t: string;
	keyId: string;
	sig: string;
}

export function parseSignatureHeader(value: unknown): SignatureHeader | undefined {
	if (typeof value !== 'string') return undefined;
	const fields: Record<string, string> = {};
	for (const part of value.split(';')) {
		const at = part.indexOf('=');
		if (at > 0) fields[part.slice(0, at).trim()] = part.slice(at + 1).trim();
	}
	const { t, keyId, sig } = fields;
	return t && keyId && sig ? { t, keyId, sig } : undefined;
}

export interface StoredKey {
	keyId: string;
	/** Base64 text, as the key API returned it. */
	key: string;
}

type Verdict = { valid: true; signedAt: number | undefined } | { valid: false; reason: string };

/**
 * Cybersource does not say whether its HMAC uses the key's base64-decoded bytes or the key text
 * (its REST shared secret is used decoded). Both are computed and either is accepted: each still
 * needs the secret key, so accepting both does not weaken the check.
 */
function expectedSignatures(key: string, message: Buffer): Buffer[] {
	const secrets = [Buffer.from(key, 'utf8')];
	const decoded = Buffer.from(key, 'base64');
	if (decoded.length > 0 && decoded.toString('base64').replace(/=+$/, '') === key.replace(/=+$/, '')) secrets.unshift(decoded);
	return secrets.map((secret) => createHmac('sha256', secret).update(message).digest());
}

/** `t` is a Unix time in milliseconds (documented example) or seconds. */
function timestampMs(t: string): number | undefined {
	if (!/^\d{1,16}$/.test(t)) return undefined;
	const value = Number(t);
	return value >= 1e12 ? value : value * 1000;
}

/** Checks `V-C-Signature` against the raw body; nothing about the request is trusted before this. */
export function verifySignature(header: unknown, rawBody: Buffer, stored: StoredKey | undefined): Verdict {
	const parsed = parseSignatureHeader(header);
	if (!parsed) return { valid: false, reason: 'missing or malformed V-C-Signature header' };
	if (!stored) return { valid: false, reason: 'no signature key is stored for this trigger; reactivate the workflow' };
	if (parsed.keyId !== stored.keyId) return { valid: false, reason: 'signed with another key id' };
	const given = Buffer.from(parsed.sig, 'base64');
	const message = Buffer.concat([Buffer.from(`${parsed.t}.`, 'utf8'), rawBody]);
	const matches = expectedSignatures(stored.key, message).some(
		(expected) => expected.length === given.length && timingSafeEqual(expected, given),
	);
	return matches ? { valid: true, signedAt: timestampMs(parsed.t) } : { valid: false, reason: 'signature does not match' };
}
