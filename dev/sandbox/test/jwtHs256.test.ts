/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** JWT v2 HS256: the documented vectors replayed, every tampered variant rejected with its reason, and the secret-as-text hint. */

import type { Sandbox } from '../index';
import { jwtHs256 } from '../client';
import { bearer, expectRejected, lastEntry, type BearerRequest } from './authFixtures';
import { VECTOR, startQuiet, vectorSandboxOptions } from './helpers';

const CREATE_TOKEN =
	'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiIsImtpZCI6IjExMTExMTExLTIyMjItMzMzMy00NDQ0LTU1NTU1NTU1NTU1NSJ9.eyJkaWdlc3QiOiJ1N1ErTmhreU1iY0t4MWhqWjRKM3pjTmlJeEFMYzBRTmF0S2JQajFsZGJZPSIsImRpZ2VzdC1hbGdvcml0aG0iOiJTSEEtMjU2IiwiaWF0IjoxNTYzNDA5MDgzLCJleHAiOjE1NjM0MDkyMDMsInJlcXVlc3QtaG9zdCI6ImFwaXRlc3QuY3liZXJzb3VyY2UuY29tIiwicmVxdWVzdC1yZXNvdXJjZS1wYXRoIjoiL2ludm9pY2luZy92Mi9pbnZvaWNlcyIsInJlcXVlc3QtbWV0aG9kIjoicG9zdCIsImlzcyI6Im1vY2tfbWVyY2hhbnQiLCJqdGkiOiIwMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDAiLCJ2LWMtand0LXZlcnNpb24iOiIyIiwidi1jLW1lcmNoYW50LWlkIjoibW9ja19tZXJjaGFudCJ9.dNer-I70mkgu-tf5m8ZT7NaJJ9DYR_YrMlOnxgs2a9w';
const LIST_TOKEN =
	'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiIsImtpZCI6IjExMTExMTExLTIyMjItMzMzMy00NDQ0LTU1NTU1NTU1NTU1NSJ9.eyJpYXQiOjE1NjM0MDkwODMsImV4cCI6MTU2MzQwOTIwMywicmVxdWVzdC1ob3N0IjoiYXBpdGVzdC5jeWJlcnNvdXJjZS5jb20iLCJyZXF1ZXN0LXJlc291cmNlLXBhdGgiOiIvaW52b2ljaW5nL3YyL2ludm9pY2VzP29mZnNldD0wJmxpbWl0PTEwJnN0YXR1cz1EUkFGVCIsInJlcXVlc3QtbWV0aG9kIjoiZ2V0IiwiaXNzIjoibW9ja19tZXJjaGFudCIsImp0aSI6IjAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMSIsInYtYy1qd3QtdmVyc2lvbiI6IjIiLCJ2LWMtbWVyY2hhbnQtaWQiOiJtb2NrX21lcmNoYW50In0.EAzRYB23HwS2-cMdfbA6kUpUjWmE8G8KPw5amexMdys';
const LIST_PATH = '/invoicing/v2/invoices?offset=0&limit=10&status=DRAFT';

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
