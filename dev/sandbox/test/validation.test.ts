/** Request validation and error shapes: every maxLength of the field-limits table, required fields, formats, limits, duplicates, 404 (list query: listQuery.test.ts, update: update.test.ts). */

import type { Sandbox } from '../index';
import { Client, invoiceBody } from '../client';
import { sandboxPerFile } from './helpers';
import { FIXED_NOW, expectInvalid, setPath, withField, type Body } from './validationFixtures';

let sandbox: Sandbox;
let client: Client;

sandboxPerFile((started) => ({ sandbox, client } = started), { now: () => FIXED_NOW, clientClock: () => FIXED_NOW });

const create = (body: Body) => client.post('/invoicing/v2/invoices', body);

const text = (length: number) => 'x'.repeat(length);
const amount = (length: number) => `${'1'.repeat(length - 3)}.00`;
let uniq = 0;

const MAX_LENGTHS: Array<[string, number, (n: number) => string]> = [
	['clientReferenceInformation.partner.developerId', 8, text],
	['clientReferenceInformation.partner.solutionId', 8, text],
	['customerInformation.name', 100, text],
	['customerInformation.email', 255, (n) => `${'m'.repeat(n - 12)}@example.com`],
	['customerInformation.merchantCustomerId', 100, text],
	['customerInformation.company.name', 60, text],
	['invoiceInformation.invoiceNumber', 26, (n) => `${++uniq}`.padStart(n, 'N')],
	['invoiceInformation.transactionReferenceNumber', 40, text],
	['invoiceInformation.description', 2000, text],
	['orderInformation.amountDetails.totalAmount', 19, amount],
	['orderInformation.amountDetails.discountAmount', 15, amount],
	['orderInformation.amountDetails.discountPercent', 7, amount],
	['orderInformation.amountDetails.subAmount', 25, amount],
	['orderInformation.amountDetails.taxDetails.amount', 13, amount],
	['orderInformation.amountDetails.taxDetails.rate', 6, amount],
	['orderInformation.amountDetails.freight.amount', 13, amount],
	['orderInformation.amountDetails.freight.taxRate', 7, amount],
	['orderInformation.lineItems[0].productSku', 255, text],
	['orderInformation.lineItems[0].productName', 255, text],
	['orderInformation.lineItems[0].unitPrice', 15, amount],
	['orderInformation.lineItems[0].discountAmount', 13, amount],
	['orderInformation.lineItems[0].discountPercent', 6, amount],
	['orderInformation.lineItems[0].taxAmount', 15, amount],
	['orderInformation.lineItems[0].taxRate', 7, amount],
	['orderInformation.lineItems[0].totalAmount', 13, amount],
];

describe('maxLength of every field limits field', () => {
	test.each(MAX_LENGTHS)('%s ≤ %i', async (path, max, make) => {
		const ok = await create(withField(path, make(max)));
		expect(ok.status).toBe(201);
		await expectInvalid(await create(withField(path, make(max + 1))), [[path, 'INVALID_DATA']]);
	});

	test('currency: 3 letters', async () => {
		expect((await create(withField('orderInformation.amountDetails.currency', 'EUR'))).status).toBe(
			201,
		);
		for (const bad of ['EURO', 'E1R', 12]) {
			await expectInvalid(await create(withField('orderInformation.amountDetails.currency', bad)), [
				['orderInformation.amountDetails.currency', 'INVALID_DATA'],
			]);
		}
	});

	test('dueDate / expirationDate: max 10', async () => {
		await expectInvalid(await create(withField('invoiceInformation.dueDate', '2030-01-011')), [
			['invoiceInformation.dueDate', 'INVALID_DATA'],
		]);
	});
});

describe('required fields', () => {
	test.each([
		['invoiceInformation.description'],
		['invoiceInformation.dueDate'],
		['orderInformation.amountDetails.totalAmount'],
		['orderInformation.amountDetails.currency'],
		['orderInformation.amountDetails'],
		['orderInformation'],
		['invoiceInformation'],
		['orderInformation.lineItems[0].productName'],
		['orderInformation.lineItems[0].unitPrice'],
	])('%s', async (path) => {
		await expectInvalid(await create(withField(path, undefined)), [[path, 'MISSING_FIELD']]);
	});

	test('empty description counts as missing; several problems are reported together, in order', async () => {
		const body = withField('invoiceInformation.description', '');
		setPath(body, 'orderInformation.lineItems[0].quantity', 0);
		setPath(body, 'customerInformation.email', 'not-an-email');
		await expectInvalid(await create(body), [
			['customerInformation.email', 'INVALID_DATA'],
			['invoiceInformation.description', 'MISSING_FIELD'],
			['orderInformation.lineItems[0].quantity', 'INVALID_DATA'],
		]);
	});

	test('a body that is not JSON, or not an object', async () => {
		const { signHttp, rawRequest } = await import('../client');
		for (const body of ['{"invoiceInformation":', '[1,2]']) {
			const headers = signHttp({
				method: 'POST',
				path: '/invoicing/v2/invoices',
				body,
				host: new URL(sandbox.url).host,
				date: new Date(FIXED_NOW).toUTCString(),
				keyId: sandbox.merchant.keyId,
				secret: sandbox.merchant.sharedSecret,
				signedMerchantId: sandbox.merchant.merchantId,
			});
			const response = await rawRequest(sandbox.url, {
				method: 'POST',
				path: '/invoicing/v2/invoices',
				headers,
				body,
			});
			await expectInvalid(
				response,
				[['body', 'INVALID_DATA']],
				body.startsWith('[') ? 'Invalid request.' : 'Malformed JSON in request body.',
			);
		}
	});
});

describe('line items and quantities', () => {
	const item = { productName: 'W', unitPrice: '1.00', quantity: 1 };

	test('30 line items are fine, 31 are not', async () => {
		expect(
			(await create(withField('orderInformation.lineItems', Array(30).fill(item)))).status,
		).toBe(201);
		await expectInvalid(
			await create(withField('orderInformation.lineItems', Array(31).fill(item))),
			[['orderInformation.lineItems', 'INVALID_DATA']],
		);
	});

	test('quantity is an integer 1…999999999 (digit strings coerced), reported with its index', async () => {
		for (const good of [1, 999999999, '20']) {
			const items = [item, item, item, { ...item, quantity: good }];
			const response = await create(withField('orderInformation.lineItems', items));
			expect(response.status).toBe(201);
			expect(response.json.orderInformation.lineItems[3].quantity).toBe(Number(good));
		}
		for (const bad of [0, 1000000000, 1.5, -1, 'abc', true]) {
			const items = [item, item, item, { ...item, quantity: bad }];
			await expectInvalid(await create(withField('orderInformation.lineItems', items)), [
				['orderInformation.lineItems[3].quantity', 'INVALID_DATA'],
			]);
		}
	});

	test('omitted quantity defaults to 1', async () => {
		const response = await create(
			withField('orderInformation.lineItems', [{ productName: 'W', unitPrice: '2.00' }]),
		);
		expect(response.json.orderInformation.lineItems).toEqual([
			{ productName: 'W', quantity: 1, unitPrice: 2 },
		]);
	});

	test('line item discountPercent has at most 2 decimals', async () => {
		await expectInvalid(
			await create(withField('orderInformation.lineItems[0].discountPercent', '5.125')),
			[['orderInformation.lineItems[0].discountPercent', 'INVALID_DATA']],
		);
	});

	test('lineItems must be an array of objects', async () => {
		await expectInvalid(
			await create(withField('orderInformation.lineItems', { productName: 'W' })),
			[['orderInformation.lineItems', 'INVALID_DATA']],
		);
		await expectInvalid(await create(withField('orderInformation.lineItems', ['W'])), [
			['orderInformation.lineItems[0]', 'INVALID_DATA'],
		]);
	});
});

describe('dates', () => {
	test.each(['2030-02-30', '2031-02-29', '2030-13-01', '2030-1-01', '20300101', '30-01-2030', ''])(
		'dueDate %p is rejected',
		async (bad) => {
			await expectInvalid(await create(withField('invoiceInformation.dueDate', bad)), [
				['invoiceInformation.dueDate', bad === '' ? 'MISSING_FIELD' : 'INVALID_DATA'],
			]);
		},
	);

	test('a past dueDate is accepted (docs examples), a leap day too', async () => {
		expect((await create(withField('invoiceInformation.dueDate', '2019-07-11'))).status).toBe(201);
		expect((await create(withField('invoiceInformation.dueDate', '2032-02-29'))).status).toBe(201);
	});

	test('expirationDate may be today (sandbox clock, UTC) but not earlier', async () => {
		expect(
			(await create(withField('invoiceInformation.expirationDate', '2030-06-15'))).status,
		).toBe(201);
		await expectInvalid(
			await create(withField('invoiceInformation.expirationDate', '2030-06-14')),
			[['invoiceInformation.expirationDate', 'INVALID_DATA']],
		);
	});
});

describe('money and other formats', () => {
	test.each(['-1.00', '1,00', '1.', '.5', '1e3', 'abc', '+1', ' 1', -1, true])(
		'totalAmount %p is rejected',
		async (bad) => {
			await expectInvalid(
				await create(withField('orderInformation.amountDetails.totalAmount', bad)),
				[['orderInformation.amountDetails.totalAmount', 'INVALID_DATA']],
			);
		},
	);

	test.each([['0'], ['0.00'], ['12.05'], [12.05], [0], [293.5]])(
		'totalAmount %p is accepted',
		async (good) => {
			const response = await create(withField('orderInformation.amountDetails.totalAmount', good));
			expect(response.status).toBe(201);
			expect(response.json.orderInformation.amountDetails.totalAmount).toBe(Number(good));
		},
	);

	test('deliveryMode outside email/none', async () => {
		await expectInvalid(await create(withField('invoiceInformation.deliveryMode', 'sms')), [
			['invoiceInformation.deliveryMode', 'INVALID_DATA'],
		]);
	});

	test('booleans must be booleans', async () => {
		for (const path of [
			'invoiceInformation.sendImmediately',
			'invoiceInformation.allowPartialPayments',
			'processingInformation.requestPhone',
			'orderInformation.amountDetails.freight.taxable',
		]) {
			await expectInvalid(await create(withField(path, 'true')), [[path, 'INVALID_DATA']]);
		}
	});

	test('transactionReferenceNumber: letters and digits only', async () => {
		await expectInvalid(
			await create(withField('invoiceInformation.transactionReferenceNumber', 'AB-12')),
			[['invoiceInformation.transactionReferenceNumber', 'INVALID_DATA']],
		);
	});

	test('strings must be strings', async () => {
		await expectInvalid(await create(withField('customerInformation.name', 42)), [
			['customerInformation.name', 'INVALID_DATA'],
		]);
	});

	test('unknown fields are ignored and not echoed', async () => {
		const response = await create(withField('customerInformation.firstName', 'Tanya'));
		expect(response.status).toBe(201);
		expect(response.json.customerInformation.firstName).toBeUndefined();
	});
});

describe('duplicates and 404', () => {
	test('reusing an invoice number → DUPLICATE_RECORD', async () => {
		expect((await create(withField('invoiceInformation.invoiceNumber', 'DUP-1'))).status).toBe(201);
		const again = await create(withField('invoiceInformation.invoiceNumber', 'DUP-1'));
		expect(again.status).toBe(400);
		expect(again.json).toEqual({
			submitTimeUtc: expect.any(String),
			status: 'BADREQUEST',
			reason: 'DUPLICATE_RECORD',
			message: 'Duplicate invoice number.',
			details: [{ field: 'invoiceInformation.invoiceNumber', reason: 'DUPLICATE_RECORD' }],
		});
		const entries = sandbox.requests();
		expect(entries[entries.length - 1].verdict).toBe('validation: DUPLICATE_RECORD');
	});

	test('unknown invoice → 404 shape of not-found for GET and PUT', async () => {
		for (const response of [
			await client.get('/invoicing/v2/invoices/does-not-exist'),
			await client.put('/invoicing/v2/invoices/does-not-exist', invoiceBody()),
		]) {
			expect(response.status).toBe(404);
			expect(response.json).toEqual({
				submitTimeUtc: expect.stringMatching(/^2030-06-15T23:59:00\.\d{9}Z$/),
				status: 'NOTFOUND',
				reason: 'NOT_FOUND',
				message: 'Invoice does not exist.',
			});
		}
	});
});
