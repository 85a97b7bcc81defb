/**
 * Notification signatures as Cybersource documents them: header
 * `V-C-Signature: t=<timestamp>;keyId=<key id>;sig=<base64 HMAC-SHA256 of "t.body">`.
 *
 * Whether the HMAC key is the base64-decoded key or the key text itself is not documented; the
 * sandbox uses the decoded bytes by default (like the REST shared secret) and can be switched.
 */
import { createHmac } from 'node:crypto';

export type KeyEncoding = 'base64' | 'utf8';

export function signNotification(key: string, timestamp: string, body: string, encoding: KeyEncoding): string {
	const secret = encoding === 'base64' ? Buffer.from(key, 'base64') : Buffer.from(key, 'utf8');
	return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('base64');
}

export function signatureHeader(keyId: string, key: string, timestamp: string, body: string, encoding: KeyEncoding): string {
	return `t=${timestamp};keyId=${keyId};sig=${signNotification(key, timestamp, body, encoding)}`;
}
