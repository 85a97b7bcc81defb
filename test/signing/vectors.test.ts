/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The worked examples of reference §8.4 (HTTP Signature) and §8.6 (JWT HS256), reproduced byte
 * for byte through the same function the credential's `authenticate` calls.
 */
import { createHmac } from 'node:crypto';

import { digestHeader, sha256Base64 } from '../../credentials/signing/digest';
import {
	signRequest,
	type CybersourceCredentialData,
	type SigningClock,
} from '../../credentials/signing/signRequest';

const KEY_ID = '11111111-2222-3333-4444-555555555555';
const SECRET = 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=';
const DATE = 'Thu, 18 Jul 2019 00:18:03 GMT';
const BODY_B =
	'{"customerInformation":{"name":"Tanya Lee","email":"tanya.lee@my-email.world"},"invoiceInformation":{"description":"Test invoice","dueDate":"2019-07-11","sendImmediately":true,"deliveryMode":"email"},"orderInformation":{"amountDetails":{"totalAmount":"100.00","currency":"USD"}}}';

function clock(jti = '00000000-0000-4000-8000-000000000000'): SigningClock {
	return { now: () => Date.parse(DATE), randomUUID: () => jti };
}

const httpSignature: CybersourceCredentialData = {
	environment: 'apitest.cybersource.com',
	merchantId: 'mock_merchant',
	authMode: 'httpSignature',
	accessKeyId: KEY_ID,
	sharedSecret: SECRET,
};

function signatureParam(header: string): string {
	return /signature="([^"]+)"$/.exec(header)?.[1] ?? '';
}

describe('digest (§8.4)', () => {
	it.each([
		['{}', 'SHA-256=RBNvo1WzZ4oRRq0W9+hknpT7T8If536DEMBg9hyq/4o='],
		['', 'SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='],
		[BODY_B, 'SHA-256=u7Q+NhkyMbcKx1hjZ4J3zcNiIxALc0QNatKbPj1ldbY='],
	])('digest of %j', (body, expected) => {
		expect(digestHeader(sha256Base64(body))).toBe(expected);
	});
});

describe('HTTP Signature (§8.4)', () => {
	it('create: full signature header and digest, byte for byte', () => {
		const signed = signRequest(
			httpSignature,
			{ method: 'POST', url: '/invoicing/v2/invoices', body: BODY_B },
			clock(),
		);
		expect(signed.url).toBe('https://apitest.cybersource.com/invoicing/v2/invoices');
		expect(signed.body).toBe(BODY_B);
		expect(signed.headers).toEqual({
			'v-c-merchant-id': 'mock_merchant',
			'content-type': 'application/json;charset=utf-8',
			date: DATE,
			host: 'apitest.cybersource.com',
			digest: 'SHA-256=u7Q+NhkyMbcKx1hjZ4J3zcNiIxALc0QNatKbPj1ldbY=',
			signature:
				'keyid="11111111-2222-3333-4444-555555555555", algorithm="HmacSHA256", headers="host date request-target digest v-c-merchant-id", signature="j7QcpSDl0zA5n/xAtpc/RQVMU/t4Bj2oTej84iBfiVM="',
		});
	});

	it('create from a JSON object serialises once, to the same bytes', () => {
		const signed = signRequest(
			httpSignature,
			{ method: 'POST', url: '/invoicing/v2/invoices', body: JSON.parse(BODY_B) },
			clock(),
		);
		expect(signed.body).toBe(BODY_B);
		expect(signatureParam(signed.headers.signature)).toBe('j7QcpSDl0zA5n/xAtpc/RQVMU/t4Bj2oTej84iBfiVM=');
	});

	it('list: the query string is signed as sent, no digest on GET', () => {
		const signed = signRequest(
			httpSignature,
			{ method: 'GET', url: '/invoicing/v2/invoices', qs: { offset: 0, limit: 10, status: 'DRAFT' } },
			clock(),
		);
		expect(signed.url).toBe(
			'https://apitest.cybersource.com/invoicing/v2/invoices?offset=0&limit=10&status=DRAFT',
		);
		expect(signed.body).toBeUndefined();
		expect(signed.headers.digest).toBeUndefined();
		expect(signed.headers['content-type']).toBeUndefined();
		expect(signed.headers.signature).toContain('headers="host date request-target v-c-merchant-id"');
		expect(signatureParam(signed.headers.signature)).toBe('ZB47QJ2HsIkACBla2TO18Lfjok2peOu87Ymun9FgrT4=');
	});

	it('get', () => {
		const signed = signRequest(
			httpSignature,
			{ method: 'GET', url: '/invoicing/v2/invoices/98753' },
			clock(),
		);
		expect(signatureParam(signed.headers.signature)).toBe('zxr+hQbhaP+A7IbAeuxk/4nWl/4V/LVwSvZfQ4idqjg=');
	});

	it('send: a body-less action signs and sends {}', () => {
		const signed = signRequest(
			httpSignature,
			{ method: 'POST', url: '/invoicing/v2/invoices/98753/delivery' },
			clock(),
		);
		expect(signed.body).toBe('{}');
		expect(signed.headers.digest).toBe('SHA-256=RBNvo1WzZ4oRRq0W9+hknpT7T8If536DEMBg9hyq/4o=');
		expect(signatureParam(signed.headers.signature)).toBe('an7CPcelxpbi9RDcHTiPx7D/FNjYwCSYQ2Q43bElGnM=');
	});

	it('update (PUT)', () => {
		const signed = signRequest(
			httpSignature,
			{ method: 'PUT', url: '/invoicing/v2/invoices/98753', body: BODY_B },
			clock(),
		);
		expect(signatureParam(signed.headers.signature)).toBe('ccdEOda3dGBdE6wIDrgpYUZB4P8hW9ypD2jqv/UWpQ8=');
	});

	it('meta key: signs for the portfolio, the header stays the transacting merchant', () => {
		const signed = signRequest(
			{ ...httpSignature, useMetaKey: true, portfolioId: 'mock_portfolio' },
			{ method: 'POST', url: '/invoicing/v2/invoices', body: BODY_B },
			clock(),
		);
		expect(signed.headers['v-c-merchant-id']).toBe('mock_merchant');
		expect(signatureParam(signed.headers.signature)).toBe('rCCIEIG+bNTryIglj83euoXQWblxEW0g9/VthrC5mQM=');
	});

	it('never emits the legacy (request-target) form that the gateway rejects since April 2024', () => {
		// Reproduce the legacy vector with a local signer, to prove we are comparing the right thing.
		const legacyString = [
			'host: apitest.cybersource.com',
			`date: ${DATE}`,
			'(request-target): post /invoicing/v2/invoices',
			'digest: SHA-256=u7Q+NhkyMbcKx1hjZ4J3zcNiIxALc0QNatKbPj1ldbY=',
			'v-c-merchant-id: mock_merchant',
		].join('\n');
		const legacy = createHmac('sha256', Buffer.from(SECRET, 'base64'))
			.update(legacyString)
			.digest('base64');
		expect(legacy).toBe('kVrb80uSDOKHBL2mAEWrQ8WG3ZEuwgSDgRDTFfvQoYs=');

		const signed = signRequest(
			httpSignature,
			{ method: 'POST', url: '/invoicing/v2/invoices', body: BODY_B },
			clock(),
		);
		expect(signatureParam(signed.headers.signature)).not.toBe(legacy);
		expect(signed.headers.signature).not.toContain('(');
	});
});

describe('JWT HS256 (§8.6)', () => {
	const jwt: CybersourceCredentialData = { ...httpSignature, authMode: 'jwtSharedSecret' };

	it('create', () => {
		const signed = signRequest(
			jwt,
			{ method: 'POST', url: '/invoicing/v2/invoices', body: BODY_B },
			clock(),
		);
		expect(signed.headers).toEqual({
			'v-c-merchant-id': 'mock_merchant',
			'content-type': 'application/json;charset=utf-8',
			authorization:
				'Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiIsImtpZCI6IjExMTExMTExLTIyMjItMzMzMy00NDQ0LTU1NTU1NTU1NTU1NSJ9.eyJkaWdlc3QiOiJ1N1ErTmhreU1iY0t4MWhqWjRKM3pjTmlJeEFMYzBRTmF0S2JQajFsZGJZPSIsImRpZ2VzdC1hbGdvcml0aG0iOiJTSEEtMjU2IiwiaWF0IjoxNTYzNDA5MDgzLCJleHAiOjE1NjM0MDkyMDMsInJlcXVlc3QtaG9zdCI6ImFwaXRlc3QuY3liZXJzb3VyY2UuY29tIiwicmVxdWVzdC1yZXNvdXJjZS1wYXRoIjoiL2ludm9pY2luZy92Mi9pbnZvaWNlcyIsInJlcXVlc3QtbWV0aG9kIjoicG9zdCIsImlzcyI6Im1vY2tfbWVyY2hhbnQiLCJqdGkiOiIwMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDAiLCJ2LWMtand0LXZlcnNpb24iOiIyIiwidi1jLW1lcmNoYW50LWlkIjoibW9ja19tZXJjaGFudCJ9.dNer-I70mkgu-tf5m8ZT7NaJJ9DYR_YrMlOnxgs2a9w',
		});
	});

	it('list: path with query, no digest claims', () => {
		const signed = signRequest(
			jwt,
			{ method: 'GET', url: '/invoicing/v2/invoices', qs: { offset: 0, limit: 10, status: 'DRAFT' } },
			clock('00000000-0000-4000-8000-000000000001'),
		);
		expect(signed.headers.authorization).toBe(
			'Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiIsImtpZCI6IjExMTExMTExLTIyMjItMzMzMy00NDQ0LTU1NTU1NTU1NTU1NSJ9.eyJpYXQiOjE1NjM0MDkwODMsImV4cCI6MTU2MzQwOTIwMywicmVxdWVzdC1ob3N0IjoiYXBpdGVzdC5jeWJlcnNvdXJjZS5jb20iLCJyZXF1ZXN0LXJlc291cmNlLXBhdGgiOiIvaW52b2ljaW5nL3YyL2ludm9pY2VzP29mZnNldD0wJmxpbWl0PTEwJnN0YXR1cz1EUkFGVCIsInJlcXVlc3QtbWV0aG9kIjoiZ2V0IiwiaXNzIjoibW9ja19tZXJjaGFudCIsImp0aSI6IjAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMSIsInYtYy1qd3QtdmVyc2lvbiI6IjIiLCJ2LWMtbWVyY2hhbnQtaWQiOiJtb2NrX21lcmNoYW50In0.EAzRYB23HwS2-cMdfbA6kUpUjWmE8G8KPw5amexMdys',
		);
		expect(signed.headers.signature).toBeUndefined();
		expect(signed.headers.date).toBeUndefined();
	});

	it('uses a fresh random jti and exp = iat + 120 on every request', () => {
		const claimsOf = (header: string) =>
			JSON.parse(Buffer.from(header.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
		const a = signRequest(jwt, { method: 'GET', url: '/invoicing/v2/invoices/1' });
		const b = signRequest(jwt, { method: 'GET', url: '/invoicing/v2/invoices/1' });
		const claimsA = claimsOf(a.headers.authorization);
		const claimsB = claimsOf(b.headers.authorization);
		expect(claimsA.jti).not.toBe(claimsB.jti);
		expect(claimsA.jti).toMatch(/^[0-9a-f-]{36}$/);
		expect(claimsA.exp).toBe((claimsA.iat as number) + 120);
	});
});
