import { createHash } from 'node:crypto';

/** Base64 SHA-256 of the exact bytes that go on the wire (no `SHA-256=` prefix). */
export function sha256Base64(body: string): string {
	return createHash('sha256').update(body, 'utf8').digest('base64');
}

/** The HTTP Signature `digest` header value, from the base64 body hash. */
export function digestHeader(sha256: string): string {
	return `SHA-256=${sha256}`;
}

/** POST, PUT and PATCH carry a body digest; GET and DELETE never do. */
export function methodHasBody(method: string): boolean {
	const verb = method.toUpperCase();
	return verb === 'POST' || verb === 'PUT' || verb === 'PATCH';
}

/** Cybersource shared secrets are base64 text; the HMAC key is the decoded bytes. */
export function decodeSharedSecret(sharedSecret: string): Buffer {
	return Buffer.from(sharedSecret.trim(), 'base64');
}
