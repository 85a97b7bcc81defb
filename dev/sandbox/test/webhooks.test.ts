/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The webhook side: signature keys, notification subscriptions (create, list, get, update,
 * status, delete, products), health checks, signed deliveries on real invoice changes, retries
 * with the subscription's policy, reminders, redelivery and the delivery log.
 */
import type { Sandbox } from '../index';
import { signNotification } from '../domain/webhooks';
import { Client, rawRequest } from '../client';
import { startQuiet } from './helpers';
import { startReceiver, verifySignature, type Receiver } from './webhookReceiver';

type Any = any;

const EVENTS = [
	'invoicing.customer.invoice.send',
	'invoicing.customer.invoice.paid',
	'invoicing.customer.invoice.partial-payment',
	'invoicing.customer.invoice.cancel',
	'invoicing.customer.invoice.reminder',
	'invoicing.customer.invoice.overdue-reminder',
];

let sandbox: Sandbox;
let client: Client;
let receiver: Receiver;

beforeAll(async () => {
	sandbox = await startQuiet({ webhookRetryUnitMs: 20 });
	client = new Client(sandbox);
});
afterAll(() => sandbox.close());
beforeEach(async () => {
	sandbox.reset();
	receiver = await startReceiver();
});
afterEach(() => receiver.close());

async function createKey(): Promise<{ keyId: string; key: string }> {
	const organizationId = sandbox.merchant.merchantId;
	const response = await client.post('/kms/egress/v2/keys-sym', {
		clientRequestAction: 'CREATE',
		keyInformation: { provider: 'nrtd', tenant: organizationId, keyType: 'sharedSecret', organizationId, expiryDuration: '365' },
	});
	expect(response.status).toBe(201);
	return response.json.keyInformation;
}

function subscriptionBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		name: 'test',
		organizationId: sandbox.merchant.merchantId,
		products: [{ productId: 'customerInvoicing', eventTypes: EVENTS }],
		webhookUrl: receiver.url,
		healthCheckUrl: `${receiver.url}?healthCheck=true`,
		retryPolicy: { algorithm: 'ARITHMETIC', firstRetry: 1, interval: 1, numberOfRetries: 2, deactivateFlag: 'false' },
		securityPolicy: { securityType: 'key' },
		...overrides,
	};
}

async function activeSubscription(overrides: Record<string, unknown> = {}): Promise<Any> {
	const response = await client.post('/notification-subscriptions/v2/webhooks', subscriptionBody(overrides));
	expect(response.status).toBe(201);
	await sandbox.webhooks.settled();
	return response.json;
}

async function sentInvoice(allowPartialPayments = false): Promise<string> {
	const response = await client.create({}, { sendImmediately: true, deliveryMode: 'email', allowPartialPayments });
	expect(response.status).toBe(201);
	return response.json.id;
}

function notifications(): Any[] {
	return receiver.received.filter((request) => !request.url.includes('healthCheck')).map((request) => ({ ...request, json: JSON.parse(request.body) }));
}

test('the signature of the documented test vector: HMAC-SHA256 over "t.body" with the decoded key (or the key text)', () => {
	const key = 'd2ViaG9vay1zaGFyZWQtc2VjcmV0LWZvci10ZXN0cw==';
	const body =
		'{"notificationId":"n-1","retryNumber":0,"eventType":"invoicing.customer.invoice.paid","eventDate":"2023-05-25T17:49:40.309-07:00","webhookId":"wh-1","payloads":[{"data":{"invoiceNumber":"98753","balanceAmount":"0.00","currency":"USD","eventType":"invoicing.customer.invoice.paid","organizationID":"mock_merchant"}}]}';
	expect(signNotification(key, '1685062183540', body, 'base64')).toBe('vILjdM98wQ9VXdXhamww+uY5q8+1S0SPU5hIT8Wfszo=');
	expect(signNotification(key, '1685062183540', body, 'utf8')).toBe('Nwxt/yRmm+sDxsZBlH60zeygUXltZIbHxYT9oO0sedk=');
});

test('a subscription starts INACTIVE, turns ACTIVE after its health check, and can be listed, read, changed and deleted', async () => {
	await createKey();
	const created = await client.post('/notification-subscriptions/v2/webhooks', subscriptionBody());
	expect(created.status).toBe(201);
	expect(created.json).toMatchObject({ status: 'INACTIVE', webhookUrl: receiver.url, securityPolicy: { digitalSignatureEnabled: 'yes' } });
	await sandbox.webhooks.settled();
	expect(receiver.received[0].url).toBe('/hook?healthCheck=true');
	const id = created.json.webhookId;
	expect((await client.get(`/notification-subscriptions/v2/webhooks/${id}`)).json.status).toBe('ACTIVE');
	const list = await client.get(`/notification-subscriptions/v2/webhooks?organizationId=${sandbox.merchant.merchantId}`);
	expect(list.json.map((item: Any) => item.webhookId)).toEqual([id]);

	const patched = await client.call('PATCH', `/notification-subscriptions/v2/webhooks/${id}`, { name: 'renamed' });
	expect(patched.json).toMatchObject({ name: 'renamed', status: 'ACTIVE' });
	const paused = await client.put(`/notification-subscriptions/v2/webhooks/${id}/status`, { status: 'INACTIVE' });
	expect(paused.json.status).toBe('INACTIVE');
	const products = await client.get(`/notification-subscriptions/v2/products/${sandbox.merchant.merchantId}`);
	expect(products.json[0].eventTypes.map((type: Any) => type.eventName)).toEqual(expect.arrayContaining(EVENTS));

	// The spec declares 200 for DELETE (and 401, 404, 500).
	expect((await client.call('DELETE', `/notification-subscriptions/v2/webhooks/${id}`)).status).toBe(200);
	expect((await client.get(`/notification-subscriptions/v2/webhooks/${id}`)).status).toBe(404);
	expect(sandbox.webhooks.subscriptions()).toEqual([]);
});

test('a key whose expiryDuration is not a string of days, and a subscription list without organizationId, are refused as the spec says (400 with details)', async () => {
	const organizationId = sandbox.merchant.merchantId;
	const keyInformation = { provider: 'nrtd', tenant: organizationId, keyType: 'sharedSecret', organizationId };
	const numeric = await client.post('/kms/egress/v2/keys-sym', { clientRequestAction: 'CREATE', keyInformation: { ...keyInformation, expiryDuration: 365 } });
	expect(numeric.status).toBe(400);
	expect(numeric.json).toMatchObject({
		submitTimeUtc: expect.any(String),
		status: 'BADREQUEST',
		reason: 'VALIDATION_ERRORS',
		details: [{ field: 'keyInformation.expiryDuration', reason: 'INVALID_DATA' }],
	});
	// Without expiryDuration (the spec's CREATE example) the key is created.
	expect((await client.post('/kms/egress/v2/keys-sym', { clientRequestAction: 'CREATE', keyInformation })).status).toBe(201);

	const unnamed = await client.get('/notification-subscriptions/v2/webhooks?productId=customerInvoicing');
	expect(unnamed.status).toBe(400);
	expect(unnamed.json).toMatchObject({ status: 'BADREQUEST', reason: 'VALIDATION_ERRORS', details: [{ field: 'organizationId', reason: 'MISSING_FIELD' }] });
	const other = await client.get('/notification-subscriptions/v2/webhooks?organizationId=someone_else');
	expect(other.json.details).toEqual([{ field: 'organizationId', reason: 'INVALID_DATA' }]);
});

test('a notification for an invoice number the merchant does not have, through the hook, is delivered with retries and the answers are logged', async () => {
	await createKey();
	await activeSubscription();
	receiver.failNext(503);
	const answer = await rawRequest(sandbox.url, {
		method: 'POST',
		path: '/__sandbox/webhooks/notifications',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ invoiceNumber: 'NO-SUCH-INVOICE', eventType: 'invoicing.customer.invoice.paid' }),
	});
	expect(answer.status).toBe(202);
	await sandbox.webhooks.settled();
	expect(notifications().map((request) => [request.json.payloads[0].data.invoiceNumber, request.headers['v-c-request-type']])).toEqual([
		['NO-SUCH-INVOICE', 'NEW'],
		['NO-SUCH-INVOICE', 'RETRY'],
	]);
	const attempts = sandbox.webhooks.deliveries().filter((attempt) => attempt.kind === 'notification');
	expect(attempts.map((attempt) => [attempt.status, attempt.answer])).toEqual([
		[503, '{}'],
		[200, '{}'],
	]);
	expect(() => sandbox.webhooks.notifyInvoiceNumber('1', 'invoicing.customer.invoice.lost')).toThrow(/eventType must be one of/);
});

test('a subscription is refused without a signature key, with a public http URL, or with an unknown event type', async () => {
	const noKey = await client.post('/notification-subscriptions/v2/webhooks', subscriptionBody());
	expect(noKey.status).toBe(400);
	await createKey();
	const plainHttp = await client.post('/notification-subscriptions/v2/webhooks', subscriptionBody({ webhookUrl: 'http://example.com/hook' }));
	expect(plainHttp.json.details).toEqual([{ field: 'webhookUrl', reason: 'INVALID_DATA' }]);
	const badEvent = await client.post(
		'/notification-subscriptions/v2/webhooks',
		subscriptionBody({ products: [{ productId: 'customerInvoicing', eventTypes: ['invoicing.customer.invoice.lost'] }] }),
	);
	expect(badEvent.json.details).toEqual([{ field: 'products[0].eventTypes[0]', reason: 'INVALID_DATA' }]);
});

test('a health check that keeps failing leaves the subscription INACTIVE and nothing is delivered to it', async () => {
	await createKey();
	receiver.failNext(500, 500, 500, 500, 500);
	const subscription = await activeSubscription();
	expect(sandbox.webhooks.subscriptions()[0].status).toBe('INACTIVE');
	expect(sandbox.webhooks.deliveries().filter((attempt) => attempt.webhookId === subscription.webhookId)).toHaveLength(5);
	await sentInvoice();
	await sandbox.webhooks.settled();
	expect(notifications()).toEqual([]);
});

test('send, partial payment, payment, cancel and reminders each deliver one signed notification with the documented headers', async () => {
	const key = await createKey();
	const subscription = await activeSubscription();
	const paidId = await sentInvoice(true);
	sandbox.pay(paidId, { amount: '30.00' });
	sandbox.pay(paidId);
	const canceledId = await sentInvoice();
	expect((await client.post(`/invoicing/v2/invoices/${canceledId}/cancelation`)).status).toBe(200);
	const remindedId = await sentInvoice();
	sandbox.webhooks.remind(remindedId);
	const hook = await rawRequest(sandbox.url, {
		method: 'POST',
		path: `/__sandbox/invoices/${remindedId}/reminders`,
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ overdue: true }),
	});
	expect(hook.status).toBe(202);
	await sandbox.webhooks.settled();

	// Deliveries run concurrently, like the gateway's: compare without order.
	const got = notifications();
	expect(got.map((request) => [request.json.payloads[0].data.invoiceNumber, request.json.eventType]).sort()).toEqual([
		[paidId, 'invoicing.customer.invoice.send'],
		[paidId, 'invoicing.customer.invoice.partial-payment'],
		[paidId, 'invoicing.customer.invoice.paid'],
		[canceledId, 'invoicing.customer.invoice.send'],
		[canceledId, 'invoicing.customer.invoice.cancel'],
		[remindedId, 'invoicing.customer.invoice.send'],
		[remindedId, 'invoicing.customer.invoice.reminder'],
		[remindedId, 'invoicing.customer.invoice.overdue-reminder'],
	].sort());
	const partial = got.find((request) => request.json.eventType.endsWith('partial-payment'));
	expect(partial.headers).toMatchObject({
		'content-type': 'application/json',
		'v-c-event-type': 'invoicing.customer.invoice.partial-payment',
		'v-c-organization-id': sandbox.merchant.merchantId,
		'v-c-product-name': 'customerInvoicing',
		'v-c-request-type': 'NEW',
		'v-c-retry-count': '0',
		'v-c-webhook-id': subscription.webhookId,
	});
	expect(partial.json).toMatchObject({ retryNumber: 0, webhookId: subscription.webhookId });
	expect(partial.json.payloads[0].data).toMatchObject({ balanceAmount: '70.00', currency: 'USD', emailTo: 'tanya.lee@my-email.world' });
	expect(partial.json.payloads[0].data.status).toBeUndefined();
	for (const request of got) expect(verifySignature(request.headers['v-c-signature'], request.body, key.key)).toMatchObject({ keyId: key.keyId, valid: true });
	expect(new Set(got.map((request) => request.json.notificationId)).size).toBe(got.length);
});

test('several partial payments on one invoice: each its own transaction id in the history (newest first) and its own notification with the balance right after it', async () => {
	await createKey();
	await activeSubscription();
	const id = await sentInvoice(true);
	for (const amount of ['10.00', '15.00', '25.00']) sandbox.pay(id, { amount });
	sandbox.pay(id);
	await sandbox.webhooks.settled();

	const history = (sandbox.getInvoice(id) as Any).invoiceHistory as Any[];
	const payments = history.filter((entry) => entry.event === 'PAYMENT');
	expect(payments.map((entry) => entry.transactionDetails.amount)).toEqual(['50.00', '25.00', '15.00', '10.00']);
	expect(new Set(payments.map((entry) => entry.transactionDetails.transactionId)).size).toBe(4);
	const dates = history.map((entry) => entry.date);
	expect([...dates].sort().reverse()).toEqual(dates);

	const got = notifications().filter((request) => request.json.payloads[0].data.invoiceNumber === id && !request.json.eventType.endsWith('.send'));
	expect(got.map((request) => [request.json.eventType, Number(request.json.payloads[0].data.balanceAmount)]).sort()).toEqual([
		['invoicing.customer.invoice.paid', 0],
		['invoicing.customer.invoice.partial-payment', 50],
		['invoicing.customer.invoice.partial-payment', 75],
		['invoicing.customer.invoice.partial-payment', 90],
	]);
});

test('only the subscribed event types are delivered', async () => {
	await createKey();
	await activeSubscription({ products: [{ productId: 'customerInvoicing', eventTypes: ['invoicing.customer.invoice.paid'] }] });
	const id = await sentInvoice();
	sandbox.pay(id);
	await sandbox.webhooks.settled();
	expect(notifications().map((request) => request.json.eventType)).toEqual(['invoicing.customer.invoice.paid']);
});

test('a failing receiver gets retries on the subscription policy (RETRY, growing retry count, new signature) until it answers', async () => {
	const key = await createKey();
	await activeSubscription();
	receiver.failNext(500, 503);
	const id = await sentInvoice();
	await sandbox.webhooks.settled();
	const got = notifications();
	expect(got.map((request) => [request.headers['v-c-request-type'], request.headers['v-c-retry-count'], request.json.retryNumber])).toEqual([
		['NEW', '0', 0],
		['RETRY', '1', 1],
		['RETRY', '2', 2],
	]);
	expect(new Set(got.map((request) => request.json.notificationId)).size).toBe(1);
	for (const request of got) expect(verifySignature(request.headers['v-c-signature'], request.body, key.key).valid).toBe(true);
	const log = await rawRequest(sandbox.url, { method: 'GET', path: '/__sandbox/webhooks/deliveries' });
	const attempts = log.json.deliveries.filter((attempt: Any) => attempt.kind === 'notification');
	expect(attempts.map((attempt: Any) => [attempt.invoiceNumber, attempt.status, attempt.outcome])).toEqual([
		[id, 500, 'failed'],
		[id, 503, 'failed'],
		[id, 200, 'delivered'],
	]);
});

test('after the last retry the attempt is logged as given up, and deactivateFlag turns the subscription INACTIVE', async () => {
	await createKey();
	await activeSubscription({ retryPolicy: { algorithm: 'GEOMETRIC', firstRetry: 1, interval: 2, numberOfRetries: 1, deactivateFlag: 'true' } });
	receiver.failNext(500, 500);
	await sentInvoice();
	await sandbox.webhooks.settled();
	expect(sandbox.webhooks.deliveries().filter((attempt) => attempt.kind === 'notification').map((attempt) => attempt.outcome)).toEqual(['failed', 'gave-up']);
	expect(sandbox.webhooks.subscriptions()[0].status).toBe('INACTIVE');
});

test('redeliver sends the same notification again as a RETRY, through the hook too', async () => {
	await createKey();
	await activeSubscription();
	await sentInvoice();
	await sandbox.webhooks.settled();
	const [first] = notifications();
	const answer = await rawRequest(sandbox.url, {
		method: 'POST',
		path: `/__sandbox/webhooks/deliveries/${first.json.notificationId}/redeliver`,
		headers: { 'content-type': 'application/json' },
		body: '{}',
	});
	expect(answer.status).toBe(202);
	await sandbox.webhooks.settled();
	const [, again] = notifications();
	expect(again.json.notificationId).toBe(first.json.notificationId);
	expect(again.headers['v-c-request-type']).toBe('RETRY');
});

test('a new key replaces the old one: later deliveries are signed with the new key id', async () => {
	await createKey();
	await activeSubscription();
	const second = await createKey();
	await sentInvoice();
	await sandbox.webhooks.settled();
	const [delivery] = notifications();
	expect(verifySignature(delivery.headers['v-c-signature'], delivery.body, second.key)).toMatchObject({ keyId: second.keyId, valid: true });
});

test('reminders are refused for paid invoices', () => {
	const [id] = sandbox.seed(1, { status: 'PAID' });
	expect(() => sandbox.webhooks.remind(id)).toThrow(/only sent for unpaid invoices/);
});
