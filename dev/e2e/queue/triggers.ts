/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Scenario 3: the invoice triggers of example 6 (invoice paid → CRM) in queue mode.
 * - Webhook mode: activation (on the main) creates ONE subscription, pointing at the webhook
 *   process; each payment's delivery reaches the webhook process and starts exactly one execution,
 *   run by a worker; a redelivery starts none; deactivation deletes the subscription.
 * - Polling mode: only the main (the leader) polls, once per interval, not once per process; the
 *   payment it sees runs once, on a worker.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Sandbox } from '../../sandbox';
import { startCrm, type Crm } from '../../realN8n/crm';
import { EXAMPLES_DIR } from '../../realN8n/workflows';
import { PORTS, type QueueCluster } from './cluster';
import { executionsOf, sleep, spread, waitFor } from './evidence';
import type { Postgres } from './services';
import { SECRET_CREDENTIAL } from './workflows';

export const WEBHOOK_TRIGGER_WORKFLOW = 'csExPaidToCrm001';
export const POLLING_TRIGGER_WORKFLOW = 'csQueuePollCrm01';
const CRM_PORT = 5920;
const POLL_TYPE = 'n8n-nodes-cybersource-invoice.cybersourceInvoicePollingTrigger';

type Json = Record<string, any>;

/** Example 6 as shipped, with the queue e2e's credential and CRM; and its polling twin. */
export function triggerWorkflows(): Json[] {
	const text = readFileSync(path.join(EXAMPLES_DIR, '06-invoice-paid-to-crm.json'), 'utf8').replace(
		'http://127.0.0.1:8790',
		`http://127.0.0.1:${CRM_PORT}`,
	);
	const example = JSON.parse(text) as Json;
	example.nodes = example.nodes.map((node: Json) => (node.credentials ? { ...node, credentials: { cybersourceApi: SECRET_CREDENTIAL } } : node));
	const polling = {
		...example,
		id: POLLING_TRIGGER_WORKFLOW,
		name: 'queue e2e: invoice paid (polling) → CRM',
		nodes: example.nodes.map((node: Json) =>
			node.name === 'Invoice paid'
				? {
						...node,
						webhookId: undefined,
						type: POLL_TYPE,
						// Once a minute is the shortest schedule n8n accepts.
						parameters: { events: ['paid', 'partiallyPaid'], simplify: true, pollTimes: { item: [{ mode: 'everyMinute' }] } },
					}
				: node,
		),
	};
	return [example, polling];
}

export interface TriggerReport {
	webhook: { subscriptionsCreated: number; deliveries: string; executions: number; spread: Record<string, number>; deleted: boolean };
	polling: { seconds: number; polls: number; executions: number; spread: Record<string, number> };
}

async function setActive(cluster: QueueCluster, workflowId: string, active: boolean): Promise<void> {
	if (active) {
		const workflow = await cluster.rest('GET', `/workflows/${workflowId}`);
		const answer = await cluster.rest('POST', `/workflows/${workflowId}/activate`, { versionId: workflow.body.data.versionId });
		assert.equal(answer.status, 200, `activate ${workflowId}: ${JSON.stringify(answer.body)}`);
	} else {
		const answer = await cluster.rest('POST', `/workflows/${workflowId}/deactivate`, {});
		assert.equal(answer.status, 200, `deactivate ${workflowId}: ${JSON.stringify(answer.body)}`);
	}
}

/** A SENT invoice that accepts partial payments, as if emailed earlier. */
function openInvoice(sandbox: Sandbox, email: string): string {
	const [id] = sandbox.seed(1, {
		status: 'SENT',
		template: {
			customerInformation: { name: 'Queue Customer', email },
			invoiceInformation: { description: 'queue trigger e2e', dueDate: '2099-12-31', deliveryMode: 'email', allowPartialPayments: true },
			orderInformation: { amountDetails: { totalAmount: '200.00', currency: 'USD' } },
		},
	});
	return id;
}

function requestsTo(sandbox: Sandbox, method: string, pathIncludes: string, since = 0): number {
	return sandbox.requests({ since, pathIncludes }).filter((request) => request.method === method && request.status < 300).length;
}

function finished(postgres: Postgres, workflowId: string, count: number) {
	return waitFor(`${count} finished executions of ${workflowId}`, () => {
		const rows = executionsOf(postgres, workflowId);
		return rows.length >= count && rows.every((row) => row.status !== 'running' && row.status !== 'new') && rows;
	});
}

async function webhookMode(cluster: QueueCluster, sandbox: Sandbox, postgres: Postgres, crm: Crm): Promise<TriggerReport['webhook']> {
	await setActive(cluster, WEBHOOK_TRIGGER_WORKFLOW, true);
	const receiver = `http://127.0.0.1:${PORTS.webhook}/webhook/`;
	const subscription = await waitFor('an ACTIVE subscription pointing at the webhook process', () =>
		sandbox.webhooks.subscriptions().find((item) => item.status === 'ACTIVE' && item.webhookUrl.startsWith(receiver)),
	);
	const created = requestsTo(sandbox, 'POST', '/notification-subscriptions/v2/webhooks');
	assert.equal(created, 1, 'activation created one subscription, not one per process');
	assert.equal(sandbox.webhooks.subscriptions().length, 1);

	const email = 'queue.webhook@example.com';
	const id = openInvoice(sandbox, email);
	sandbox.pay(id, { amount: '50.00' });
	await waitFor('the CRM update after the partial payment', () => crm.updates.filter((update) => update.email === email).length === 1);
	sandbox.pay(id);
	await waitFor('the CRM update after the payment', () => crm.updates.filter((update) => update.email === email).length === 2);
	const paid = sandbox.webhooks.deliveries().find((attempt) => attempt.eventType === 'invoicing.customer.invoice.paid');
	assert.ok(paid?.notificationId && paid.url.startsWith(receiver) && paid.status === 200, `paid delivery: ${JSON.stringify(paid)}`);
	sandbox.webhooks.redeliver(paid.notificationId);
	await sandbox.webhooks.settled();
	await sleep(2000);

	const runs = await finished(postgres, WEBHOOK_TRIGGER_WORKFLOW, 2);
	assert.equal(runs.length, 2, 'one execution per payment; the redelivery started none');
	assert.deepEqual(runs.map((run) => run.status), ['success', 'success']);
	const perWorker = spread(cluster.workers, runs.map((run) => run.id));
	assert.equal(Object.values(perWorker).reduce((sum, count) => sum + count, 0), 2, `run by workers: ${JSON.stringify(perWorker)}`);
	assert.equal(crm.updates.filter((update) => update.email === email).length, 2);

	await setActive(cluster, WEBHOOK_TRIGGER_WORKFLOW, false);
	await waitFor('the subscription to be deleted', () => sandbox.webhooks.subscriptions().length === 0);
	assert.equal(requestsTo(sandbox, 'DELETE', `/notification-subscriptions/v2/webhooks/${subscription.webhookId}`), 1);
	const deliveries = sandbox.webhooks.deliveries().filter((attempt) => attempt.kind === 'notification');
	return {
		subscriptionsCreated: created,
		deliveries: deliveries.map((attempt) => `${attempt.eventType?.split('.').pop()} ${attempt.requestType} → ${attempt.status}`).join(', '),
		executions: runs.length,
		spread: perWorker,
		deleted: true,
	};
}

/** Each poll lists every open status once: its DRAFT list marks one poll. */
function pollsSince(sandbox: Sandbox, since: number): number {
	return sandbox.requests({ since, pathIncludes: 'status=DRAFT' }).length;
}

async function pollingMode(cluster: QueueCluster, sandbox: Sandbox, postgres: Postgres, crm: Crm): Promise<TriggerReport['polling']> {
	const email = 'queue.polling@example.com';
	const id = openInvoice(sandbox, email);
	const since = sandbox.requests().at(-1)?.seq ?? 0;
	const started = Date.now();
	await setActive(cluster, POLLING_TRIGGER_WORKFLOW, true);
	await waitFor('the first poll', () => pollsSince(sandbox, since) >= 1);
	sandbox.pay(id);
	await waitFor('the CRM update seen by a poll', () => crm.updates.some((update) => update.email === email), 90_000);
	const [run] = await finished(postgres, POLLING_TRIGGER_WORKFLOW, 1);
	await setActive(cluster, POLLING_TRIGGER_WORKFLOW, false);
	const seconds = (Date.now() - started) / 1000;
	const polls = pollsSince(sandbox, since);
	// The activation poll plus one per started minute: four processes polling would make it 4 times that.
	assert.ok(polls >= 2 && polls <= 2 + Math.floor(seconds / 60), `${polls} polls in ${seconds.toFixed(0)} s`);
	assert.equal(executionsOf(postgres, POLLING_TRIGGER_WORKFLOW).length, 1, 'the payment ran the workflow once');
	assert.equal(run.status, 'success');
	const perWorker = spread(cluster.workers, [run.id]);
	assert.equal(Object.values(perWorker).reduce((sum, count) => sum + count, 0), 1, `run by a worker: ${JSON.stringify(perWorker)}`);
	return { seconds, polls, executions: 1, spread: perWorker };
}

export async function runTriggerScenario(cluster: QueueCluster, sandbox: Sandbox, postgres: Postgres): Promise<TriggerReport> {
	sandbox.reset();
	const crm = await startCrm(CRM_PORT);
	try {
		const webhook = await webhookMode(cluster, sandbox, postgres, crm);
		const polling = await pollingMode(cluster, sandbox, postgres, crm);
		return { webhook, polling };
	} finally {
		await crm.close();
	}
}
