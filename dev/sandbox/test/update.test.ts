/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** Update (PUT) replaces the invoice's content: omitted parts go, deliveryMode stays, the same validation rules apply. */

import type { Sandbox } from '../index';
import { Client } from '../client';
import { sandboxPerFile } from './helpers';
import { FIXED_NOW, expectInvalid, fullBody, setPath, withField, type Body } from './validationFixtures';

let sandbox: Sandbox;
let client: Client;

sandboxPerFile((started) => ({ sandbox, client } = started), { now: () => FIXED_NOW, clientClock: () => FIXED_NOW });

const create = (body: Body) => client.post('/invoicing/v2/invoices', body);

describe('update (PUT) is a full replacement', () => {
	async function sent(extra: Body = {}): Promise<string> {
		const response = await create({
			...fullBody(),
			...extra,
			invoiceInformation: {
				...fullBody().invoiceInformation,
				sendImmediately: true,
				deliveryMode: 'email',
			},
		});
		expect(response.json.status).toBe('SENT');
		return response.json.id;
	}

	test('omitted parts disappear; deliveryMode is kept when omitted', async () => {
		const id = await sent({ processingInformation: { requestPhone: true } });
		const response = await client.put(`/invoicing/v2/invoices/${id}`, {
			customerInformation: { email: 'tanya.lee@my-email.world' },
			invoiceInformation: { description: 'Replaced', dueDate: '2030-12-31' },
			orderInformation: { amountDetails: { totalAmount: '50.00', currency: 'USD' } },
		});
		expect(response.status).toBe(200);
		expect(response.json.processingInformation).toBeUndefined();
		expect(response.json.customerInformation).toEqual({ email: 'tanya.lee@my-email.world' });
		expect(response.json.orderInformation).toEqual({
			amountDetails: { totalAmount: 50, currency: 'USD', balanceAmount: 50 },
		});
		expect(response.json.invoiceInformation.deliveryMode).toBe('Email');
		expect(response.json.status).toBe('SENT');
		// No automatic resend.
		const history = (sandbox.getInvoice(id) as any).invoiceHistory.map(
			(item: { event: string }) => item.event,
		);
		expect(history).toEqual(['UPDATE', 'SEND', 'CREATE']);
	});

	test('invoiceNumber: same as the path id is tolerated, another one is refused', async () => {
		const id = await sent();
		const same = await client.put(
			`/invoicing/v2/invoices/${id}`,
			setPath(fullBody(), 'invoiceInformation.invoiceNumber', id),
		);
		expect(same.status).toBe(200);
		const other = await client.put(
			`/invoicing/v2/invoices/${id}`,
			setPath(fullBody(), 'invoiceInformation.invoiceNumber', 'X1'),
		);
		await expectInvalid(
			other,
			[['invoiceInformation.invoiceNumber', 'INVALID_DATA']],
			'Field validation errors.',
		);
	});

	test('clientReferenceInformation is ignored on update', async () => {
		const id = await sent();
		const response = await client.put(`/invoicing/v2/invoices/${id}`, fullBody());
		expect(response.status).toBe(200);
		expect(response.json.clientReferenceInformation).toBeUndefined();
	});

	test('changing the email of a SENT invoice replaces the pay link', async () => {
		const id = await sent();
		const before = (await client.get(`/invoicing/v2/invoices/${id}`)).json.invoiceInformation
			.paymentLink;
		const sameEmail = await client.put(`/invoicing/v2/invoices/${id}`, fullBody());
		expect(sameEmail.json.invoiceInformation.paymentLink).toBe(before);
		const changed = await client.put(
			`/invoicing/v2/invoices/${id}`,
			setPath(fullBody(), 'customerInformation.email', 'new@example.com'),
		);
		expect(changed.json.invoiceInformation.paymentLink).not.toBe(before);
	});

	test('sendImmediately on a DRAFT publishes it (email → SENT)', async () => {
		const draft = await create(fullBody());
		expect(draft.json.status).toBe('DRAFT');
		const body = setPath(fullBody(), 'invoiceInformation.sendImmediately', true);
		const response = await client.put(`/invoicing/v2/invoices/${draft.json.id}`, body);
		expect(response.json.status).toBe('SENT');
		const noEmail = await create(fullBody());
		const refused = await client.put(
			`/invoicing/v2/invoices/${noEmail.json.id}`,
			setPath(body, 'customerInformation', undefined),
		);
		await expectInvalid(
			refused,
			[['customerInformation.email', 'MISSING_FIELD']],
			'Field validation errors.',
		);
	});

	test('update validation uses the same rules', async () => {
		const id = await sent();
		const response = await client.put(
			`/invoicing/v2/invoices/${id}`,
			withField('orderInformation.lineItems[0].quantity', 0),
		);
		await expectInvalid(
			response,
			[['orderInformation.lineItems[0].quantity', 'INVALID_DATA']],
			'Field validation errors.',
		);
	});
});
