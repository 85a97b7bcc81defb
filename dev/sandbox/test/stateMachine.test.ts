/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** The state machine: one test per row of the operations-per-status table (every operation from every status) and the send-transition table. */

import type { Sandbox } from '../index';
import { Client, RawResponse, invoiceBody } from '../client';
import { sandboxPerFile } from './helpers';

type Status = 'DRAFT' | 'CREATED' | 'SENT' | 'PARTIAL' | 'PENDING' | 'PAID' | 'CANCELED';
type Op = 'update' | 'send' | 'publish' | 'cancel' | 'pay';

let sandbox: Sandbox;
let client: Client;

sandboxPerFile((started) => ({ sandbox, client } = started));

const NOT_ALLOWED = {
	submitTimeUtc: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/),
	status: 'BADREQUEST',
	reason: 'ACTION_NOT_ALLOWED',
	message: 'Requested action is not allowed.',
};

/** Builds an invoice in `status` through the API (and the payment hook), deliveryMode email. */
async function invoiceIn(status: Status): Promise<string> {
	const draft = await client.create({}, { deliveryMode: 'email', allowPartialPayments: true });
	expect(draft.status).toBe(201);
	const id: string = draft.json.id;
	const step = async (path: string) =>
		expect((await client.post(`/invoicing/v2/invoices/${id}/${path}`)).status).toBe(200);
	if (status === 'DRAFT') return id;
	if (status === 'CREATED') {
		await step('publication');
		return id;
	}
	if (status === 'CANCELED') {
		await step('cancelation');
		return id;
	}
	await step('delivery');
	if (status === 'PARTIAL') sandbox.pay(id, { amount: '40.00' });
	if (status === 'PAID') sandbox.pay(id);
	if (status === 'PENDING') sandbox.pay(id, { amount: '40.00', outcome: 'pending' });
	expect(stored(id).status).toBe(status);
	return id;
}

function stored(id: string): any {
	return sandbox.getInvoice(id);
}

async function perform(
	op: Op,
	id: string,
): Promise<RawResponse | { status: number; error: string }> {
	const path = `/invoicing/v2/invoices/${id}`;
	switch (op) {
		case 'update':
			return client.put(
				path,
				invoiceBody(
					{},
					{ description: 'Updated', deliveryMode: 'email', allowPartialPayments: true },
				),
			);
		case 'send':
			return client.post(`${path}/delivery`);
		case 'publish':
			return client.post(`${path}/publication`);
		case 'cancel':
			return client.post(`${path}/cancelation`);
		case 'pay':
			try {
				sandbox.pay(id, { amount: '10.00' });
				return { status: 200, error: '' };
			} catch (error) {
				return { status: (error as { status: number }).status, error: (error as Error).message };
			}
	}
}

/** Expected outcome per op: resulting status, or 'refused'. */
const TABLE: Record<Status, Record<Op, Status | 'refused'>> = {
	DRAFT: { update: 'DRAFT', send: 'SENT', publish: 'CREATED', cancel: 'CANCELED', pay: 'refused' },
	CREATED: {
		update: 'CREATED',
		send: 'SENT',
		publish: 'refused',
		cancel: 'CANCELED',
		pay: 'PARTIAL',
	},
	SENT: { update: 'SENT', send: 'SENT', publish: 'refused', cancel: 'CANCELED', pay: 'PARTIAL' },
	PARTIAL: {
		update: 'refused',
		send: 'PARTIAL',
		publish: 'refused',
		cancel: 'refused',
		pay: 'PARTIAL',
	},
	PENDING: {
		update: 'refused',
		send: 'refused',
		publish: 'refused',
		cancel: 'refused',
		pay: 'refused',
	},
	PAID: {
		update: 'refused',
		send: 'refused',
		publish: 'refused',
		cancel: 'refused',
		pay: 'refused',
	},
	CANCELED: {
		update: 'refused',
		send: 'refused',
		publish: 'refused',
		cancel: 'refused',
		pay: 'refused',
	},
};

describe('operations-per-status operations per status', () => {
	for (const [from, row] of Object.entries(TABLE) as Array<
		[Status, Record<Op, Status | 'refused'>]
	>) {
		test(`from ${from}: ${Object.entries(row)
			.map(([op, to]) => `${op}→${to}`)
			.join(', ')}`, async () => {
			for (const [op, expected] of Object.entries(row) as Array<[Op, Status | 'refused']>) {
				const id = await invoiceIn(from);
				const before = stored(id);
				const response = await perform(op, id);
				if (expected === 'refused') {
					if (op === 'pay') {
						expect(response.status).toBe(409);
						expect((response as { error: string }).error).toBe(
							`payments are not possible on a ${from} invoice`,
						);
					} else {
						expect(response.status).toBe(400);
						expect((response as RawResponse).json).toEqual(NOT_ALLOWED);
						const entries = sandbox.requests();
						expect(entries[entries.length - 1].verdict).toBe(
							`state: ${op} not allowed from ${from}`,
						);
					}
					// Refused means untouched.
					expect(stored(id).status).toBe(from);
					expect(stored(id).invoiceHistory).toEqual(before.invoiceHistory);
				} else {
					expect(response.status).toBe(200);
					if (op !== 'pay') expect((response as RawResponse).json.status).toBe(expected);
					expect(stored(id).status).toBe(expected);
				}
			}
		});
	}
});

describe('send transition send transitions', () => {
	const events = (id: string): string[] =>
		stored(id).invoiceHistory.map((item: { event: string }) => item.event);

	test('DRAFT + email → SENT (SEND logged, newest first)', async () => {
		const id = await invoiceIn('DRAFT');
		const response = await client.post(`/invoicing/v2/invoices/${id}/delivery`);
		expect(response.json.status).toBe('SENT');
		expect(response.json.invoiceInformation.paymentLink).toMatch(
			/^https:\/\/businesscentertest\.cybersource\.com\/ebc2\/invoicing\/payInvoice\/[0-9a-f]{32}\?version=v2\.1$/,
		);
		expect(response.json.invoiceHistory).toBeUndefined(); // history only on GET
		expect(events(id)).toEqual(['SEND', 'DRAFT']);
	});

	test('DRAFT + none → CREATED, no email', async () => {
		const created = await client.create({}, { deliveryMode: 'none' });
		const response = await client.post(`/invoicing/v2/invoices/${created.json.id}/delivery`);
		expect(response.json.status).toBe('CREATED');
		expect(response.json.invoiceInformation.deliveryMode).toBe('None');
		expect(events(created.json.id)).toEqual(['CREATE', 'DRAFT']);
	});

	test('CREATED + email → SENT', async () => {
		const id = await invoiceIn('CREATED');
		expect((await client.post(`/invoicing/v2/invoices/${id}/delivery`)).json.status).toBe('SENT');
		expect(events(id)).toEqual(['SEND', 'CREATE', 'DRAFT']);
	});

	test('SENT + email → resent, stays SENT', async () => {
		const id = await invoiceIn('SENT');
		expect((await client.post(`/invoicing/v2/invoices/${id}/delivery`)).json.status).toBe('SENT');
		expect(events(id)).toEqual(['RESEND', 'SEND', 'DRAFT']);
	});

	test('PARTIAL + email → resent, stays PARTIAL', async () => {
		const id = await invoiceIn('PARTIAL');
		const response = await client.post(`/invoicing/v2/invoices/${id}/delivery`);
		expect(response.json.status).toBe('PARTIAL');
		expect(response.json._links).toEqual({
			self: { href: `/v2/invoices/${id}`, method: 'GET' },
			deliver: { href: `/v2/invoices/${id}/delivery`, method: 'POST' },
		});
		expect(events(id)).toEqual(['RESEND', 'PAYMENT', 'SEND', 'DRAFT']);
	});

	test('CREATED + none (undocumented) → no email, status unchanged', async () => {
		const created = await client.create({}, { sendImmediately: true, deliveryMode: 'none' });
		expect(created.json.status).toBe('CREATED');
		const response = await client.post(`/invoicing/v2/invoices/${created.json.id}/delivery`);
		expect(response.status).toBe(200);
		expect(response.json.status).toBe('CREATED');
		expect(events(created.json.id)).toEqual(['CREATE']);
	});

	test('sending by email needs customerInformation.email', async () => {
		const created = await client.create(
			{ customerInformation: { name: 'No Mail' } },
			{ deliveryMode: 'email' },
		);
		expect(created.status).toBe(201);
		const response = await client.post(`/invoicing/v2/invoices/${created.json.id}/delivery`);
		expect(response.status).toBe(400);
		expect(response.json).toMatchObject({
			status: 'BADREQUEST',
			reason: 'VALIDATION_ERRORS',
			details: [{ field: 'customerInformation.email', reason: 'MISSING_FIELD' }],
		});
		expect(stored(created.json.id).status).toBe('DRAFT');
	});
});

describe('responses per action', () => {
	test('publish answers with self → /publication only; cancel with self → /cancelation and no pay link', async () => {
		const id = await invoiceIn('DRAFT');
		const published = await client.post(`/invoicing/v2/invoices/${id}/publication`);
		expect(published.json._links).toEqual({
			self: { href: `/v2/invoices/${id}/publication`, method: 'POST' },
		});
		expect(published.json.invoiceInformation.paymentLink).toContain('/payInvoice/');
		const canceled = await client.post(`/invoicing/v2/invoices/${id}/cancelation`);
		expect(canceled.json.status).toBe('CANCELED');
		expect(canceled.json._links).toEqual({
			self: { href: `/v2/invoices/${id}/cancelation`, method: 'POST' },
		});
		expect(canceled.json.invoiceInformation.paymentLink).toBeUndefined();
		expect(stored(id).invoiceHistory.map((item: { event: string }) => item.event)).toEqual([
			'CANCEL',
			'CREATE',
			'DRAFT',
		]);
	});

	test('PAID keeps its pay link and only self', async () => {
		const id = await invoiceIn('PAID');
		const got = await client.get(`/invoicing/v2/invoices/${id}`);
		expect(got.json._links).toEqual({ self: { href: `/v2/invoices/${id}`, method: 'GET' } });
		expect(got.json.invoiceInformation.paymentLink).toContain('/payInvoice/');
		expect(got.json.orderInformation.amountDetails.balanceAmount).toBe(0);
	});

	test('actions on an unknown invoice → 404', async () => {
		for (const action of ['delivery', 'cancelation', 'publication']) {
			const response = await client.post(`/invoicing/v2/invoices/nope/${action}`);
			expect(response.status).toBe(404);
			expect(response.json).toEqual({
				submitTimeUtc: expect.any(String),
				status: 'NOTFOUND',
				reason: 'NOT_FOUND',
				message: 'Invoice does not exist.',
			});
		}
	});
});
