/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The webhook trigger in n8n-core's contexts against the sandbox over real HTTP: activation
 * creates a signature key and an ACTIVE subscription pointing at the node, deliveries start the
 * workflow once with the invoice read back, anything not signed with the stored key is refused
 * with 401 and starts nothing, redeliveries start nothing, deactivation deletes the subscription.
 */
import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { signatureHeader } from '../../dev/sandbox/domain/webhooks/signature';
import { sandboxCredentials } from '../harness/sandbox';
import { forgetProcessMemory, webhookTrigger, type WebhookTrigger } from './webhookContext';
import { createSentInvoice, post } from './helpers';

let sandbox: Sandbox;
let trigger: WebhookTrigger;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, quiet: true, webhookRetryUnitMs: 30 });
});
afterAll(() => sandbox.close());
afterEach(async () => {
	await trigger?.close();
	sandbox.reset();
	forgetProcessMemory(); // each test is a fresh n8n process
});

async function activeTrigger(parameters: Record<string, unknown> = {}): Promise<WebhookTrigger> {
	trigger = await webhookTrigger({
		parameters: { events: ['paid', 'partiallyPaid', 'sent', 'canceled', 'reminderSent', 'overdueReminderSent'], ...parameters },
		credentials: sandboxCredentials(sandbox),
	});
	await trigger.activate();
	await sandbox.webhooks.settled();
	return trigger;
}

function lastNotification() {
	const attempts = sandbox.webhooks.deliveries().filter((attempt) => attempt.kind === 'notification');
	return attempts[attempts.length - 1];
}

test('activation creates a signature key and one ACTIVE subscription for the chosen events at the node URL; reactivation reuses it; deactivation deletes it', async () => {
	await activeTrigger({ events: ['paid', 'partiallyPaid'] });
	const [subscription] = sandbox.webhooks.subscriptions();
	expect(subscription).toMatchObject({
		status: 'ACTIVE',
		webhookUrl: trigger.url,
		productId: 'customerInvoicing',
		eventTypes: ['invoicing.customer.invoice.paid', 'invoicing.customer.invoice.partial-payment'],
	});
	const state = trigger.stored()['node:Cybersource Invoice Trigger'] as Record<string, string>;
	expect(state).toMatchObject({ subscriptionId: subscription.webhookId, keyId: expect.any(String), key: expect.any(String) });
	expect(trigger.runs).toEqual([]); // the health check started nothing

	const keysBefore = sandbox.requests({ pathIncludes: '/kms/' }).length;
	await trigger.activate();
	expect(sandbox.webhooks.subscriptions()).toHaveLength(1);
	expect(sandbox.requests({ pathIncludes: '/kms/' }).length).toBe(keysBefore);

	expect(await trigger.hook('delete')).toBe(true);
	expect(sandbox.webhooks.subscriptions()).toEqual([]);
	expect(await trigger.hook('checkExists')).toBe(false);
});

test('changing the events updates the existing subscription instead of adding a second one', async () => {
	await activeTrigger({ events: ['paid'] });
	// The same workflow, saved with other events, activated again on the same n8n (same URL).
	const port = Number(new URL(trigger.url).port);
	await trigger.close();
	const second = await webhookTrigger({
		parameters: { events: ['paid', 'canceled'] },
		credentials: sandboxCredentials(sandbox),
		staticData: trigger.stored(),
		port,
	});
	try {
		await second.activate();
		expect(sandbox.webhooks.subscriptions().map((item) => item.eventTypes)).toEqual([
			['invoicing.customer.invoice.paid', 'invoicing.customer.invoice.cancel'],
		]);
	} finally {
		await second.close();
	}
});

test('a payment runs the workflow once with the event, the invoice number, its date and the paid invoice (simplified)', async () => {
	await activeTrigger({ events: ['paid'] });
	const id = await createSentInvoice(sandbox);
	sandbox.pay(id);
	await sandbox.webhooks.settled();
	expect(trigger.runs).toHaveLength(1);
	const [item] = trigger.runs[0];
	expect(item).toMatchObject({
		event: 'paid',
		invoiceNumber: id,
		occurredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
		notificationId: expect.any(String),
		invoice: { id, status: 'PAID', balanceAmount: 0, totalAmount: 100, currency: 'USD', customerEmail: 'ada@example.com' },
	});
	const { key } = trigger.stored()['node:Cybersource Invoice Trigger'] as Record<string, string>;
	expect(JSON.stringify(item)).not.toContain(key);
	// Answered with a small JSON body, like duplicates and health checks.
	expect(lastNotification()).toMatchObject({ status: 200, answer: '{"status":"received"}' });
});

test('each event arrives as its own run: sent, two partial payments, payment, cancel and both reminders', async () => {
	await activeTrigger({ simplify: false });
	const paid = await createSentInvoice(sandbox, true);
	sandbox.pay(paid, { amount: '25.00' });
	sandbox.pay(paid, { amount: '25.00' });
	sandbox.pay(paid);
	const canceled = await createSentInvoice(sandbox);
	await post(sandbox, `/invoicing/v2/invoices/${canceled}/cancelation`);
	const reminded = await createSentInvoice(sandbox);
	sandbox.webhooks.remind(reminded);
	sandbox.webhooks.remind(reminded, { overdue: true });
	await sandbox.webhooks.settled();
	const events = trigger.runs.map((run) => `${run[0].invoiceNumber} ${run[0].event}`).sort();
	expect(events.filter((line) => line.startsWith(paid))).toEqual(
		[`${paid} sent`, `${paid} partiallyPaid`, `${paid} partiallyPaid`, `${paid} paid`].sort(),
	);
	expect(events.filter((line) => line.startsWith(canceled))).toEqual([`${canceled} canceled`, `${canceled} sent`]);
	expect(events.filter((line) => line.startsWith(reminded))).toEqual([`${reminded} overdueReminderSent`, `${reminded} reminderSent`, `${reminded} sent`]);
	// Simplify off: the full invoice as GET returns it, history included.
	const full = trigger.runs.find((run) => run[0].event === 'paid')![0].invoice as Record<string, unknown>;
	expect(full).toMatchObject({ id: paid, status: 'PAID', invoiceHistory: expect.any(Array) });
});

describe('deliveries not signed with the stored key are refused with 401 and start nothing', () => {
	async function captured() {
		await activeTrigger({ events: ['paid'] });
		sandbox.pay(await createSentInvoice(sandbox));
		await sandbox.webhooks.settled();
		expect(trigger.runs).toHaveLength(1);
		const delivery = lastNotification();
		return { headers: delivery.headers!, body: delivery.body! };
	}

	async function send(headers: Record<string, string>, body: string) {
		const response = await fetch(trigger.url, { method: 'POST', headers, body });
		return response.status;
	}

	const cases: Array<[string, (h: Record<string, string>, b: string) => [Record<string, string>, string]]> = [
		['a tampered body', (h, b) => [h, b.replace('"retryNumber":0', '"retryNumber":1')]],
		['a tampered timestamp', (h, b) => [{ ...h, 'v-c-signature': h['v-c-signature'].replace(/t=(\d+)/, (_m, t: string) => `t=${Number(t) + 1}`) }, b]],
		['another key id', (h, b) => [{ ...h, 'v-c-signature': h['v-c-signature'].replace(/keyId=[^;]+/, 'keyId=facdaf45-db00-233c-e053-5a588d0a743a') }, b]],
		['a tampered signature', (h, b) => [{ ...h, 'v-c-signature': h['v-c-signature'].replace(/sig=(.)/, (_m, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`) }, b]],
		['no signature', (h, b) => [Object.fromEntries(Object.entries(h).filter(([name]) => name !== 'v-c-signature')), b]],
	];

	test.each(cases)('%s', async (_name, tamper) => {
		const original = await captured();
		const [headers, body] = tamper(original.headers, original.body);
		expect(await send(headers, body)).toBe(401);
		expect(trigger.runs).toHaveLength(1);
	});
});

test('a redelivered notification (same id, request type RETRY) is acknowledged but starts the workflow only once, and its id is kept in static data', async () => {
	await activeTrigger({ events: ['paid'] });
	sandbox.pay(await createSentInvoice(sandbox));
	await sandbox.webhooks.settled();
	const { notificationId } = lastNotification();
	sandbox.webhooks.redeliver(notificationId!);
	sandbox.webhooks.redeliver(notificationId!);
	await sandbox.webhooks.settled();
	expect(trigger.runs).toHaveLength(1);
	expect(trigger.answers.slice(-2).map((answer) => answer.body)).toEqual([{ status: 'duplicate' }, { status: 'duplicate' }]);
	const state = trigger.stored()['node:Cybersource Invoice Trigger'] as { seenNotifications: Record<string, number> };
	expect(Object.keys(state.seenNotifications)).toEqual([notificationId]);
});

test('50 payments notified together, then n8n restarts: the stored static data holds all 50 ids and replaying each delivery byte for byte starts nothing', async () => {
	await activeTrigger({ events: ['paid'] });
	const invoices: string[] = [];
	for (let i = 0; i < 50; i++) invoices.push(await createSentInvoice(sandbox));
	// The 50 calls load the static data before any of them writes; the first to finish writes last.
	trigger.holdWrites(50);
	for (const id of invoices) sandbox.pay(id);
	await sandbox.webhooks.settled();
	expect(trigger.runs).toHaveLength(50);
	const deliveries = sandbox.webhooks.deliveries().filter((attempt) => attempt.kind === 'notification');
	expect(deliveries).toHaveLength(50);
	const stored = trigger.stored();
	const { seenNotifications: ids } = stored['node:Cybersource Invoice Trigger'] as { seenNotifications: Record<string, number> };
	expect(Object.keys(ids).sort()).toEqual(deliveries.map((attempt) => attempt.notificationId).sort());

	// Restart: a new process (empty memory) with the static data as n8n stored it.
	const port = Number(new URL(trigger.url).port);
	await trigger.close();
	forgetProcessMemory();
	trigger = await webhookTrigger({ parameters: { events: ['paid'] }, credentials: sandboxCredentials(sandbox), staticData: stored, port });
	await trigger.activate();
	const replays = await Promise.all(
		deliveries.map(async (attempt) => {
			const response = await fetch(trigger.url, { method: 'POST', headers: attempt.headers, body: attempt.body });
			return [response.status, await response.json()];
		}),
	);
	expect(replays).toEqual(deliveries.map(() => [200, { status: 'duplicate' }]));
	expect(trigger.runs).toEqual([]);
});

test('while Cybersource cannot be reached the delivery is answered 503 and starts nothing; the gateway retries and the retry starts the workflow once', async () => {
	await activeTrigger({ events: ['paid'] });
	const id = await createSentInvoice(sandbox);
	sandbox.injectFault({ kind: '502', method: 'GET', path: `/invoicing/v2/invoices/${id}`, count: 3 });
	sandbox.pay(id);
	await sandbox.webhooks.settled();
	const attempts = sandbox.webhooks.deliveries().filter((attempt) => attempt.kind === 'notification');
	expect(attempts.map((attempt) => [attempt.requestType, attempt.status])).toEqual([
		['NEW', 503],
		['RETRY', 200],
	]);
	expect(JSON.parse(attempts[0].answer!)).toEqual({ message: expect.stringContaining(`Invoice ${id} could not be read from Cybersource`) });
	expect(trigger.runs).toHaveLength(1);
	expect(trigger.errorRuns).toEqual([]);
});

test('a copy delivered while another copy of the same notification is still being handled is answered 503, not "duplicate": if the first copy fails, the gateway delivers again and the workflow runs once', async () => {
	await activeTrigger({ events: ['paid'] });
	const id = await createSentInvoice(sandbox);
	const { keyId, key } = trigger.stored()['node:Cybersource Invoice Trigger'] as { keyId: string; key: string };
	// The gateway's first delivery: its read of the invoice is refused three times, about 2 s in all.
	sandbox.injectFault({ kind: '503', method: 'GET', path: `/invoicing/v2/invoices/${id}`, count: 3, retryAfterSeconds: 1 });
	const body = JSON.stringify({
		notificationId: 'c0ffee00-0000-4000-8000-000000000001',
		retryNumber: 0,
		eventType: 'invoicing.customer.invoice.paid',
		eventDate: new Date().toISOString(),
		payloads: [{ data: { invoiceNumber: id, eventType: 'invoicing.customer.invoice.paid' } }],
	});
	const deliver = async () => {
		const headers = { 'content-type': 'application/json', 'v-c-signature': signatureHeader(keyId, key, String(Date.now()), body, 'base64') };
		const response = await fetch(trigger.url, { method: 'POST', headers, body });
		return [response.status, await response.json()];
	};
	const first = deliver(); // the gateway stops waiting for this one
	await new Promise((resolve) => setTimeout(resolve, 300));
	const [status] = await deliver();
	expect(status).toBe(503);
	expect(await first).toEqual([503, { message: expect.stringContaining(`Invoice ${id} could not be read`) }]);
	expect(await deliver()).toEqual([200, { status: 'received' }]);
	expect(await deliver()).toEqual([200, { status: 'duplicate' }]);
	expect(trigger.runs.filter((run) => run[0].notificationId === 'c0ffee00-0000-4000-8000-000000000001')).toHaveLength(1);
});

test('a validly signed notification for an invoice Cybersource does not have is acknowledged (200), starts nothing, and is remembered: no gateway retry, and a redelivery starts nothing', async () => {
	await activeTrigger({ events: ['paid'] });
	const { notificationId } = sandbox.webhooks.notifyInvoiceNumber('NO-SUCH-INVOICE', 'invoicing.customer.invoice.paid') as { notificationId: string };
	await sandbox.webhooks.settled();
	sandbox.webhooks.redeliver(notificationId);
	await sandbox.webhooks.settled();
	const attempts = sandbox.webhooks.deliveries().filter((attempt) => attempt.kind === 'notification');
	expect(attempts.map((attempt) => [attempt.requestType, attempt.status, JSON.parse(attempt.answer!)])).toEqual([
		['NEW', 200, { status: 'ignored', reason: 'invoice NO-SUCH-INVOICE not found' }],
		['RETRY', 200, { status: 'duplicate' }],
	]);
	expect(trigger.runs).toEqual([]);
	expect(trigger.errorRuns).toEqual([]);
	const state = trigger.stored()['node:Cybersource Invoice Trigger'] as { seenNotifications: Record<string, number> };
	expect(Object.keys(state.seenNotifications)).toEqual([notificationId]);
});

test('with a Maximum Signature Age of 60 s, a delivery signed 2 minutes ago is refused (401) and starts nothing; a fresh one starts the workflow', async () => {
	await activeTrigger({ events: ['paid'], options: { maxAgeSeconds: 60 } });
	const id = await createSentInvoice(sandbox);
	const { keyId, key } = trigger.stored()['node:Cybersource Invoice Trigger'] as { keyId: string; key: string };
	const deliver = async (signedAt: number, notificationId: string) => {
		const body = JSON.stringify({ notificationId, eventType: 'invoicing.customer.invoice.paid', payloads: [{ data: { invoiceNumber: id } }] });
		const headers = { 'content-type': 'application/json', 'v-c-signature': signatureHeader(keyId, key, String(signedAt), body, 'base64') };
		return (await fetch(trigger.url, { method: 'POST', headers, body })).status;
	};
	expect(await deliver(Date.now() - 120_000, 'aged0000-0000-4000-8000-000000000001')).toBe(401);
	expect(trigger.runs).toEqual([]);
	expect(await deliver(Date.now(), 'aged0000-0000-4000-8000-000000000002')).toBe(200);
	expect(trigger.runs).toHaveLength(1);
});

test.each([-5, 1.5, '10s'])('a Maximum Signature Age of %p is refused at activation with what to enter, not turned into "off"', async (maxAgeSeconds) => {
	trigger = await webhookTrigger({ parameters: { events: ['paid'], options: { maxAgeSeconds } }, credentials: sandboxCredentials(sandbox) });
	await expect(trigger.activate()).rejects.toThrow(
		`Options › Maximum Signature Age (Seconds): must be a whole number of seconds from 0 (off) to 31536000, got ${JSON.stringify(maxAgeSeconds)}`,
	);
	expect(sandbox.webhooks.subscriptions()).toEqual([]);
});

test('health checks (GET, or POST with the health-check flag) answer 200 and start nothing', async () => {
	await activeTrigger();
	expect((await fetch(trigger.url)).status).toBe(200);
	expect((await fetch(`${trigger.url}?healthCheck=true`, { method: 'POST', body: '{}' })).status).toBe(200);
	expect(trigger.runs).toEqual([]);
});

test('a signed notification of an event not chosen is acknowledged and starts nothing', async () => {
	await activeTrigger({ events: ['paid'] });
	// Widen the subscription behind the node's back, as another tool could.
	const [subscription] = sandbox.webhooks.subscriptions();
	await post(sandbox, `/notification-subscriptions/v2/webhooks/${subscription.webhookId}`, {
		products: [{ productId: 'customerInvoicing', eventTypes: ['invoicing.customer.invoice.paid', 'invoicing.customer.invoice.send'] }],
	}, 'PATCH');
	await createSentInvoice(sandbox);
	await sandbox.webhooks.settled();
	expect(lastNotification()).toMatchObject({ eventType: 'invoicing.customer.invoice.send', status: 200 });
	expect(trigger.runs).toEqual([]);
});

test('a gateway that keys the HMAC with the key text (not its decoded bytes) is accepted too', async () => {
	const textSandbox = await startSandbox({ port: 0, quiet: true, webhookKeyEncoding: 'utf8' });
	const original = sandbox;
	sandbox = textSandbox;
	try {
		await activeTrigger({ events: ['paid'] });
		sandbox.pay(await createSentInvoice(sandbox));
		await sandbox.webhooks.settled();
		expect(trigger.runs).toHaveLength(1);
	} finally {
		await trigger.close();
		await textSandbox.close();
		sandbox = original;
	}
});

test('two trigger workflows of one organization share its newest key: one key is created and both verify their deliveries', async () => {
	await activeTrigger({ events: ['paid'] });
	const other = await webhookTrigger({ parameters: { events: ['canceled'] }, credentials: sandboxCredentials(sandbox) });
	try {
		await other.activate();
		await sandbox.webhooks.settled();
		expect(sandbox.requests({ pathIncludes: '/kms/' }).filter((entry) => entry.status === 201)).toHaveLength(1);
		const paid = await createSentInvoice(sandbox);
		sandbox.pay(paid);
		const canceled = await createSentInvoice(sandbox);
		await post(sandbox, `/invoicing/v2/invoices/${canceled}/cancelation`);
		await sandbox.webhooks.settled();
		expect(trigger.runs.map((run) => run[0].event)).toEqual(['paid']);
		expect(other.runs.map((run) => run[0].event)).toEqual(['canceled']);
	} finally {
		await other.close();
	}
});

test('checkExists only reads: a key that expires within 30 days is renewed by create, not by the check', async () => {
	await activeTrigger({ events: ['paid'] });
	const port = Number(new URL(trigger.url).port);
	const saved = trigger.stored();
	const state = saved['node:Cybersource Invoice Trigger'] as Record<string, unknown>;
	state.keyExpiresAt = Date.now() + 10 * 86_400_000;
	await trigger.close();
	trigger = await webhookTrigger({ parameters: { events: ['paid'] }, credentials: sandboxCredentials(sandbox), staticData: saved, port });
	const keyRequests = () => sandbox.requests({ pathIncludes: '/kms/' }).length;
	const before = keyRequests();
	expect(await trigger.hook('checkExists')).toBe(false);
	expect(keyRequests()).toBe(before);
	await trigger.activate();
	expect(keyRequests()).toBe(before + 1);
	expect(sandbox.webhooks.subscriptions()).toHaveLength(1);
});

test('a stored key Cybersource no longer accepts (expired or revoked) is replaced once at activation', async () => {
	await activeTrigger({ events: ['paid'] });
	const saved = trigger.stored();
	await trigger.hook('delete');
	await trigger.close();
	sandbox.reset(); // the sandbox forgets its keys: the stored one is now unknown to it
	trigger = await webhookTrigger({ parameters: { events: ['paid'] }, credentials: sandboxCredentials(sandbox), staticData: saved });
	await trigger.activate();
	await sandbox.webhooks.settled();
	expect(sandbox.webhooks.subscriptions()[0].status).toBe('ACTIVE');
	sandbox.pay(await createSentInvoice(sandbox));
	await sandbox.webhooks.settled();
	expect(trigger.runs).toHaveLength(1);
});

test('against the real gateway an http:// n8n URL is refused at activation with what to do, before any request', async () => {
	trigger = await webhookTrigger({
		parameters: { events: ['paid'] },
		credentials: { ...sandboxCredentials(sandbox), environment: 'apitest.cybersource.com' },
	});
	await expect(trigger.hook('create')).rejects.toThrow(/can only deliver to HTTPS/);
	expect(sandbox.requests()).toEqual([]);
});
