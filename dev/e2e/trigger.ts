/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The triggers in a real n8n (`n8n start`, the e2e's n8n version): activating example 6 creates
 * an ACTIVE Cybersource subscription pointing at n8n; a partial and a full payment in the sandbox
 * each run the workflow once and the CRM gets both updates, each with its payment's transaction
 * id and amount as the invoice history has them; a redelivery and an unsigned POST
 * start nothing; deactivating deletes the subscription. A copy listening to all six webhook events
 * files each event once. Then the same with the polling trigger
 * polling every minute (n8n's shortest schedule), so that part takes about two minutes. Last,
 * example 6 again: 50 payments notified at once, an n8n restart and a byte-for-byte replay of each
 * (nothing starts), and a notification for an invoice Cybersource does not have (acknowledged once).
 *
 *   node .dev-dist/dev/e2e/trigger.js      (after npm run build && npm run build:dev; N8N_E2E_RUNTIME picks n8n)
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startSandbox, type Sandbox } from '../sandbox';
import type { DeliveryAttempt } from '../sandbox/domain/webhooks';
import { Client } from '../sandbox/client';
import { startCrm, type Crm } from '../realN8n/crm';
import { daysFromTodayIn, N8N_TIME_ZONE } from '../realN8n/calendar';
import { N8nRest } from '../realN8n/rest';
import { ensureRuntime, n8nEnv, n8nVersion, runN8nOrThrow, stageExtension } from '../realN8n/runtime';
import { loopbackServerEnv, startN8nServer } from '../realN8n/server';
import { EXAMPLES_DIR, WEBHOOK_WORKFLOW, writeCredentialImport } from '../realN8n/workflows';

/** n8n, its task broker and the CRM stand-in; another set can run next to this one (`N8N_TRIGGER_E2E_PORT=5802`). */
const PORT = Number(process.env.N8N_TRIGGER_E2E_PORT ?? 5801);
const BROKER_PORT = PORT + 10;
const CRM_E2E_PORT = PORT + 5;
const ALL_EVENTS_WORKFLOW = 'csE2eAllEvents01';
const POLLING_WORKFLOW = 'csE2ePollCrm0001';
const WEBHOOK_EVENTS = ['sent', 'paid', 'partiallyPaid', 'canceled', 'reminderSent', 'overdueReminderSent'];
const POLLING_EVENTS = ['created', 'sent', 'paid', 'partiallyPaid', 'canceled'];
/** The all-events workflows file one CRM record per invoice and event: `<number>.<event>@events.test`. */
const EVENT_KEY = '={{ $json.invoiceNumber + "." + $json.event + "@events.test" }}';

type Json = Record<string, any>;

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor<T>(label: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined && value !== false) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
		await sleep(250);
	}
}

/** Example 6 with its trigger replaced (and every CRM record keyed by invoice and event). */
function variant(webhook: Json, id: string, name: string, trigger: Json): Json {
	return {
		...webhook,
		id,
		name,
		nodes: webhook.nodes.map((node: Json) => {
			if (node.name === 'Invoice paid') return { ...node, ...trigger };
			if (node.name !== 'CRM fields') return node;
			const assignments = node.parameters.assignments.assignments.map((field: Json) => (field.name === 'email' ? { ...field, value: EVENT_KEY } : field));
			return { ...node, parameters: { ...node.parameters, assignments: { assignments } } };
		}),
	};
}

/** Example 6 as this n8n names the node, an all-events copy, and the same with the polling trigger. */
function writeWorkflows(file: string): void {
	const example = JSON.parse(readFileSync(path.join(EXAMPLES_DIR, '06-invoice-paid-to-crm.json'), 'utf8')) as Json;
	const custom = (type: string) => type.replace('n8n-nodes-cybersource-invoice.', 'CUSTOM.');
	const crmUrl = (node: Json): Json =>
		node.name !== 'CRM fields'
			? node
			: JSON.parse(JSON.stringify(node).replace('http://127.0.0.1:8790', `http://127.0.0.1:${CRM_E2E_PORT}`));
	const webhook = { ...example, nodes: example.nodes.map((node: Json) => ({ ...crmUrl(node), type: custom(node.type) })) };
	const allEvents = variant(webhook, ALL_EVENTS_WORKFLOW, 'e2e: every invoice event (webhook) → CRM', {
		webhookId: '7d2b9c1e-5a4f-4e21-8c3d-0f6e1a2b3c4d',
		parameters: { events: WEBHOOK_EVENTS, simplify: true, options: {} },
	});
	const polling = variant(webhook, POLLING_WORKFLOW, 'e2e: every invoice event (polling) → CRM', {
		webhookId: undefined,
		type: 'CUSTOM.cybersourceInvoicePollingTrigger',
		// n8n refuses polling more often than once a minute.
		parameters: { events: POLLING_EVENTS, simplify: true, pollTimes: { item: [{ mode: 'everyMinute' }] } },
	});
	writeFileSync(file, JSON.stringify([webhook, allEvents, polling]));
}

interface N8n {
	rest: N8nRest;
	child: ChildProcess;
	env: NodeJS.ProcessEnv;
	stop: () => Promise<void>;
}

async function startN8n(workDir: string, sandbox: Sandbox): Promise<N8n> {
	const env = n8nEnv(path.join(workDir, 'home'), {
		N8N_CUSTOM_EXTENSIONS: stageExtension(path.join(workDir, 'ext')),
		...loopbackServerEnv(PORT, BROKER_PORT),
	});
	await runN8nOrThrow(['import:credentials', `--input=${writeCredentialImport(path.join(workDir, 'credentials.json'), sandbox)}`], env);
	const workflows = path.join(workDir, 'workflows.json');
	writeWorkflows(workflows);
	await runN8nOrThrow(['import:workflow', `--input=${workflows}`], env);
	return await serveN8n(env);
}

/** `n8n start` on what is already imported (also a restart: same database, fresh process). */
async function serveN8n(env: NodeJS.ProcessEnv): Promise<N8n> {
	const server = await startN8nServer(env, process.env.N8N_E2E_VERBOSE ? 'inherit' : 'ignore');
	try {
		const rest = new N8nRest(server.url);
		await rest.login();
		return { rest, child: server.process, env, stop: server.stop };
	} catch (error) {
		await server.stop();
		throw error;
	}
}

async function sentInvoice(client: Client, email: string): Promise<string> {
	const answer = await client.post('/invoicing/v2/invoices', {
		customerInformation: { name: 'E2E Customer', email },
		invoiceInformation: {
			description: 'e2e trigger',
			dueDate: daysFromTodayIn(N8N_TIME_ZONE, 30, Date.now()),
			sendImmediately: true,
			deliveryMode: 'email',
			allowPartialPayments: true,
		},
		orderInformation: { amountDetails: { totalAmount: '200.00', currency: 'USD' } },
	});
	assert.equal(answer.status, 201, `create: ${answer.text}`);
	return String(answer.json.id);
}

/** `<number> <event>` of every CRM record the all-events workflows filed, sorted. */
function eventsFiled(crm: Crm): string[] {
	return crm.updates
		.filter((update) => update.email.endsWith('@events.test'))
		.map((update) => update.email.replace('@events.test', '').replace('.', ' '))
		.sort();
}

function updatesFor(crm: Crm, email: string): Json[] {
	return crm.updates.filter((update) => update.email === email).map((update) => update.body);
}

/** `<transaction id> <amount>` of each PAYMENT in the invoice's history, oldest first. */
function paymentsOfHistory(sandbox: Sandbox, id: string): string[] {
	const history = (sandbox.getInvoice(id) as Json).invoiceHistory as Json[];
	return history
		.filter((entry) => entry.event === 'PAYMENT')
		.reverse()
		.map((entry) => `${entry.transactionDetails.transactionId} ${Number(entry.transactionDetails.amount)}`);
}

/** The CRM received each payment of the invoice once, with the transaction id and amount the gateway recorded. */
function assertPaymentsFiled(sandbox: Sandbox, crm: Crm, id: string, inOrder: boolean): void {
	const expected = paymentsOfHistory(sandbox, id);
	const filed = crm.updates
		.map((update) => update.body.payment as Json | undefined)
		.filter((payment) => payment?.invoiceNumber === id)
		.map((payment) => `${payment!.transactionId} ${payment!.amount}`);
	assert.equal(new Set(expected).size, expected.length, `each payment of ${id} has its own transaction id`);
	assert.deepEqual(inOrder ? filed : [...filed].sort(), inOrder ? expected : [...expected].sort(), `payments the CRM received for ${id}`);
}

async function webhookScenario(rest: N8nRest, sandbox: Sandbox, crm: Crm, client: Client): Promise<string[]> {
	await rest.activate(WEBHOOK_WORKFLOW);
	const subscription = await waitFor('an ACTIVE subscription pointing at n8n', () =>
		sandbox.webhooks.subscriptions().find((item) => item.status === 'ACTIVE' && item.webhookUrl.startsWith(`http://127.0.0.1:${PORT}/webhook/`)),
	).catch((error: Error) => {
		const attempts = sandbox.webhooks.deliveries().map((attempt) => `${attempt.kind} ${attempt.url} -> ${attempt.status} ${attempt.error ?? ''}`);
		throw new Error(`${error.message}; subscriptions ${JSON.stringify(sandbox.webhooks.subscriptions())}; attempts: ${attempts.join(' | ')}`);
	});
	const email = 'webhook.customer@example.com';
	const id = await sentInvoice(client, email);
	sandbox.pay(id, { amount: '50.00' });
	await waitFor('the CRM update after the partial payment', () => updatesFor(crm, email).length === 1 || undefined);
	sandbox.pay(id);
	await waitFor('the CRM update after the payment', () => updatesFor(crm, email).length === 2 || undefined);
	assert.deepEqual(
		updatesFor(crm, email).map((body) => [body.dealStage, body.lastInvoiceNumber, body.balanceDue]),
		[
			['Partly paid', id, 150],
			['Closed Won (paid)', id, 0],
		],
	);

	assertPaymentsFiled(sandbox, crm, id, true);

	// A redelivery of the payment notification and an unsigned POST start nothing.
	const paidDelivery = sandbox.webhooks.deliveries().find((attempt) => attempt.eventType === 'invoicing.customer.invoice.paid');
	sandbox.webhooks.redeliver(paidDelivery!.notificationId!);
	await sandbox.webhooks.settled();
	const redelivery = sandbox.webhooks.deliveries().slice(-1)[0];
	assert.deepEqual([redelivery.requestType, redelivery.status], ['RETRY', 200]);
	const forged = await fetch(subscription.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: paidDelivery!.body });
	assert.equal(forged.status, 401, 'an unsigned delivery must be refused');
	await sleep(1500);
	assert.equal(updatesFor(crm, email).length, 2, 'the redelivery or the forged call ran the workflow');
	const runs = await waitFor('two executions', async () => {
		const list = await rest.executions(WEBHOOK_WORKFLOW);
		return list.length >= 2 && list.every((run) => run.status !== 'running' && run.status !== 'new') ? list : undefined;
	});
	assert.equal(runs.length, 2, `expected 2 executions, got ${runs.length}`);
	assert.ok(runs.every((run) => run.status === 'success'), `executions: ${JSON.stringify(runs.map((run) => run.status))}`);

	await rest.deactivate(WEBHOOK_WORKFLOW);
	await waitFor('the subscription to be deleted', () => sandbox.webhooks.subscriptions().length === 0 || undefined);
	return ['partiallyPaid', 'paid'];
}

/** Every webhook event once: sent, reminder, overdue reminder, partial payment, payment, cancel. */
async function allEventsScenario(rest: N8nRest, sandbox: Sandbox, crm: Crm, client: Client): Promise<string[]> {
	await rest.activate(ALL_EVENTS_WORKFLOW);
	await waitFor('an ACTIVE subscription for every event', () =>
		sandbox.webhooks.subscriptions().find((item) => item.status === 'ACTIVE' && item.eventTypes.length === WEBHOOK_EVENTS.length),
	);
	const paid = await sentInvoice(client, 'all.events@example.com');
	sandbox.webhooks.remind(paid);
	sandbox.webhooks.remind(paid, { overdue: true });
	sandbox.pay(paid, { amount: '10.00' });
	sandbox.pay(paid);
	const canceled = await sentInvoice(client, 'all.events@example.com');
	assert.equal((await client.post(`/invoicing/v2/invoices/${canceled}/cancelation`)).status, 200);
	const expected = [
		...['sent', 'reminderSent', 'overdueReminderSent', 'partiallyPaid', 'paid'].map((event) => `${paid} ${event}`),
		...['sent', 'canceled'].map((event) => `${canceled} ${event}`),
	].sort();
	await waitFor('a CRM record per event', () => eventsFiled(crm).length >= expected.length || undefined);
	await sleep(1000);
	assert.deepEqual(eventsFiled(crm), expected);
	// The two payments were notified close together: each still reached the CRM once, with its own transaction id.
	assertPaymentsFiled(sandbox, crm, paid, false);
	await rest.deactivate(ALL_EVENTS_WORKFLOW);
	await waitFor('the subscription to be deleted', () => sandbox.webhooks.subscriptions().length === 0 || undefined);
	return WEBHOOK_EVENTS;
}

async function pollingScenario(rest: N8nRest, sandbox: Sandbox, crm: Crm, client: Client): Promise<string[]> {
	crm.updates.length = 0;
	const email = 'polling.customer@example.com';
	const id = await sentInvoice(client, email);
	const toCancel = await sentInvoice(client, email);
	const before = sandbox.requests().slice(-1)[0]?.seq ?? 0;
	await rest.activate(POLLING_WORKFLOW);
	// The first poll (at activation) records the state: its head read asks for 5 invoices.
	await waitFor('the first poll', () => sandbox.requests({ since: before }).some((entry) => entry.path.includes('limit=5')) || undefined);
	// Two partial payments between two polls: two events, each with its own payment.
	sandbox.pay(id, { amount: '20.00' });
	sandbox.pay(id, { amount: '30.00' });
	assert.equal((await client.post(`/invoicing/v2/invoices/${toCancel}/cancelation`)).status, 200);
	const created = await sentInvoice(client, email);
	const firstRound = [`${id} partiallyPaid`, `${id} partiallyPaid`, `${toCancel} canceled`, `${created} created`, `${created} sent`].sort();
	await waitFor('the next poll to file five events', () => eventsFiled(crm).length >= 5 || undefined, 90_000);
	sandbox.pay(id);
	await waitFor('the poll after the payment', () => eventsFiled(crm).length >= 6 || undefined, 90_000);
	await sleep(1500);
	assert.deepEqual(eventsFiled(crm), [...firstRound, `${id} paid`].sort());
	assertPaymentsFiled(sandbox, crm, id, true);
	const runs = await rest.executions(POLLING_WORKFLOW);
	// One run per poll that saw changes: 2, or 3 when the first changes straddled a poll.
	assert.ok(runs.length === 2 || runs.length === 3, `expected 2 or 3 polling executions, got ${runs.length}`);
	await rest.deactivate(POLLING_WORKFLOW);
	return POLLING_EVENTS;
}

/** Payments notified at once in the replay scenario (the attack on the trigger used 50). */
const CONCURRENT_PAYMENTS = 50;

/** Every execution of a workflow (n8n's list returns at most 100 per page). */
async function executionCount(rest: N8nRest, workflowId: string): Promise<number> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const { data } = await rest.call('GET', `/executions?filter=${filter}&limit=100`);
	const list = (data.results ?? data) as Json[];
	assert.ok(list.length < 100, 'more executions than one page: count them another way');
	return list.length;
}

/** The notification ids the webhook trigger's static data holds in n8n's database (`n8n export:workflow`). */
async function storedNotificationIds(env: NodeJS.ProcessEnv, workDir: string, workflowId: string): Promise<string[]> {
	const file = path.join(workDir, `export-${workflowId}.json`);
	await runN8nOrThrow(['export:workflow', `--id=${workflowId}`, `--output=${file}`], env);
	const exported = JSON.parse(readFileSync(file, 'utf8')) as Json | Json[];
	const workflow = Array.isArray(exported) ? exported[0] : exported;
	const staticData = (typeof workflow.staticData === 'string' ? JSON.parse(workflow.staticData) : workflow.staticData) as Json | null;
	return Object.keys(staticData?.['node:Invoice paid']?.seenNotifications ?? {});
}

/** The first delivery attempt (NEW) of each notification for these invoices. */
function paymentDeliveries(sandbox: Sandbox, invoiceIds: string[], retries = false): DeliveryAttempt[] {
	const wanted = new Set(invoiceIds);
	return sandbox.webhooks
		.deliveries()
		.filter((attempt) => attempt.kind === 'notification' && (retries || attempt.requestType === 'NEW') && wanted.has(attempt.invoiceNumber ?? ''));
}

/** How many of the deliveries' notification ids n8n's database does not hold. */
async function missingIds(env: NodeJS.ProcessEnv, workDir: string, deliveries: DeliveryAttempt[]): Promise<number> {
	const stored = await storedNotificationIds(env, workDir, WEBHOOK_WORKFLOW);
	return deliveries.filter((attempt) => !stored.includes(attempt.notificationId!)).length;
}

/**
 * Each notification's deliveries end in one 200: {"status":"received"}, or — when an earlier try
 * got no answer within the gateway's wait (n8n was busy, the call went on) — {"status":"duplicate"}.
 * Tries before the last may only be unanswered or 503 (a copy still being handled). Returns how
 * many notifications needed such a retry.
 */
function assertEachHandledOnce(sandbox: Sandbox, firsts: DeliveryAttempt[]): number {
	let retried = 0;
	for (const first of firsts) {
		const tries = sandbox.webhooks.deliveries().filter((attempt) => attempt.kind === 'notification' && attempt.notificationId === first.notificationId);
		const answers = tries.map((attempt) => `${attempt.status} ${attempt.answer ?? attempt.error ?? ''}`);
		const last = answers[answers.length - 1];
		const earlier = tries.slice(0, -1);
		assert.ok(
			earlier.every((attempt) => attempt.status === 0 || attempt.status === 503),
			`notification ${first.notificationId}: a try before the last was answered: ${answers.join(' | ')}`,
		);
		const expected = earlier.some((attempt) => attempt.status === 0) ? ['200 {"status":"received"}', '200 {"status":"duplicate"}'] : ['200 {"status":"received"}'];
		assert.ok(expected.includes(last), `notification ${first.notificationId}: its deliveries were answered ${answers.join(' | ')}`);
		if (tries.length > 1) retried++;
	}
	return retried;
}

/**
 * Example 6 gets CONCURRENT_PAYMENTS payment notifications at once: each starts one execution and
 * is answered {"status":"received"}; n8n's database then holds every notification id. n8n
 * restarts, and each delivery replayed byte for byte is answered as a duplicate and starts nothing.
 */
async function replayAfterRestartScenario(n8n: N8n, sandbox: Sandbox, client: Client, workDir: string): Promise<{ n8n: N8n; summary: string }> {
	await n8n.rest.activate(WEBHOOK_WORKFLOW);
	const subscription = await waitFor('an ACTIVE subscription', () => sandbox.webhooks.subscriptions().find((item) => item.status === 'ACTIVE'));
	const before = await executionCount(n8n.rest, WEBHOOK_WORKFLOW);
	const invoices: string[] = [];
	for (let i = 0; i < CONCURRENT_PAYMENTS; i++) invoices.push(await sentInvoice(client, `replay.${i}@example.com`));
	for (const id of invoices) sandbox.pay(id);
	await sandbox.webhooks.settled();
	await waitFor(`${CONCURRENT_PAYMENTS} executions`, async () => (await executionCount(n8n.rest, WEBHOOK_WORKFLOW)) >= before + CONCURRENT_PAYMENTS || undefined, 180_000).catch(
		async (error: Error) => {
			const answers = paymentDeliveries(sandbox, invoices, true).map((attempt) => `${attempt.requestType} ${attempt.status} ${attempt.answer ?? attempt.error ?? ''}`);
			const counts = Object.entries(answers.reduce<Record<string, number>>((all, answer) => ({ ...all, [answer]: (all[answer] ?? 0) + 1 }), {}));
			const executions = (await executionCount(n8n.rest, WEBHOOK_WORKFLOW)) - before;
			throw new Error(`${error.message}: ${executions} started; deliveries: ${counts.map(([answer, count]) => `${count}× ${answer}`).join(', ')}`);
		},
	);
	const deliveries = paymentDeliveries(sandbox, invoices);
	assert.equal(deliveries.length, CONCURRENT_PAYMENTS);
	const unanswered = assertEachHandledOnce(sandbox, deliveries);
	const missingAfterBurst = await missingIds(n8n.env, workDir, deliveries);
	// n8n writes each call's static data with the whole object, last writer wins; under load n8n 1.x
	// was seen to commit an older snapshot last. Every id is in this process's memory, and the next
	// call writes them all: one more payment, then all of them must be in the database.
	const next = await sentInvoice(client, 'replay.next@example.com');
	sandbox.pay(next);
	await sandbox.webhooks.settled();
	await waitFor('the execution of the next payment', async () => (await executionCount(n8n.rest, WEBHOOK_WORKFLOW)) >= before + CONCURRENT_PAYMENTS + 1 || undefined, 60_000);
	const all = [...deliveries, ...paymentDeliveries(sandbox, [next])];
	const missing = await missingIds(n8n.env, workDir, all);
	assert.equal(missing, 0, `${missing} of the ${all.length} notification ids are missing from n8n's database after the next call`);

	await n8n.stop();
	const restarted = await serveN8n(n8n.env);
	// Registered again once its health check (GET on the same URL) answers.
	await waitFor('the webhook after the restart', async () => (await fetch(subscription.webhookUrl).catch(() => undefined))?.status === 200 || undefined, 60_000);
	const replays = await Promise.all(
		deliveries.map(async (attempt) => {
			const response = await fetch(subscription.webhookUrl, { method: 'POST', headers: attempt.headers, body: attempt.body });
			return `${response.status} ${await response.text()}`;
		}),
	);
	assert.deepEqual([...new Set(replays)], ['200 {"status":"duplicate"}'], 'every replay after the restart is a duplicate');
	await sleep(1500);
	assert.equal(await executionCount(restarted.rest, WEBHOOK_WORKFLOW), before + CONCURRENT_PAYMENTS + 1, 'a replay after the restart started the workflow');
	const late = unanswered ? `; ${unanswered} notifications were delivered again (a first try unanswered within the gateway's wait)` : '';
	return { n8n: restarted, summary: `${CONCURRENT_PAYMENTS - missingAfterBurst}/${CONCURRENT_PAYMENTS} notification ids in n8n's database right after the burst, all after the next call; ${CONCURRENT_PAYMENTS} replays after a restart started nothing${late}` };
}

/**
 * A validly signed notification for an invoice Cybersource does not have: acknowledged once
 * (the gateway does not retry), nothing started, and its redelivery is a duplicate.
 */
async function missingInvoiceScenario(rest: N8nRest, sandbox: Sandbox): Promise<void> {
	const before = await executionCount(rest, WEBHOOK_WORKFLOW);
	const { notificationId } = sandbox.webhooks.notifyInvoiceNumber('E2E-NO-SUCH-INVOICE', 'invoicing.customer.invoice.paid') as { notificationId: string };
	await sandbox.webhooks.settled();
	sandbox.webhooks.redeliver(notificationId);
	await sandbox.webhooks.settled();
	const attempts = sandbox.webhooks.deliveries().filter((attempt) => attempt.notificationId === notificationId);
	assert.deepEqual(
		attempts.map((attempt) => [attempt.requestType, attempt.status, attempt.answer]),
		[
			['NEW', 200, '{"status":"ignored","reason":"invoice E2E-NO-SUCH-INVOICE not found"}'],
			['RETRY', 200, '{"status":"duplicate"}'],
		],
	);
	await sleep(1500);
	assert.equal(await executionCount(rest, WEBHOOK_WORKFLOW), before, 'the missing invoice started an execution');
	await rest.deactivate(WEBHOOK_WORKFLOW);
	await waitFor('the subscription to be deleted', () => sandbox.webhooks.subscriptions().length === 0 || undefined);
}

/** Runs both trigger scenarios in one `n8n start`; returns what was proven, for the summary. */
export async function runTriggerE2e(): Promise<string> {
	const workDir = mkdtempSync(path.join(tmpdir(), 'cs-e2e-trigger-'));
	const sandbox = await startSandbox({ port: 0, quiet: true, webhookRetryUnitMs: 1000 });
	const crm = await startCrm(CRM_E2E_PORT);
	const client = new Client(sandbox);
	let n8n: N8n | undefined;
	try {
		n8n = await startN8n(workDir, sandbox);
		const webhook = await webhookScenario(n8n.rest, sandbox, crm, client);
		console.log(`[e2e] trigger: ✔ webhook (example 6): ${webhook.join(', ')} each ran the workflow once; redelivery and unsigned POST ran nothing; subscription deleted on deactivation`);
		const every = await allEventsScenario(n8n.rest, sandbox, crm, client);
		console.log(`[e2e] trigger: ✔ webhook: ${every.join(', ')} each filed once`);
		const polling = await pollingScenario(n8n.rest, sandbox, crm, client);
		console.log(`[e2e] trigger: ✔ polling: ${polling.join(', ')} each filed once`);
		const replay = await replayAfterRestartScenario(n8n, sandbox, client, workDir);
		n8n = replay.n8n;
		console.log(`[e2e] trigger: ✔ webhook: ${replay.summary}; each notification ran the workflow once and was answered {"status":"received"}`);
		await missingInvoiceScenario(n8n.rest, sandbox);
		console.log('[e2e] trigger: ✔ webhook: a notification for a missing invoice was acknowledged once and started nothing');
		return `n8n ${n8nVersion()}: webhook ${every.join('+')}, polling ${polling.join('+')}`;
	} finally {
		await n8n?.stop();
		await crm.close();
		await sandbox.close();
		rmSync(workDir, { recursive: true, force: true });
	}
}

if (require.main === module) {
	ensureRuntime();
	runTriggerE2e()
		.then((summary) => console.log(`[e2e] trigger: all passed (${summary})`))
		.catch((error: unknown) => {
			console.error(`[e2e] trigger FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
			process.exit(1);
		});
}
