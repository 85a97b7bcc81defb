/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** Payment simulation: partial-payment rules, exact balances, PENDING review, over the JS API and the hooks. */

import type { Sandbox } from '../index';
import { Client, rawRequest } from '../client';
import { sandboxPerFile } from './helpers';

let sandbox: Sandbox;
let client: Client;

sandboxPerFile((started) => ({ sandbox, client } = started));

type Any = any;

async function sentInvoice(
	info: Record<string, unknown> = {},
	amounts: Record<string, unknown> = {},
): Promise<string> {
	const response = await client.create(
		{ orderInformation: { amountDetails: { totalAmount: '100.00', currency: 'USD', ...amounts } } },
		{ sendImmediately: true, deliveryMode: 'email', ...info },
	);
	expect(response.status).toBe(201);
	return response.json.id;
}

function payError(
	id: string,
	opts: Parameters<Sandbox['pay']>[1],
): { status: number; message: string } {
	try {
		sandbox.pay(id, opts);
	} catch (error) {
		return { status: (error as Any).status, message: (error as Error).message };
	}
	throw new Error('payment unexpectedly accepted');
}

const hook = (path: string, body: unknown) =>
	rawRequest(sandbox.url, {
		method: 'POST',
		path,
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});

test('partial payments need allowPartialPayments', async () => {
	const id = await sentInvoice();
	expect(payError(id, { amount: '10.00' })).toEqual({
		status: 400,
		message: 'partial payments are not allowed on this invoice',
	});
	const paid = sandbox.pay(id) as Any; // default: the full balance
	expect(paid.status).toBe('PAID');
	expect(paid.orderInformation.amountDetails.balanceAmount).toBe(0);
});

test('minimumPartialAmount applies unless the payment settles the balance', async () => {
	const id = await sentInvoice({ allowPartialPayments: true }, { minimumPartialAmount: '30.00' });
	expect(payError(id, { amount: '29.99' })).toEqual({
		status: 400,
		message: 'amount 29.99 is below minimumPartialAmount 30.00',
	});
	expect((sandbox.pay(id, { amount: '80.00' }) as Any).status).toBe('PARTIAL');
	// The remaining 20.00 is below the minimum but settles the invoice.
	const paid = sandbox.pay(id, { amount: 20 }) as Any;
	expect(paid.status).toBe('PAID');
	expect(paid.orderInformation.amountDetails.balanceAmount).toBe(0);
});

test('exact decimal balances and PAYMENT history with transaction details', async () => {
	const id = await sentInvoice({ allowPartialPayments: true });
	const partial = sandbox.pay(id, { amount: '33.33' }) as Any;
	expect(partial.status).toBe('PARTIAL');
	expect(partial.orderInformation.amountDetails.balanceAmount).toBe(66.67);
	sandbox.pay(id, { amount: 0.1 });
	const invoice = sandbox.getInvoice(id) as Any;
	expect(invoice.orderInformation.amountDetails.balanceAmount).toBe(66.57);
	expect(invoice.invoiceHistory.map((item: Any) => item.event)).toEqual([
		'PAYMENT',
		'PAYMENT',
		'SEND',
		'CREATE',
	]);
	expect(invoice.invoiceHistory[1]).toEqual({
		event: 'PAYMENT',
		date: expect.any(String),
		transactionDetails: { transactionId: expect.stringMatching(/^\d{22}$/), amount: '33.33' },
	});
	expect(invoice.invoiceHistory[0].transactionDetails.amount).toBe('0.1');
	expect(payError(id, { amount: '66.58' })).toEqual({
		status: 400,
		message: 'amount 66.58 exceeds the balance 66.57',
	});
	expect(payError(id, { amount: '0' }).status).toBe(400);
	expect(payError(id, { amount: '-1' }).status).toBe(400);
	expect((sandbox.pay(id, { amount: '66.57' }) as Any).status).toBe('PAID');
	expect(payError(id, {})).toEqual({
		status: 409,
		message: 'payments are not possible on a PAID invoice',
	});
});

test('payments only on CREATED/SENT/PARTIAL (a DRAFT has no link)', async () => {
	const draft = await client.create();
	expect(payError(draft.json.id, {})).toEqual({
		status: 409,
		message: 'payments are not possible on a DRAFT invoice',
	});
	expect(payError('missing', {})).toEqual({
		status: 404,
		message: 'invoice missing does not exist for merchant sandbox_merchant',
	});
});

test('pending → locked → accepted applies the payment', async () => {
	const id = await sentInvoice({ allowPartialPayments: true });
	const pending = sandbox.pay(id, { amount: '40.00', outcome: 'pending' }) as Any;
	expect(pending.status).toBe('PENDING');
	expect(pending.invoiceInformation.paymentLink).toBeUndefined();
	expect(pending.orderInformation.amountDetails.balanceAmount).toBe(100);
	expect(payError(id, { amount: '10.00' }).status).toBe(409);
	for (const action of ['delivery', 'cancelation', 'publication']) {
		expect((await client.post(`/invoicing/v2/invoices/${id}/${action}`)).json.reason).toBe(
			'ACTION_NOT_ALLOWED',
		);
	}
	const accepted = sandbox.review(id, 'accept') as Any;
	expect(accepted.status).toBe('PARTIAL');
	expect(accepted.orderInformation.amountDetails.balanceAmount).toBe(60);
	expect(accepted.invoiceHistory.map((item: Any) => item.event)).toEqual([
		'PAYMENT',
		'PENDING',
		'SEND',
		'CREATE',
	]);
});

test('pending → rejected logs REJECTED and restores the previous status', async () => {
	const id = await sentInvoice({ allowPartialPayments: true });
	sandbox.pay(id, { amount: '40.00' });
	sandbox.pay(id, { outcome: 'pending' });
	const rejected = sandbox.review(id, 'reject') as Any;
	expect(rejected.status).toBe('PARTIAL');
	expect(rejected.orderInformation.amountDetails.balanceAmount).toBe(60);
	expect(rejected.invoiceHistory.map((item: Any) => item.event)).toEqual([
		'REJECTED',
		'PENDING',
		'PAYMENT',
		'SEND',
		'CREATE',
	]);
	expect(() => sandbox.review(id, 'accept')).toThrow('has no pending payment (status PARTIAL)');
});

test('the same over the HTTP hooks', async () => {
	const id = await sentInvoice({ allowPartialPayments: true });
	const pending = await hook(`/__sandbox/invoices/${id}/payments`, {
		amount: '25.50',
		outcome: 'pending',
	});
	expect(pending.status).toBe(200);
	expect(pending.json.status).toBe('PENDING');
	const accepted = await hook(`/__sandbox/invoices/${id}/review`, { decision: 'accept' });
	expect(accepted.json.status).toBe('PARTIAL');
	expect(accepted.json.orderInformation.amountDetails.balanceAmount).toBe(74.5);
	const bad = await hook(`/__sandbox/invoices/${id}/payments`, { amount: '999' });
	expect(bad.status).toBe(400);
	expect(bad.json).toEqual({ error: 'amount 999 exceeds the balance 74.50' });
	const full = await hook(`/__sandbox/invoices/${id}/payments`, {});
	expect(full.json.status).toBe('PAID');
	// The API sees it too.
	const got = await client.get(`/invoicing/v2/invoices/${id}`);
	expect(got.json.status).toBe('PAID');
	expect(got.json.invoiceHistory[0].transactionDetails.amount).toBe('74.50');
});
