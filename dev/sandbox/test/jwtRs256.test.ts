/** JWT v2 RS256 with the merchant's generated certificate (real clock), and v1 tokens accepted leniently. */

import { createHash, generateKeyPairSync, sign as rsaSign } from 'node:crypto';
import type { Sandbox } from '../index';
import { invoiceBody, jwtHs256, jwtRs256 } from '../client';
import { bearer, expectRejected, lastEntry } from './authFixtures';
import { startQuiet } from './helpers';

describe('RS256 with the generated merchant certificate (real clock)', () => {
	let sandbox: Sandbox;
	let host: string;
	const nowSeconds = () => Math.floor(Date.now() / 1000);

	beforeAll(async () => {
		sandbox = await startQuiet();
		host = new URL(sandbox.url).host;
	});
	afterAll(() => sandbox.close());

	const token = (overrides: Partial<Parameters<typeof jwtRs256>[0]> = {}) =>
		jwtRs256({
			method: 'POST',
			resourcePath: '/invoicing/v2/invoices',
			host,
			body: JSON.stringify(invoiceBody()),
			merchantId: sandbox.merchant.merchantId,
			iat: nowSeconds(),
			kid: sandbox.merchant.certificateSerialNumber,
			privateKeyPem: sandbox.merchant.privateKeyPem,
			...overrides,
		});
	const post = (jwt: string, body = JSON.stringify(invoiceBody())) =>
		bearer(sandbox, jwt, { method: 'POST', path: '/invoicing/v2/invoices', body, host });

	test('the certificate subject and P12 look like Cybersource', async () => {
		const { X509Certificate } = await import('node:crypto');
		const cert = new X509Certificate(sandbox.merchant.certificatePem);
		expect(cert.subject).toBe(
			`serialNumber=${sandbox.merchant.certificateSerialNumber}\nCN=sandbox_merchant`,
		);
		expect(sandbox.merchant.certificateSerialNumber).toMatch(/^\d{10,}$/);
		expect(sandbox.merchant.keyAlias).toBe('sandbox_merchant');
		expect(sandbox.merchant.p12Password.length).toBeGreaterThan(8);
		// PKCS#12 is a DER SEQUENCE.
		expect(Buffer.from(sandbox.merchant.p12Base64, 'base64')[0]).toBe(0x30);
	});

	test('create and get are accepted', async () => {
		const created = await post(token());
		expect(created.status).toBe(201);
		expect(lastEntry(sandbox)).toMatchObject({
			verdict: 'ok',
			authMode: 'jwtRS256',
			merchantId: 'sandbox_merchant',
		});
		const path = `/invoicing/v2/invoices/${created.json.id}`;
		const got = await bearer(
			sandbox,
			token({ method: 'GET', resourcePath: path, body: undefined }),
			{ method: 'GET', path, host },
		);
		expect(got.status).toBe(200);
		expect(got.json.id).toBe(created.json.id);
	});

	test('wrong kid', async () => {
		await expectRejected(
			sandbox,
			await post(token({ kid: '1234' })),
			'auth: unknown jwt kid "1234" (no certificate with that serialNumber)',
		);
	});

	test('wrong private key', async () => {
		const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
		await expectRejected(
			sandbox,
			await post(token({ privateKeyPem: pem })),
			'auth: jwt signature mismatch',
		);
	});

	test('expired', async () => {
		await expectRejected(
			sandbox,
			await post(token({ iat: nowSeconds() - 600 })),
			'auth: jwt expired',
		);
	});

	test('wrong path', async () => {
		await expectRejected(
			sandbox,
			await post(token({ resourcePath: '/invoicing/v2/invoiceSettings' })),
			'auth: jwt request-resource-path "/invoicing/v2/invoiceSettings" does not match the request',
		);
	});

	test('signed for another merchant', async () => {
		await expectRejected(
			sandbox,
			await post(token({ merchantId: 'other', issuer: 'sandbox_merchant' })),
			'auth: key belongs to merchant "sandbox_merchant", not "other"',
		);
		await expectRejected(
			sandbox,
			await post(token({ merchantId: 'other', issuer: 'other' })),
			'auth: jwt iss "other" should be "sandbox_merchant"',
		);
	});

	test('legacy v1 token (x5c, iat date string, digestAlgorithm) is accepted leniently', async () => {
		const body = JSON.stringify(invoiceBody());
		const { X509Certificate } = await import('node:crypto');
		const x5c = new X509Certificate(sandbox.merchant.certificatePem).raw.toString('base64');
		const head = Buffer.from(
			JSON.stringify({
				alg: 'RS256',
				typ: 'JWT',
				'v-c-merchant-id': 'sandbox_merchant',
				x5c: [x5c],
			}),
		).toString('base64url');
		const claims = {
			digest: createHash('sha256').update(body).digest('base64'),
			digestAlgorithm: 'SHA-256',
			iat: new Date().toUTCString(),
		};
		const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
		const signature = rsaSign(
			'RSA-SHA256',
			Buffer.from(`${head}.${payload}`),
			sandbox.merchant.privateKeyPem,
		);
		const jwt = `${head}.${payload}.${signature.toString('base64url')}`;
		const response = await bearer(sandbox, jwt, {
			method: 'POST',
			path: '/invoicing/v2/invoices',
			body,
			host,
			headers: { 'v-c-merchant-id': 'sandbox_merchant' },
		});
		expect(response.status).toBe(201);
		const tampered = await bearer(sandbox, jwt, {
			method: 'POST',
			path: '/invoicing/v2/invoices',
			body: body.replace('Tanya', 'Tanyb'),
			host,
			headers: { 'v-c-merchant-id': 'sandbox_merchant' },
		});
		expect(tampered.status).toBe(401);
		expect(lastEntry(sandbox).verdict).toBe('auth: jwt digest mismatch');
	});

	test('HS256 with the merchant shared secret also works on the real clock', async () => {
		const jwt = jwtHs256({
			method: 'GET',
			resourcePath: '/invoicing/v2/invoices?offset=0&limit=5',
			host,
			merchantId: 'sandbox_merchant',
			iat: nowSeconds(),
			kid: sandbox.merchant.keyId,
			secret: sandbox.merchant.sharedSecret,
		});
		const response = await bearer(sandbox, jwt, {
			method: 'GET',
			path: '/invoicing/v2/invoices?offset=0&limit=5',
			host,
		});
		expect(response.status).toBe(200);
	});
});
