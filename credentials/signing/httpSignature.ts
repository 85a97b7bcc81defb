import { createHmac } from 'node:crypto';

import { decodeSharedSecret, digestHeader, methodHasBody } from './digest';

export interface HttpSignatureInput {
	method: string;
	/** Host as sent in the Host header (no scheme). */
	host: string;
	/** Path plus query string, exactly as sent on the request line. */
	target: string;
	body: string;
	/** RFC 1123 date, e.g. `Thu, 18 Jul 2019 00:18:03 GMT`. */
	date: string;
	/** Transacting merchant: always the `v-c-merchant-id` header. */
	merchantId: string;
	/** Merchant (or, with a meta key, portfolio) that owns the key: the signed `v-c-merchant-id` line. */
	signingMerchantId: string;
	keyId: string;
	sharedSecret: string;
}

/**
 * Legacy HTTP Signature: an HMAC-SHA256 over the host, date, request-target, digest and merchant
 * lines. `request-target` has no parentheses: Cybersource rejects the draft-cavage
 * `(request-target)` form since April 2024.
 */
export function signHttpSignature(input: HttpSignatureInput): Record<string, string> {
	const withDigest = methodHasBody(input.method);
	const signed: Array<[string, string]> = [
		['host', input.host],
		['date', input.date],
		['request-target', `${input.method.toLowerCase()} ${input.target}`],
	];
	if (withDigest) signed.push(['digest', digestHeader(input.body)]);
	signed.push(['v-c-merchant-id', input.signingMerchantId]);

	const signingString = signed.map(([name, value]) => `${name}: ${value}`).join('\n');
	const signature = createHmac('sha256', decodeSharedSecret(input.sharedSecret))
		.update(signingString, 'utf8')
		.digest('base64');
	const headerList = signed.map(([name]) => name).join(' ');

	const headers: Record<string, string> = {
		'v-c-merchant-id': input.merchantId,
		date: input.date,
		host: input.host,
		signature: `keyid="${input.keyId}", algorithm="HmacSHA256", headers="${headerList}", signature="${signature}"`,
	};
	if (withDigest) headers.digest = digestHeader(input.body);
	return headers;
}
