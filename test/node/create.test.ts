/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Create and Create Draft: which status each mode leads to, whether an email goes out, and
 * that every field the user gives ends up stored on the invoice.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	bodyOf,
	createParams,
	draftParams,
	events,
	futureDate,
	infoOf,
	invoiceParams,
	requestLines,
	runOk,
	stored,
	useSandbox,
} from './helpers';

const sandbox = useSandbox();


describe('Create', () => {
	it('with Send by Email off publishes without email: CREATED, payment link returned, delivery mode None', async () => {
		const result = await runOk(sandbox(), { parameters: createParams({ sendByEmail: false }) });
		const output = result.json[0];
		const id = String(output.id);

		expect(output.status).toBe('CREATED');
		expect(infoOf(output).paymentLink).toMatch(/^https:\/\/businesscentertest\.cybersource\.com\/ebc2\/invoicing\/payInvoice\//);
		const [request] = sandbox().requests();
		expect(bodyOf(request).invoiceInformation).toMatchObject({ sendImmediately: true, deliveryMode: 'none' });

		const invoice = stored(sandbox(), id);
		expect(invoice.status).toBe('CREATED');
		expect(infoOf(invoice).deliveryMode).toBe('None');
		expect(infoOf(invoice).paymentLink).toBe(infoOf(output).paymentLink);
		expect(events(invoice)).toEqual(['CREATE']); // no SEND: nothing was emailed
	});

	it('with Send by Email on emails it: SENT', async () => {
		const result = await runOk(sandbox(), { parameters: createParams({ sendByEmail: true }) });
		const id = String(result.json[0].id);

		expect(result.json[0].status).toBe('SENT');
		expect(bodyOf(sandbox().requests()[0]).invoiceInformation).toMatchObject({ sendImmediately: true, deliveryMode: 'email' });
		const invoice = stored(sandbox(), id);
		expect(invoice.status).toBe('SENT');
		expect(infoOf(invoice).deliveryMode).toBe('Email');
		expect(events(invoice)).toEqual(['CREATE', 'SEND']);
	});

	it('stores every field given, Additional Fields included', async () => {
		const expiration = futureDate(60);
		const result = await runOk(sandbox(), {
			parameters: createParams({
				customerName: 'Acme Buyer',
				customerEmail: 'buyer@acme.example',
				description: 'Annual support',
				dueDate: `${futureDate(10)}T00:00:00.000Z`,
				currency: 'eur',
				totalAmount: '1200.5',
				allowPartialPayments: true,
				minimumPartialAmount: '100',
				additionalFields: {
					invoiceNumber: 'INV-2026-0042',
					companyName: 'Acme Ltd',
					merchantCustomerId: 'CRM-7',
					expirationDate: expiration,
					requestPhone: true,
					requestShipping: false,
					transactionReferenceNumber: 'REF42',
					partnerDeveloperId: 'DEV1',
					partnerSolutionId: 'SOL1',
					taxType: 'VAT',
					subAmount: '1000',
				},
			}),
		});
		expect(result.json[0].id).toBe('INV-2026-0042');

		const sent = bodyOf(sandbox().requests()[0]);
		expect(sent.clientReferenceInformation).toEqual({ partner: { developerId: 'DEV1', solutionId: 'SOL1' } });
		expect(sent.orderInformation).toEqual({
			amountDetails: {
				currency: 'EUR',
				totalAmount: '1200.50',
				subAmount: '1000.00',
				minimumPartialAmount: '100.00',
				taxDetails: { type: 'VAT' },
			},
		});

		const invoice = stored(sandbox(), 'INV-2026-0042');
		expect(invoice.customerInformation).toEqual({
			name: 'Acme Buyer',
			email: 'buyer@acme.example',
			merchantCustomerId: 'CRM-7',
			company: { name: 'Acme Ltd' },
		});
		expect(invoice.processingInformation).toEqual({ requestPhone: true, requestShipping: false });
		expect(infoOf(invoice)).toMatchObject({
			invoiceNumber: 'INV-2026-0042',
			description: 'Annual support',
			dueDate: futureDate(10),
			expirationDate: expiration,
			allowPartialPayments: true,
			transactionReferenceNumber: 'REF42',
		});
		expect((invoice.orderInformation as IDataObject).amountDetails).toEqual({
			totalAmount: 1200.5,
			currency: 'EUR',
			balanceAmount: 1200.5,
			subAmount: 1000,
			minimumPartialAmount: 100,
			taxDetails: { type: 'VAT' },
		});
	});

	it('says plainly when the invoice was created but its email failed (202), and still returns the invoice', async () => {
		sandbox().injectFault({ kind: 'email-failed' });
		const result = await runOk(sandbox(), {
			parameters: createParams({ sendByEmail: true, additionalFields: { invoiceNumber: 'MAIL-FAIL-1' } }),
		});
		const output = result.json[0];

		expect(output.emailSent).toBe(false);
		expect(output.warning).toBe(
			'Invoice MAIL-FAIL-1: The invoice was created, but Cybersource could not email it. Run the Send operation to try again, or share the payment link yourself.',
		);
		expect(output.cybersourceMessage).toBe('Invoice ID MAIL-FAIL-1 created but failed to send an email. Send the invoice separately.');
		// The invoice itself, fetched by its number after the 202.
		expect(requestLines(sandbox())).toEqual(['POST /invoicing/v2/invoices', 'GET /invoicing/v2/invoices/MAIL-FAIL-1']);
		expect(sandbox().requests().map((request) => request.status)).toEqual([202, 200]);
		const { emailSent: _e, warning: _w, cybersourceMessage: _m, submitTimeUtc: _t, ...invoice } = output;
		const { submitTimeUtc: _s, ...expected } = stored(sandbox(), 'MAIL-FAIL-1');
		expect(invoice).toEqual(expected);
		expect(invoice.status).toBe('CREATED');
		expect(infoOf(invoice).paymentLink).toEqual(expect.any(String));
	});

	it('finds the invoice of a 202 whose number has a space and a plus', async () => {
		sandbox().injectFault({ kind: 'email-failed' });
		const result = await runOk(sandbox(), {
			parameters: createParams({ sendByEmail: true, additionalFields: { invoiceNumber: 'INV 7+A' } }),
		});
		expect(requestLines(sandbox())).toEqual(['POST /invoicing/v2/invoices', 'GET /invoicing/v2/invoices/INV%207%2BA']);
		expect(result.json[0]).toMatchObject({ id: 'INV 7+A', emailSent: false });
	});

	it('finds the invoice of a 202 by the number Cybersource generated', async () => {
		sandbox().injectFault({ kind: 'email-failed' });
		const result = await runOk(sandbox(), {
			parameters: createParams({ sendByEmail: true, additionalFields: { invoiceNumbering: 'cybersource' } }),
		});
		const generated = requestLines(sandbox())[1].split('/').pop();
		expect(generated).toMatch(/^\d+$/);
		expect(result.json[0]).toMatchObject({ id: generated, emailSent: false, status: 'CREATED' });
	});

	it('takes the due date from a date expression', async () => {
		const result = await runOk(sandbox(), { parameters: createParams({ dueDate: "={{ $now.plus(30, 'days') }}" }) });
		const dueDate = String(infoOf(stored(sandbox(), String(result.json[0].id))).dueDate);
		// $now is in the instance's time zone, so the calendar date may be a day off UTC's.
		expect([futureDate(29), futureDate(30), futureDate(31)]).toContain(dueDate);
	});
});

describe('Create Draft', () => {
	it('with Email When Sent on saves a DRAFT for email; Send then emails it: SENT', async () => {
		const draft = await runOk(sandbox(), { parameters: draftParams({ emailWhenSent: true }) });
		const id = String(draft.json[0].id);
		expect(bodyOf(sandbox().requests()[0]).invoiceInformation).toMatchObject({ sendImmediately: false, deliveryMode: 'email' });
		expect(stored(sandbox(), id)).toMatchObject({ status: 'DRAFT', invoiceInformation: { deliveryMode: 'Email' } });
		expect(infoOf(stored(sandbox(), id)).paymentLink).toBeUndefined();
		expect(events(stored(sandbox(), id))).toEqual(['DRAFT']);

		const sent = await runOk(sandbox(), { parameters: invoiceParams('send', id) });
		expect(sent.json[0].status).toBe('SENT');
		expect(stored(sandbox(), id).status).toBe('SENT');
		expect(events(stored(sandbox(), id))).toEqual(['DRAFT', 'SEND']);
	});

	it('with Email When Sent off saves a DRAFT without email; Send then publishes it: CREATED', async () => {
		const draft = await runOk(sandbox(), { parameters: draftParams({ emailWhenSent: false, customerEmail: '' }) });
		const id = String(draft.json[0].id);
		expect(bodyOf(sandbox().requests()[0]).invoiceInformation).toMatchObject({ sendImmediately: false, deliveryMode: 'none' });
		expect(stored(sandbox(), id)).toMatchObject({ status: 'DRAFT', invoiceInformation: { deliveryMode: 'None' } });

		const sent = await runOk(sandbox(), { parameters: invoiceParams('send', id) });
		expect(sent.json[0].status).toBe('CREATED');
		expect(stored(sandbox(), id).status).toBe('CREATED');
		expect(events(stored(sandbox(), id))).toEqual(['DRAFT', 'CREATE']);
		expect(infoOf(stored(sandbox(), id)).paymentLink).toEqual(expect.any(String));
	});
});
