/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** The documented HTTP Signature worked examples replayed byte for byte, and every tampered variant rejected with its reason. */

import type { Sandbox } from '../index';
import { RawResponse, digestOf, rawRequest, signHttp, type HttpSigInput } from '../client';
import { expectRejected, lastEntry } from './authFixtures';
import { VECTOR, startQuiet, vectorSandboxOptions } from './helpers';

const CREATE_HEADERS = 'host date request-target digest v-c-merchant-id';
const GET_HEADERS = 'host date request-target v-c-merchant-id';

interface Vector {
	method: string;
	path: string;
	body?: string;
	headerList: string;
	signature: string;
	merchantHeader?: string;
	date?: string;
	keyId?: string;
	digest?: string;
}

function vectorRequest(sandbox: Sandbox, vector: Vector): Promise<RawResponse> {
	const headers: Record<string, string> = {
		host: VECTOR.host,
		date: vector.date ?? VECTOR.date,
		'v-c-merchant-id': vector.merchantHeader ?? VECTOR.merchantId,
		signature: `keyid="${vector.keyId ?? VECTOR.keyId}", algorithm="HmacSHA256", headers="${vector.headerList}", signature="${vector.signature}"`,
	};
	if (vector.body !== undefined) {
		headers.digest = vector.digest ?? (vector.body === '{}' ? VECTOR.digestEmptyObject : VECTOR.digestB);
		headers['content-type'] = 'application/json;charset=utf-8';
	}
	return rawRequest(sandbox.url, { method: vector.method, path: vector.path, headers, body: vector.body });
}

const V = {
	create: {
		method: 'POST',
		path: '/invoicing/v2/invoices',
		body: VECTOR.bodyB,
		headerList: CREATE_HEADERS,
		signature: 'j7QcpSDl0zA5n/xAtpc/RQVMU/t4Bj2oTej84iBfiVM=',
	},
	list: {
		method: 'GET',
		path: '/invoicing/v2/invoices?offset=0&limit=10&status=DRAFT',
		headerList: GET_HEADERS,
		signature: 'ZB47QJ2HsIkACBla2TO18Lfjok2peOu87Ymun9FgrT4=',
	},
	get: {
		method: 'GET',
		path: '/invoicing/v2/invoices/98753',
		headerList: GET_HEADERS,
		signature: 'zxr+hQbhaP+A7IbAeuxk/4nWl/4V/LVwSvZfQ4idqjg=',
	},
	send: {
		method: 'POST',
		path: '/invoicing/v2/invoices/98753/delivery',
		body: '{}',
		headerList: CREATE_HEADERS,
		signature: 'an7CPcelxpbi9RDcHTiPx7D/FNjYwCSYQ2Q43bElGnM=',
	},
	update: {
		method: 'PUT',
		path: '/invoicing/v2/invoices/98753',
		body: VECTOR.bodyB,
		headerList: CREATE_HEADERS,
		signature: 'ccdEOda3dGBdE6wIDrgpYUZB4P8hW9ypD2jqv/UWpQ8=',
	},
	metaCreate: {
		method: 'POST',
		path: '/invoicing/v2/invoices',
		body: VECTOR.bodyB,
		headerList: CREATE_HEADERS,
		signature: 'rCCIEIG+bNTryIglj83euoXQWblxEW0g9/VthrC5mQM=',
	},
	legacy: {
		method: 'POST',
		path: '/invoicing/v2/invoices',
		body: VECTOR.bodyB,
		headerList: 'host date (request-target) digest v-c-merchant-id',
		signature: 'kVrb80uSDOKHBL2mAEWrQ8WG3ZEuwgSDgRDTFfvQoYs=',
	},
} satisfies Record<string, Vector>;

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startQuiet(vectorSandboxOptions());
});
afterAll(() => sandbox.close());

/** A GET correctly signed with the worked examples' key (a single invoice unless `changes` say otherwise). */
function signedGet(changes: Partial<HttpSigInput> = {}): { path: string; headers: Record<string, string> } {
	const input: HttpSigInput = {
		method: 'GET',
		path: '/invoicing/v2/invoices/98753',
		host: VECTOR.host,
		date: VECTOR.date,
		keyId: VECTOR.keyId,
		secret: VECTOR.secret,
		signedMerchantId: VECTOR.merchantId,
		...changes,
	};
	return { path: input.path, headers: signHttp(input) };
}

function send(request: { path: string; headers: Record<string, string> }): Promise<RawResponse> {
	return rawRequest(sandbox.url, { method: 'GET', ...request });
}

describe('the documented worked examples are accepted', () => {
	beforeAll(() => {
		sandbox.reset();
		sandbox.seed(1, {
			merchantId: VECTOR.merchantId,
			status: 'SENT',
			template: { invoiceInformation: { invoiceNumber: '98753' } },
		});
	});

	test('create (POST, body B)', async () => {
		const response = await vectorRequest(sandbox, V.create);
		expect(response.status).toBe(201);
		expect(response.json.status).toBe('SENT');
		expect(response.json.customerInformation).toEqual({
			name: 'Tanya Lee',
			email: 'tanya.lee@my-email.world',
		});
		expect(lastEntry(sandbox)).toMatchObject({
			verdict: 'ok',
			status: 201,
			merchantId: VECTOR.merchantId,
			authMode: 'httpSignature',
			path: '/invoicing/v2/invoices',
			body: VECTOR.bodyB,
		});
		expect(lastEntry(sandbox).headers.host).toBe(VECTOR.host);
	});

	test('list (GET with query)', async () => {
		const response = await vectorRequest(sandbox, V.list);
		expect(response.status).toBe(200);
		expect(response.json.totalInvoices).toBe(0); // nothing is DRAFT
		expect(lastEntry(sandbox).verdict).toBe('ok');
	});

	test('get (GET /98753)', async () => {
		const response = await vectorRequest(sandbox, V.get);
		expect(response.status).toBe(200);
		expect(response.json.id).toBe('98753');
	});

	test('send (POST body {})', async () => {
		const response = await vectorRequest(sandbox, V.send);
		expect(response.status).toBe(200);
		expect(response.json.status).toBe('SENT');
	});

	test('update (PUT body B)', async () => {
		const response = await vectorRequest(sandbox, V.update);
		expect(response.status).toBe(200);
		expect(response.json.invoiceInformation.dueDate).toBe('2019-07-11');
	});

	test('create with meta key (signed portfolio, header MID)', async () => {
		const response = await vectorRequest(sandbox, V.metaCreate);
		expect(response.status).toBe(201);
		expect(lastEntry(sandbox)).toMatchObject({ verdict: 'ok', merchantId: VECTOR.merchantId });
	});

	test('a fresh signature with v-c-date instead of date is accepted', async () => {
		const response = await send(signedGet({ dateHeader: 'v-c-date' }));
		expect(response.status).toBe(200);
	});
});

describe('rejections (401 + precise verdict)', () => {
	// Each row: one thing about a worked example changed, and the verdict the log must give.
	const changedBody = VECTOR.bodyB.replace('100.00', '900.00');
	const TAMPERED: Array<[string, Vector, string]> = [
		['legacy (request-target) row', V.legacy, 'auth: legacy "(request-target)" is no longer accepted; sign "request-target"'],
		['one byte of the body changed (digest header kept)', { ...V.create, body: VECTOR.bodyB.replace('Tanya', 'Tanyb'), digest: VECTOR.digestB }, 'auth: digest mismatch'],
		['body and digest both changed', { ...V.create, body: changedBody, digest: digestOf(changedBody) }, 'auth: signature mismatch'],
		['path changed', { ...V.get, path: '/invoicing/v2/invoices/98754' }, 'auth: signature mismatch'],
		['query changed', { ...V.list, path: '/invoicing/v2/invoices?offset=0&limit=11&status=DRAFT' }, 'auth: signature mismatch'],
		['query reordered', { ...V.list, path: '/invoicing/v2/invoices?limit=10&offset=0&status=DRAFT' }, 'auth: signature mismatch'],
		['date changed by one second', { ...V.get, date: 'Thu, 18 Jul 2019 00:18:04 GMT' }, 'auth: signature mismatch'],
		['key id changed', { ...V.get, keyId: '11111111-2222-3333-4444-555555555556' }, 'auth: unknown key id "11111111-2222-3333-4444-555555555556"'],
		['merchant id header changed', { ...V.get, merchantHeader: 'sandbox_merchant' }, 'auth: signature mismatch'],
		['parentheses added to a current signature list', { ...V.get, headerList: 'host date (request-target) v-c-merchant-id' }, 'auth: legacy "(request-target)" is no longer accepted; sign "request-target"'],
		['method changed (GET signature replayed as DELETE)', { ...V.get, method: 'DELETE' }, 'auth: signature mismatch'],
		['signature itself altered', { ...V.get, signature: 'zxr+hQbhaP+A7IbAeuxk/4nWl/4V/LVwSvZfQ4idqjh=' }, 'auth: signature mismatch'],
		['POST without digest in the signed list', { ...V.create, headerList: GET_HEADERS }, 'auth: digest not signed'],
	];
	test.each(TAMPERED)('%s', async (_change, vector, verdict) => {
		await expectRejected(sandbox, await vectorRequest(sandbox, vector), verdict);
	});

	const minutes = (n: number) => new Date(Date.parse(VECTOR.date) + n * 60 * 1000).toUTCString();
	// Each row: a request correctly signed, but with something the gateway refuses, and the verdict.
	const REFUSED: Array<[string, Partial<HttpSigInput>, string]> = [
		['date outside the 15 minute window (correctly signed)', { date: minutes(-16) }, 'auth: date outside the 15 minute window'],
		["a merchant key used for another merchant's MID (correctly signed)", { signedMerchantId: 'sandbox_merchant' }, 'auth: key belongs to merchant "mock_merchant", not "sandbox_merchant"'],
		['a meta key for a merchant outside its portfolio', { path: '/invoicing/v2/invoices', signedMerchantId: VECTOR.portfolioId, headerMerchantId: 'sandbox_merchant' }, 'auth: merchant "sandbox_merchant" is not in portfolio "mock_portfolio"'],
	];
	test.each(REFUSED)('%s', async (_case, changes, verdict) => {
		await expectRejected(sandbox, await send(signedGet(changes)), verdict);
	});

	test('a date 14 minutes off is still accepted', async () => {
		const response = await send(signedGet({ date: minutes(14) }));
		expect(response.status).toBe(200);
	});

	test('unsupported algorithm', async () => {
		const request = signedGet();
		request.headers.signature = request.headers.signature.replace('HmacSHA256', 'HmacSHA1');
		await expectRejected(sandbox, await send(request), 'auth: unsupported algorithm "HmacSHA1"');
	});

	test('signed header missing from the request', async () => {
		const { path, headers } = signedGet();
		const { host: _host, ...withoutHost } = headers;
		// node:http then sends its own Host (127.0.0.1:port), which was not what was signed.
		await expectRejected(sandbox, await send({ path, headers: withoutHost }), 'auth: signature mismatch');
	});

	test('no credentials at all', async () => {
		await expectRejected(
			sandbox,
			await rawRequest(sandbox.url, {
				method: 'GET',
				path: '/invoicing/v2/invoices?offset=0&limit=1',
			}),
			'auth: no signature header or bearer token',
		);
	});

	test('unknown routes are authenticated first, then 404', async () => {
		await expectRejected(
			sandbox,
			await rawRequest(sandbox.url, { method: 'GET', path: '/pts/v2/payments' }),
			'auth: no signature header or bearer token',
		);
		const response = await send(signedGet({ path: '/pts/v2/payments' }));
		expect(response.status).toBe(404);
		expect(response.json).toEqual({
			submitTimeUtc: expect.stringMatching(/^2019-07-18T00:18:03\.\d{9}Z$/),
			status: 'NOTFOUND',
			reason: 'NOT_FOUND',
			message: 'The requested resource does not exist.',
		});
	});
});

describe('diagnostic hints for common client mistakes', () => {
	const LIST = '/invoicing/v2/invoices?offset=0&limit=10&status=DRAFT';

	test('secret used as text instead of base64-decoded', async () => {
		const { createHmac } = await import('node:crypto');
		const lines = [
			`host: ${VECTOR.host}`,
			`date: ${VECTOR.date}`,
			`request-target: get ${LIST}`,
			`v-c-merchant-id: ${VECTOR.merchantId}`,
		];
		const signature = createHmac('sha256', VECTOR.secret).update(lines.join('\n')).digest('base64');
		await expectRejected(
			sandbox,
			await vectorRequest(sandbox, { ...V.list, signature }),
			'auth: signature mismatch (it would match with the shared secret used as text, not base64-decoded)',
		);
	});

	test('query string left out of request-target', async () => {
		const { headers } = signedGet({ path: '/invoicing/v2/invoices' });
		await expectRejected(
			sandbox,
			await send({ path: LIST, headers }),
			'auth: signature mismatch (it would match with request-target without the query string)',
		);
	});

	test('host signed without the port the client actually sent', async () => {
		const request = signedGet({ path: LIST });
		request.headers.host = `${VECTOR.host}:8443`;
		await expectRejected(
			sandbox,
			await send(request),
			'auth: signature mismatch (it would match with host without its port)',
		);
	});
});
