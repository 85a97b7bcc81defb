/** JWT v2 (RS256 and HS256): the HS256 vectors, tampering, RS256 with the merchant's certificate, and v1 leniency. */

import { createHash, generateKeyPairSync, sign as rsaSign } from 'node:crypto';
import type { Sandbox } from '../index';
import { RawResponse, invoiceBody, jwtHs256, jwtRs256, rawRequest } from '../client';
import { VECTOR, startQuiet, vectorSandboxOptions } from './helpers';

const CREATE_TOKEN =
	'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiIsImtpZCI6IjExMTExMTExLTIyMjItMzMzMy00NDQ0LTU1NTU1NTU1NTU1NSJ9.eyJkaWdlc3QiOiJ1N1ErTmhreU1iY0t4MWhqWjRKM3pjTmlJeEFMYzBRTmF0S2JQajFsZGJZPSIsImRpZ2VzdC1hbGdvcml0aG0iOiJTSEEtMjU2IiwiaWF0IjoxNTYzNDA5MDgzLCJleHAiOjE1NjM0MDkyMDMsInJlcXVlc3QtaG9zdCI6ImFwaXRlc3QuY3liZXJzb3VyY2UuY29tIiwicmVxdWVzdC1yZXNvdXJjZS1wYXRoIjoiL2ludm9pY2luZy92Mi9pbnZvaWNlcyIsInJlcXVlc3QtbWV0aG9kIjoicG9zdCIsImlzcyI6Im1vY2tfbWVyY2hhbnQiLCJqdGkiOiIwMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDAiLCJ2LWMtand0LXZlcnNpb24iOiIyIiwidi1jLW1lcmNoYW50LWlkIjoibW9ja19tZXJjaGFudCJ9.dNer-I70mkgu-tf5m8ZT7NaJJ9DYR_YrMlOnxgs2a9w';
const LIST_TOKEN =
	'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiIsImtpZCI6IjExMTExMTExLTIyMjItMzMzMy00NDQ0LTU1NTU1NTU1NTU1NSJ9.eyJpYXQiOjE1NjM0MDkwODMsImV4cCI6MTU2MzQwOTIwMywicmVxdWVzdC1ob3N0IjoiYXBpdGVzdC5jeWJlcnNvdXJjZS5jb20iLCJyZXF1ZXN0LXJlc291cmNlLXBhdGgiOiIvaW52b2ljaW5nL3YyL2ludm9pY2VzP29mZnNldD0wJmxpbWl0PTEwJnN0YXR1cz1EUkFGVCIsInJlcXVlc3QtbWV0aG9kIjoiZ2V0IiwiaXNzIjoibW9ja19tZXJjaGFudCIsImp0aSI6IjAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMSIsInYtYy1qd3QtdmVyc2lvbiI6IjIiLCJ2LWMtbWVyY2hhbnQtaWQiOiJtb2NrX21lcmNoYW50In0.EAzRYB23HwS2-cMdfbA6kUpUjWmE8G8KPw5amexMdys';
const LIST_PATH = '/invoicing/v2/invoices?offset=0&limit=10&status=DRAFT';
const AUTH_FAILED = { response: { rmsg: 'Authentication Failed' } };

interface BearerRequest {
	method: string;
	path: string;
	body?: string;
	host?: string;
	headers?: Record<string, string>;
}

function bearer(sandbox: Sandbox, token: string, opts: BearerRequest): Promise<RawResponse> {
	const headers: Record<string, string> = {
		host: opts.host ?? VECTOR.host,
		authorization: `Bearer ${token}`,
		...opts.headers,
	};
	if (opts.body !== undefined) headers['content-type'] = 'application/json;charset=utf-8';
	return rawRequest(sandbox.url, {
		method: opts.method,
		path: opts.path,
		headers,
		body: opts.body,
	});
}

function lastEntry(sandbox: Sandbox) {
	const entries = sandbox.requests();
	return entries[entries.length - 1];
}

async function expectRejected(
	sandbox: Sandbox,
	response: RawResponse,
	verdict: string,
): Promise<void> {
	expect(response.status).toBe(401);
	expect(response.json).toEqual(AUTH_FAILED);
	expect(lastEntry(sandbox).verdict).toBe(verdict);
}

describe('HS256 (documented vectors, fixed clock)', () => {
	let sandbox: Sandbox;
	const vectorJwt = (overrides: Partial<Parameters<typeof jwtHs256>[0]> = {}) =>
		jwtHs256({
			method: 'GET',
			resourcePath: '/invoicing/v2/invoices?offset=0&limit=1',
			host: VECTOR.host,
			merchantId: VECTOR.merchantId,
			iat: VECTOR.iat,
			kid: VECTOR.keyId,
			secret: VECTOR.secret,
			...overrides,
		});

	beforeAll(async () => {
		sandbox = await startQuiet(vectorSandboxOptions());
	});
	afterAll(() => sandbox.close());

	test('create vector is accepted', async () => {
		const response = await bearer(sandbox, CREATE_TOKEN, {
			method: 'POST',
			path: '/invoicing/v2/invoices',
			body: VECTOR.bodyB,
		});
		expect(response.status).toBe(201);
		expect(response.json.status).toBe('SENT');
		expect(lastEntry(sandbox)).toMatchObject({
			verdict: 'ok',
			authMode: 'jwtHS256',
			merchantId: VECTOR.merchantId,
		});
	});

	test('list vector (resource path with query) is accepted', async () => {
		const response = await bearer(sandbox, LIST_TOKEN, { method: 'GET', path: LIST_PATH });
		expect(response.status).toBe(200);
		expect(response.json.totalInvoices).toBe(0);
	});

	test('resource path without the query string is accepted too', async () => {
		const token = vectorJwt({ resourcePath: '/invoicing/v2/invoices' });
		const response = await bearer(sandbox, token, {
			method: 'GET',
			path: '/invoicing/v2/invoices?offset=0&limit=1',
		});
		expect(response.status).toBe(200);
	});

	test('a matching v-c-merchant-id header is fine', async () => {
		const response = await bearer(sandbox, LIST_TOKEN, {
			method: 'GET',
			path: LIST_PATH,
			headers: { 'v-c-merchant-id': VECTOR.merchantId },
		});
		expect(response.status).toBe(200);
	});

	test('meta key: iss = portfolio, v-c-merchant-id = member MID', async () => {
		const token = vectorJwt({ issuer: VECTOR.portfolioId });
		const response = await bearer(sandbox, token, {
			method: 'GET',
			path: '/invoicing/v2/invoices?offset=0&limit=1',
		});
		expect(response.status).toBe(200);
		expect(lastEntry(sandbox).merchantId).toBe(VECTOR.merchantId);
	});

	test('request-host compared with and without port', async () => {
		const path = '/invoicing/v2/invoices?offset=0&limit=1';
		expect(
			(await bearer(sandbox, vectorJwt(), { method: 'GET', path, host: `${VECTOR.host}:443` }))
				.status,
		).toBe(200);
		const withPort = vectorJwt({ host: `${VECTOR.host}:443` });
		expect((await bearer(sandbox, withPort, { method: 'GET', path })).status).toBe(200);
		const otherPort = vectorJwt({ host: `${VECTOR.host}:8443` });
		await expectRejected(
			sandbox,
			await bearer(sandbox, otherPort, { method: 'GET', path, host: `${VECTOR.host}:443` }),
			'auth: jwt request-host "apitest.cybersource.com:8443" does not match Host "apitest.cybersource.com:443"',
		);
	});

	// Each row: a documented token sent with one thing about the request changed, and the verdict.
	const REPLAYED: Array<[string, string, BearerRequest, string]> = [
		['one byte of the body changed', CREATE_TOKEN, { method: 'POST', path: '/invoicing/v2/invoices', body: VECTOR.bodyB.replace('Tanya', 'Tanyb') }, 'auth: jwt digest mismatch'],
		['query changed', LIST_TOKEN, { method: 'GET', path: '/invoicing/v2/invoices?offset=0&limit=11&status=DRAFT' }, 'auth: jwt request-resource-path "/invoicing/v2/invoices?offset=0&limit=10&status=DRAFT" does not match the request'],
		['path changed', CREATE_TOKEN, { method: 'POST', path: '/invoicing/v2/invoices/1/delivery', body: VECTOR.bodyB }, 'auth: jwt request-resource-path "/invoicing/v2/invoices" does not match the request'],
		['method changed', CREATE_TOKEN, { method: 'PUT', path: '/invoicing/v2/invoices', body: VECTOR.bodyB }, 'auth: jwt request-method "post" does not match PUT'],
		['Host changed', LIST_TOKEN, { method: 'GET', path: LIST_PATH, host: 'api.cybersource.com' }, 'auth: jwt request-host "apitest.cybersource.com" does not match Host "api.cybersource.com"'],
		['v-c-merchant-id header disagrees with the claim', LIST_TOKEN, { method: 'GET', path: LIST_PATH, headers: { 'v-c-merchant-id': 'sandbox_merchant' } }, 'auth: v-c-merchant-id header "sandbox_merchant" does not match the jwt claim "mock_merchant"'],
	];
	test.each(REPLAYED)('%s', async (_change, token, request, verdict) => {
		await expectRejected(sandbox, await bearer(sandbox, token, request), verdict);
	});

	test('payload claim edited without re-signing', async () => {
		const [head, payload, signature] = LIST_TOKEN.split('.');
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
		claims['request-resource-path'] = '/invoicing/v2/invoices?offset=0&limit=1000&status=DRAFT';
		const forged = `${head}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
		await expectRejected(
			sandbox,
			await bearer(sandbox, forged, {
				method: 'GET',
				path: '/invoicing/v2/invoices?offset=0&limit=1000&status=DRAFT',
			}),
			'auth: jwt signature mismatch',
		);
	});

	test('reached under the sandbox address, request-host may name a Cybersource API host, nothing else', async () => {
		const path = '/invoicing/v2/invoices?offset=0&limit=1';
		const own = new URL(sandbox.url).host;
		for (const claimed of ['apitest.cybersource.com', 'API.visaacceptance.com:443', own]) {
			const response = await bearer(sandbox, vectorJwt({ host: claimed }), { method: 'GET', path, host: own });
			expect([claimed, response.status]).toEqual([claimed, 200]);
		}
		for (const claimed of ['evil.example.com', 'apitest.cybersource.com:8443', 'apitest.cybersource.com.evil.example']) {
			await expectRejected(
				sandbox,
				await bearer(sandbox, vectorJwt({ host: claimed }), { method: 'GET', path, host: own }),
				`auth: jwt request-host "${claimed}" does not match Host "${own}"`,
			);
		}
	});

	// Each row: a token signed with one claim or key changed, for a plain list request, and the verdict.
	const SIGNED_WRONG: Array<[string, Partial<Parameters<typeof jwtHs256>[0]>, string]> = [
		['expired', { iat: VECTOR.iat - 300, exp: VECTOR.iat - 180 }, 'auth: jwt expired'],
		['iat far in the future', { iat: VECTOR.iat + 3600 }, 'auth: jwt iat in the future'],
		['unknown kid', { kid: '99999999-2222-3333-4444-555555555555' }, 'auth: unknown jwt kid "99999999-2222-3333-4444-555555555555"'],
		['wrong secret', { secret: Buffer.from('another secret of 32 bytes......').toString('base64') }, 'auth: jwt signature mismatch'],
		['iss is neither the merchant nor its portfolio', { issuer: 'someone_else' }, 'auth: jwt iss "someone_else" should be "mock_portfolio"'],
	];
	test.each(SIGNED_WRONG)('%s', async (_change, claims, verdict) => {
		const request = { method: 'GET', path: '/invoicing/v2/invoices?offset=0&limit=1' };
		await expectRejected(sandbox, await bearer(sandbox, vectorJwt(claims), request), verdict);
	});

	test('alg none and malformed tokens', async () => {
		const head = Buffer.from(JSON.stringify({ alg: 'none', kid: VECTOR.keyId })).toString(
			'base64url',
		);
		const payload = LIST_TOKEN.split('.')[1];
		await expectRejected(
			sandbox,
			await bearer(sandbox, `${head}.${payload}.`, { method: 'GET', path: LIST_PATH }),
			'auth: unsupported jwt alg "none"',
		);
		await expectRejected(
			sandbox,
			await bearer(sandbox, 'not-a-jwt', { method: 'GET', path: LIST_PATH }),
			'auth: malformed jwt',
		);
	});

	test('an HS256 token without v-c-jwt-version is not a valid v1 token', async () => {
		const token = vectorJwt({ extraClaims: { 'v-c-jwt-version': undefined } });
		await expectRejected(
			sandbox,
			await bearer(sandbox, token, {
				method: 'GET',
				path: '/invoicing/v2/invoices?offset=0&limit=1',
			}),
			'auth: jwt without v-c-jwt-version "2" must be a v1 RS256 token',
		);
	});
});

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

test('JWT HS256 signed with the secret text gets a hint', async () => {
	const sandbox = await startQuiet(vectorSandboxOptions());
	try {
		const path = '/invoicing/v2/invoices?offset=0&limit=1';
		const token = jwtHs256({
			method: 'GET',
			resourcePath: path,
			host: VECTOR.host,
			merchantId: VECTOR.merchantId,
			iat: VECTOR.iat,
			kid: VECTOR.keyId,
			// The helper base64-decodes its secret: hand it the base64 of the text so the key is the text.
			secret: Buffer.from(VECTOR.secret, 'utf8').toString('base64'),
		});
		await expectRejected(
			sandbox,
			await bearer(sandbox, token, { method: 'GET', path }),
			'auth: jwt signature mismatch (it would match with the shared secret used as text, not base64-decoded)',
		);
	} finally {
		await sandbox.close();
	}
});
