/** The documented HTTP Signature worked examples replayed byte for byte, and every tampered variant rejected with its reason. */

import type { Sandbox } from '../index';
import { RawResponse, digestOf, rawRequest, signHttp } from '../client';
import { VECTOR, startQuiet, vectorSandboxOptions } from './helpers';

const CREATE_HEADERS = 'host date request-target digest v-c-merchant-id';
const GET_HEADERS = 'host date request-target v-c-merchant-id';
const AUTH_FAILED = { response: { rmsg: 'Authentication Failed' } };

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
		headers.digest =
			vector.digest ?? (vector.body === '{}' ? VECTOR.digestEmptyObject : VECTOR.digestB);
		headers['content-type'] = 'application/json;charset=utf-8';
	}
	return rawRequest(sandbox.url, {
		method: vector.method,
		path: vector.path,
		headers,
		body: vector.body,
	});
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

function lastEntry() {
	const entries = sandbox.requests();
	return entries[entries.length - 1];
}

async function expectRejected(response: RawResponse, verdict: string): Promise<void> {
	expect(response.status).toBe(401);
	expect(response.json).toEqual(AUTH_FAILED);
	expect(lastEntry().status).toBe(401);
	expect(lastEntry().verdict).toBe(verdict);
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
		expect(lastEntry()).toMatchObject({
			verdict: 'ok',
			status: 201,
			merchantId: VECTOR.merchantId,
			authMode: 'httpSignature',
			path: '/invoicing/v2/invoices',
			body: VECTOR.bodyB,
		});
		expect(lastEntry().headers.host).toBe(VECTOR.host);
	});

	test('list (GET with query)', async () => {
		const response = await vectorRequest(sandbox, V.list);
		expect(response.status).toBe(200);
		expect(response.json.totalInvoices).toBe(0); // nothing is DRAFT
		expect(lastEntry().verdict).toBe('ok');
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
		expect(lastEntry()).toMatchObject({ verdict: 'ok', merchantId: VECTOR.merchantId });
	});

	test('a fresh signature with v-c-date instead of date is accepted', async () => {
		const headers = signHttp({
			method: 'GET',
			path: '/invoicing/v2/invoices/98753',
			host: VECTOR.host,
			date: VECTOR.date,
			keyId: VECTOR.keyId,
			secret: VECTOR.secret,
			signedMerchantId: VECTOR.merchantId,
			dateHeader: 'v-c-date',
		});
		const response = await rawRequest(sandbox.url, {
			method: 'GET',
			path: '/invoicing/v2/invoices/98753',
			headers,
		});
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
		await expectRejected(await vectorRequest(sandbox, vector), verdict);
	});

	test('date outside the 15 minute window (correctly signed)', async () => {
		const date = new Date(Date.parse(VECTOR.date) - 16 * 60 * 1000).toUTCString();
		const headers = signHttp({
			method: 'GET',
			path: '/invoicing/v2/invoices/98753',
			host: VECTOR.host,
			date,
			keyId: VECTOR.keyId,
			secret: VECTOR.secret,
			signedMerchantId: VECTOR.merchantId,
		});
		await expectRejected(
			await rawRequest(sandbox.url, {
				method: 'GET',
				path: '/invoicing/v2/invoices/98753',
				headers,
			}),
			'auth: date outside the 15 minute window',
		);
	});

	test('a date 14 minutes off is still accepted', async () => {
		const date = new Date(Date.parse(VECTOR.date) + 14 * 60 * 1000).toUTCString();
		const headers = signHttp({
			method: 'GET',
			path: '/invoicing/v2/invoices/98753',
			host: VECTOR.host,
			date,
			keyId: VECTOR.keyId,
			secret: VECTOR.secret,
			signedMerchantId: VECTOR.merchantId,
		});
		const response = await rawRequest(sandbox.url, {
			method: 'GET',
			path: '/invoicing/v2/invoices/98753',
			headers,
		});
		expect(response.status).toBe(200);
	});

	test("a merchant key used for another merchant's MID (correctly signed)", async () => {
		const headers = signHttp({
			method: 'GET',
			path: '/invoicing/v2/invoices/98753',
			host: VECTOR.host,
			date: VECTOR.date,
			keyId: VECTOR.keyId,
			secret: VECTOR.secret,
			signedMerchantId: 'sandbox_merchant',
		});
		await expectRejected(
			await rawRequest(sandbox.url, {
				method: 'GET',
				path: '/invoicing/v2/invoices/98753',
				headers,
			}),
			'auth: key belongs to merchant "mock_merchant", not "sandbox_merchant"',
		);
	});

	test('a meta key for a merchant outside its portfolio', async () => {
		const headers = signHttp({
			method: 'GET',
			path: '/invoicing/v2/invoices',
			host: VECTOR.host,
			date: VECTOR.date,
			keyId: VECTOR.keyId,
			secret: VECTOR.secret,
			signedMerchantId: VECTOR.portfolioId,
			headerMerchantId: 'sandbox_merchant',
		});
		await expectRejected(
			await rawRequest(sandbox.url, { method: 'GET', path: '/invoicing/v2/invoices', headers }),
			'auth: merchant "sandbox_merchant" is not in portfolio "mock_portfolio"',
		);
	});

	test('unsupported algorithm', async () => {
		const headers = signHttp({
			method: 'GET',
			path: '/invoicing/v2/invoices/98753',
			host: VECTOR.host,
			date: VECTOR.date,
			keyId: VECTOR.keyId,
			secret: VECTOR.secret,
			signedMerchantId: VECTOR.merchantId,
		});
		headers.signature = headers.signature.replace('HmacSHA256', 'HmacSHA1');
		await expectRejected(
			await rawRequest(sandbox.url, {
				method: 'GET',
				path: '/invoicing/v2/invoices/98753',
				headers,
			}),
			'auth: unsupported algorithm "HmacSHA1"',
		);
	});

	test('signed header missing from the request', async () => {
		const { host: _host, ...headers } = signHttp({
			method: 'GET',
			path: '/invoicing/v2/invoices/98753',
			host: VECTOR.host,
			date: VECTOR.date,
			keyId: VECTOR.keyId,
			secret: VECTOR.secret,
			signedMerchantId: VECTOR.merchantId,
		});
		void _host;
		// node:http then sends its own Host (127.0.0.1:port), which was not what was signed.
		await expectRejected(
			await rawRequest(sandbox.url, {
				method: 'GET',
				path: '/invoicing/v2/invoices/98753',
				headers,
			}),
			'auth: signature mismatch',
		);
	});

	test('no credentials at all', async () => {
		await expectRejected(
			await rawRequest(sandbox.url, {
				method: 'GET',
				path: '/invoicing/v2/invoices?offset=0&limit=1',
			}),
			'auth: no signature header or bearer token',
		);
	});

	test('unknown routes are authenticated first, then 404', async () => {
		await expectRejected(
			await rawRequest(sandbox.url, { method: 'GET', path: '/pts/v2/payments' }),
			'auth: no signature header or bearer token',
		);
		const headers = signHttp({
			method: 'GET',
			path: '/pts/v2/payments',
			host: VECTOR.host,
			date: VECTOR.date,
			keyId: VECTOR.keyId,
			secret: VECTOR.secret,
			signedMerchantId: VECTOR.merchantId,
		});
		const response = await rawRequest(sandbox.url, {
			method: 'GET',
			path: '/pts/v2/payments',
			headers,
		});
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
	const base = {
		method: 'GET',
		path: '/invoicing/v2/invoices?offset=0&limit=10&status=DRAFT',
		host: VECTOR.host,
		date: VECTOR.date,
		keyId: VECTOR.keyId,
		secret: VECTOR.secret,
		signedMerchantId: VECTOR.merchantId,
	};

	test('secret used as text instead of base64-decoded', async () => {
		const { createHmac } = await import('node:crypto');
		const lines = [
			`host: ${VECTOR.host}`,
			`date: ${VECTOR.date}`,
			`request-target: get ${base.path}`,
			`v-c-merchant-id: ${VECTOR.merchantId}`,
		];
		const signature = createHmac('sha256', VECTOR.secret).update(lines.join('\n')).digest('base64');
		await expectRejected(
			await vectorRequest(sandbox, { ...V.list, signature }),
			'auth: signature mismatch (it would match with the shared secret used as text, not base64-decoded)',
		);
	});

	test('query string left out of request-target', async () => {
		const headers = signHttp({ ...base, path: '/invoicing/v2/invoices' });
		await expectRejected(
			await rawRequest(sandbox.url, { method: 'GET', path: base.path, headers }),
			'auth: signature mismatch (it would match with request-target without the query string)',
		);
	});

	test('host signed without the port the client actually sent', async () => {
		const headers = signHttp(base);
		headers.host = `${VECTOR.host}:8443`;
		await expectRejected(
			await rawRequest(sandbox.url, { method: 'GET', path: base.path, headers }),
			'auth: signature mismatch (it would match with host without its port)',
		);
	});
});
