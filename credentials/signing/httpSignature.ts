import { createHmac } from 'node:crypto';

import { digestHeader } from './digest';

interface HttpSignatureInput {
	/** Upper case. */
	method: string;
	/** Host as sent in the Host header (no scheme). */
	host: string;
	/** Path plus query string, exactly as sent on the request line. */
	target: string;
	/** Base64 SHA-256 of the body; undefined for GET and DELETE, which have none. */
	digest?: string;
	/** RFC 1123 date, e.g. `Thu, 18 Jul 2019 00:18:03 GMT`. */
	date: string;
	/** Transacting merchant: always the `v-c-merchant-id` header. */
	merchantId: string;
	/** Merchant (or, with a meta key, portfolio) that owns the key: the signed `v-c-merchant-id` line. */
	signingMerchantId: string;
	keyId: string;
	/** The decoded shared secret. */
	secret: Buffer;
}

/**
 * Legacy HTTP Signature: an HMAC-SHA256 over the host, date, request-target, digest and merchant
 * lines. `request-target` has no parentheses: Cybersource rejects the draft-cavage
 * `(request-target)` form since April 2024.
 */
export function signHttpSignature(input: HttpSignatureInput): Record<string, string> {
	const digest = input.digest === undefined ? undefined : digestHeader(input.digest);
	const signingString =
		`host: ${input.host}\ndate: ${input.date}\n` +
		`request-target: ${input.method.toLowerCase()} ${input.target}\n` +
		(digest ? `digest: ${digest}\n` : '') +
		`v-c-merchant-id: ${input.signingMerchantId}`;
	const signature = createHmac('sha256', input.secret).update(signingString, 'utf8').digest('base64');
	const headerList = digest
		? 'host date request-target digest v-c-merchant-id'
		: 'host date request-target v-c-merchant-id';

	const headers: Record<string, string> = {
		'v-c-merchant-id': input.merchantId,
		date: input.date,
		host: input.host,
		signature: `keyid="${input.keyId}", algorithm="HmacSHA256", headers="${headerList}", signature="${signature}"`,
	};
	if (digest) headers.digest = digest;
	return headers;
}
