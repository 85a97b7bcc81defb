/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** Create modes (sendImmediately × deliveryMode), one test per row, plus the shape of the invoice resource. */

import type { Sandbox } from '../index';
import { Client } from '../client';
import { sandboxPerFile, startQuiet } from './helpers';

let sandbox: Sandbox;
let client: Client;

sandboxPerFile((started) => ({ sandbox, client } = started));

const events = (id: string): string[] =>
	(sandbox.getInvoice(id) as any).invoiceHistory.map((item: { event: string }) => item.event);

describe('create-mode rows', () => {
	test('sendImmediately false/omitted with any deliveryMode → DRAFT, no email, no pay link', async () => {
		const cases: Array<[unknown, unknown, string]> = [
			[false, 'email', 'Email'],
			[false, 'none', 'None'],
			[undefined, 'email', 'Email'],
			[undefined, 'none', 'None'],
			[undefined, undefined, 'Email'],
		];
		for (const [sendImmediately, deliveryMode, rendered] of cases) {
			const response = await client.create({}, { sendImmediately, deliveryMode });
			expect(response.status).toBe(201);
			expect(response.json.status).toBe('DRAFT');
			expect(response.json.invoiceInformation.deliveryMode).toBe(rendered);
			expect(response.json.invoiceInformation.paymentLink).toBeUndefined();
			expect(events(response.json.id)).toEqual(['DRAFT']);
		}
	});

	test('true + email → SENT (201) with pay link', async () => {
		const response = await client.create({}, { sendImmediately: true, deliveryMode: 'email' });
		expect(response.status).toBe(201);
		expect(response.json.status).toBe('SENT');
		expect(response.json.invoiceInformation.deliveryMode).toBe('Email');
		expect(response.json.invoiceInformation.paymentLink).toMatch(
			/payInvoice\/[0-9a-f]{32}\?version=v2\.1$/,
		);
		expect(events(response.json.id)).toEqual(['SEND', 'CREATE']);
	});

	test('true + none → CREATED, no email, pay link', async () => {
		const response = await client.create({}, { sendImmediately: true, deliveryMode: 'none' });
		expect(response.status).toBe(201);
		expect(response.json.status).toBe('CREATED');
		expect(response.json.invoiceInformation.deliveryMode).toBe('None');
		expect(response.json.invoiceInformation.paymentLink).toContain('payInvoice');
		expect(events(response.json.id)).toEqual(['CREATE']);
	});

	test('true + omitted → treated as email → SENT', async () => {
		const response = await client.create({}, { sendImmediately: true });
		expect(response.json.status).toBe('SENT');
		expect(response.json.invoiceInformation.deliveryMode).toBe('Email');
	});

	test('deliveryMode is accepted in any case', async () => {
		for (const mode of ['EMAIL', 'Email', 'NONE', 'None', 'nOnE']) {
			const response = await client.create({}, { sendImmediately: true, deliveryMode: mode });
			expect(response.status).toBe(201);
			expect(response.json.status).toBe(mode.toLowerCase() === 'email' ? 'SENT' : 'CREATED');
		}
	});

	test('create-and-email without customerInformation.email → 400 on that field', async () => {
		for (const deliveryMode of ['email', undefined]) {
			const response = await client.create(
				{ customerInformation: { name: 'No Mail' } },
				{ sendImmediately: true, deliveryMode },
			);
			expect(response.status).toBe(400);
			expect(response.json).toEqual({
				submitTimeUtc: expect.any(String),
				status: 'BADREQUEST',
				reason: 'VALIDATION_ERRORS',
				message: 'Invalid request.',
				details: [{ field: 'customerInformation.email', reason: 'MISSING_FIELD' }],
			});
		}
		// Not emailed → no email needed.
		const none = await client.create(
			{ customerInformation: undefined },
			{ sendImmediately: true, deliveryMode: 'none' },
		);
		expect(none.status).toBe(201);
		const draft = await client.create(
			{ customerInformation: undefined },
			{ deliveryMode: 'email' },
		);
		expect(draft.status).toBe(201);
	});
});

describe('the invoice resource', () => {
	test('create echoes everything it stores, amounts as numbers, generated numeric id', async () => {
		const body = {
			clientReferenceInformation: { partner: { developerId: 'DEV1', solutionId: 'SOL1' } },
			customerInformation: {
				name: 'Tanya Lee',
				email: 'tanya@example.com',
				merchantCustomerId: 'C-42',
				company: { name: 'ACME' },
			},
			processingInformation: { requestPhone: true, requestShipping: false },
			invoiceInformation: {
				description: 'Itemized',
				dueDate: '2030-01-31',
				expirationDate: '2031-01-31',
				allowPartialPayments: true,
				transactionReferenceNumber: 'REF123',
				sendImmediately: true,
				deliveryMode: 'none',
			},
			orderInformation: {
				amountDetails: {
					totalAmount: '2623.64',
					currency: 'usd',
					discountAmount: '126.08',
					discountPercent: '5.0',
					subAmount: '2749.72',
					minimumPartialAmount: '20.00',
					taxDetails: { type: 'State Tax', amount: '208.04', rate: '8.25' },
					freight: { amount: '20.00', taxable: true, taxRate: '10' },
				},
				lineItems: [
					{
						productSku: 'P653727383',
						productName: 'First line item',
						quantity: '20',
						unitPrice: 12.05,
						discountAmount: '13.02',
						discountPercent: '5.5',
						taxAmount: '0.00',
						taxRate: '0',
						totalAmount: '247.86',
					},
				],
			},
		};
		const response = await client.post('/invoicing/v2/invoices', body);
		expect(response.status).toBe(201);
		const id = response.json.id;
		expect(id).toMatch(/^\d+$/);
		expect(response.headers['content-type']).toBe('application/json;charset=utf-8');
		expect(response.headers['v-c-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
		expect(response.json).toEqual({
			_links: {
				self: { href: `/v2/invoices/${id}`, method: 'GET' },
				update: { href: `/v2/invoices/${id}`, method: 'PUT' },
				deliver: { href: `/v2/invoices/${id}/delivery`, method: 'POST' },
				cancel: { href: `/v2/invoices/${id}/cancelation`, method: 'POST' },
			},
			id,
			submitTimeUtc: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/),
			status: 'CREATED',
			customerInformation: body.customerInformation,
			processingInformation: { requestPhone: true, requestShipping: false },
			invoiceInformation: {
				invoiceNumber: id,
				description: 'Itemized',
				dueDate: '2030-01-31',
				expirationDate: '2031-01-31',
				allowPartialPayments: true,
				paymentLink: expect.stringMatching(
					/^https:\/\/businesscentertest\.cybersource\.com\/ebc2\/invoicing\/payInvoice\//,
				),
				deliveryMode: 'None',
				transactionReferenceNumber: 'REF123',
			},
			orderInformation: {
				amountDetails: {
					totalAmount: 2623.64,
					currency: 'USD',
					balanceAmount: 2623.64,
					discountAmount: 126.08,
					discountPercent: 5,
					subAmount: 2749.72,
					minimumPartialAmount: 20,
					taxDetails: { type: 'State Tax', amount: 208.04, rate: 8.25 },
					freight: { amount: 20, taxable: true, taxRate: 10 },
				},
				lineItems: [
					{
						productSku: 'P653727383',
						productName: 'First line item',
						quantity: 20,
						unitPrice: 12.05,
						discountAmount: 13.02,
						discountPercent: 5.5,
						taxAmount: 0,
						taxRate: 0,
						totalAmount: 247.86,
					},
				],
			},
		});
		// GET adds invoiceHistory and nothing else.
		const got = await client.get(`/invoicing/v2/invoices/${id}`);
		const { invoiceHistory, submitTimeUtc: _a, ...rest } = got.json;
		const { submitTimeUtc: _b, ...created } = response.json;
		void _a;
		void _b;
		expect(rest).toEqual(created);
		expect(invoiceHistory).toEqual([
			{ event: 'CREATE', date: expect.stringMatching(/^\d{4}-.*\.\d{3}Z$/) },
		]);
	});

	test('amountsAs string renders the strings as sent', async () => {
		const stringSandbox = await startQuiet({ amountsAs: 'string' });
		try {
			const response = await new Client(stringSandbox).create(
				{},
				{ sendImmediately: true, deliveryMode: 'none' },
			);
			expect(response.json.orderInformation.amountDetails).toEqual({
				totalAmount: '100.00',
				currency: 'USD',
				balanceAmount: '100.00',
			});
			stringSandbox.pay(response.json.id, { amount: '100.00' });
			const paid = stringSandbox.getInvoice(response.json.id) as any;
			expect(paid.orderInformation.amountDetails.balanceAmount).toBe('0');
			expect(paid.invoiceHistory[0].transactionDetails.amount).toBe('100.00');
		} finally {
			await stringSandbox.close();
		}
	});

	test('numeric invoice numbers are generated in sequence and never collide with given ones', async () => {
		const first = await client.create();
		const next = String(Number(first.json.id) + 1);
		const manual = await client.create({}, { invoiceNumber: next });
		expect(manual.json.id).toBe(next);
		const after = await client.create();
		expect(after.json.id).toBe(String(Number(next) + 1));
	});

	test('invoice numbers with reserved characters round-trip through the encoded path', async () => {
		const response = await client.create({}, { invoiceNumber: 'INV/2024 #1' });
		expect(response.status).toBe(201);
		expect(response.json._links.self.href).toBe('/v2/invoices/INV%2F2024%20%231');
		const got = await client.get('/invoicing/v2/invoices/INV%2F2024%20%231');
		expect(got.status).toBe(200);
		expect(got.json.id).toBe('INV/2024 #1');
	});
});
