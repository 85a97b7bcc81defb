/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** The notification signature check, as pure functions (the notification-id memory: test/unit/replay.test.ts). */
import { parseSignatureHeader, verifySignature } from '../../nodes/CybersourceInvoiceTrigger/helpers/signature';

// The published test vector for Cybersource notification signatures.
const KEY = { keyId: 'facdaf45-db00-233c-e053-5a588d0a743a', key: 'd2ViaG9vay1zaGFyZWQtc2VjcmV0LWZvci10ZXN0cw==' };
const T = '1685062183540';
const BODY = Buffer.from(
	'{"notificationId":"n-1","retryNumber":0,"eventType":"invoicing.customer.invoice.paid","eventDate":"2023-05-25T17:49:40.309-07:00","webhookId":"wh-1","payloads":[{"data":{"invoiceNumber":"98753","balanceAmount":"0.00","currency":"USD","eventType":"invoicing.customer.invoice.paid","organizationID":"mock_merchant"}}]}',
);
const SIG_DECODED_KEY = 'vILjdM98wQ9VXdXhamww+uY5q8+1S0SPU5hIT8Wfszo=';
const SIG_KEY_TEXT = 'Nwxt/yRmm+sDxsZBlH60zeygUXltZIbHxYT9oO0sedk=';

const header = (sig: string, t = T, keyId = KEY.keyId) => `t=${t};keyId=${keyId};sig=${sig}`;

test('the test vector verifies, with the HMAC keyed by the decoded key or by the key text', () => {
	expect(verifySignature(header(SIG_DECODED_KEY), BODY, KEY)).toEqual({ valid: true, signedAt: 1685062183540 });
	expect(verifySignature(header(SIG_KEY_TEXT), BODY, KEY).valid).toBe(true);
});

test('a changed body, timestamp, key id or signature, or no header or key, is refused with the reason', () => {
	const changedBody = Buffer.from(BODY.toString().replace('"0.00"', '"1.00"'));
	expect(verifySignature(header(SIG_DECODED_KEY), changedBody, KEY)).toEqual({ valid: false, reason: 'signature does not match' });
	expect(verifySignature(header(SIG_DECODED_KEY, '1685062183541'), BODY, KEY)).toEqual({ valid: false, reason: 'signature does not match' });
	expect(verifySignature(header(SIG_DECODED_KEY, T, 'other-key'), BODY, KEY)).toEqual({ valid: false, reason: 'signed with another key id' });
	expect(verifySignature(header(SIG_DECODED_KEY.replace('v', 'w')), BODY, KEY).valid).toBe(false);
	expect(verifySignature(header('c2hvcnQ='), BODY, KEY).valid).toBe(false);
	expect(verifySignature(undefined, BODY, KEY)).toEqual({ valid: false, reason: 'missing or malformed V-C-Signature header' });
	expect(verifySignature(header(SIG_DECODED_KEY), BODY, undefined).valid).toBe(false);
});

test('the header is read field by field, whatever the order and spacing', () => {
	expect(parseSignatureHeader(`sig=${SIG_DECODED_KEY}; keyId=${KEY.keyId}; t=${T}`)).toEqual({ t: T, keyId: KEY.keyId, sig: SIG_DECODED_KEY });
	expect(parseSignatureHeader('t=1;keyId=2')).toBeUndefined();
});
