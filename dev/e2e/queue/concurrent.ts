/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Scenario 1: 40 webhook calls at once to the production URL (served by the webhook process), each
 * creating and emailing one invoice on a worker. Both workers sign with the same P12 credential at
 * the same time, against a gateway whose clock runs 20 minutes ahead: each worker process learns
 * the offset on its own (the P12 cache and the offset are per process) and no call fails.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import { assignedInvoiceNumber } from '../../../nodes/shared/helpers/invoiceNumber';
import { SEED_KEY } from '../../../nodes/CybersourceInvoice/actions/invoice/numberOrigin';
import type { Sandbox } from '../../sandbox';
import type { QueueCluster } from './cluster';
import { executionsOf, spread, storedInvoices, waitFor } from './evidence';
import { nodeContextOf } from './executionContext';
import type { Postgres } from './services';
import { EMAIL_WORKFLOW } from './workflows';

export const CALLS = 40;
const AHEAD_MS = 20 * 60_000;
/** The create node of EMAIL_WORKFLOW, whose execution context holds the seed. */
const EMAIL_WORKFLOW_NODE = 'Create and email invoice';

export interface ConcurrentReport {
	invoices: number;
	executions: number;
	spread: Record<string, number>;
	/** 401s for the clock, each followed by a signature with Cybersource's time. */
	clockRejections: number;
	/** A second round, once the workers know the offset: 401s expected 0. */
	laterRejections: number;
	seconds: number;
}

async function call(cluster: QueueCluster, index: number): Promise<Record<string, unknown>> {
	const response = await fetch(`${cluster.webhookUrl}/webhook/${EMAIL_WORKFLOW.path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		signal: AbortSignal.timeout(120_000),
		body: JSON.stringify({
			name: `Buyer ${index}`,
			email: `buyer${index}@example.com`,
			description: `Order ${index}`,
			amount: (10 + index).toFixed(2),
		}),
	});
	const text = await response.text();
	assert.equal(response.status, 200, `call ${index}: ${response.status} ${text}`);
	return JSON.parse(text) as Record<string, unknown>;
}

/** n8n derives its instance id from the encryption key, which every process of the cluster shares. */
function instanceIdOf(encryptionKey: string): string {
	return createHash('sha256').update(encryptionKey.slice(Math.round(encryptionKey.length / 2))).digest('hex');
}

/**
 * The numbers the node assigns in these executions, wherever they ran: same instance id everywhere,
 * and the random seed each execution kept in the node's context, stored with it in PostgreSQL.
 */
function expectedNumbers(cluster: QueueCluster, postgres: Postgres, executionIds: string[]): string[] {
	const instanceId = instanceIdOf(String(cluster.env.N8N_ENCRYPTION_KEY));
	return executionIds.map((executionId) => {
		const executionSeed = String(nodeContextOf(postgres, executionId, EMAIL_WORKFLOW_NODE)[SEED_KEY]);
		return assignedInvoiceNumber({ executionSeed, instanceId, workflowId: EMAIL_WORKFLOW.id, executionId, nodeId: 'q3', runIndex: 0, itemIndex: 0 });
	});
}

function clockRejections(sandbox: Sandbox, since: number): number {
	return sandbox.requests({ since }).filter((request) => request.status === 401).length;
}

export async function runConcurrentScenario(cluster: QueueCluster, sandbox: Sandbox, postgres: Postgres): Promise<ConcurrentReport> {
	sandbox.reset();
	sandbox.setClockOffset(AHEAD_MS);
	const started = Date.now();
	const answers = await Promise.all(Array.from({ length: CALLS }, (_, index) => call(cluster, index)));
	const seconds = (Date.now() - started) / 1000;

	const ids = answers.map((answer) => String(answer.id));
	assert.equal(new Set(ids).size, CALLS, 'each call answered with its own invoice');
	const invoices = await storedInvoices(sandbox);
	assert.equal(invoices.length, CALLS, `the sandbox stores exactly ${CALLS} invoices`);
	for (const invoice of invoices) {
		const index = Number(/^Buyer (\d+)$/.exec(invoice.customerInformation?.name ?? '')?.[1]);
		assert.equal(invoice.status, 'SENT', `invoice ${invoice.id} was emailed`);
		assert.equal(invoice.customerInformation?.email, `buyer${index}@example.com`);
		assert.equal(Number(invoice.orderInformation.amountDetails.totalAmount), 10 + index);
	}
	assert.deepEqual(new Set(invoices.map((invoice) => invoice.id)), new Set(ids));

	const executions = await waitFor('40 finished executions in Postgres', () => {
		const rows = executionsOf(postgres, EMAIL_WORKFLOW.id);
		return rows.length === CALLS && rows.every((row) => row.status !== 'running' && row.status !== 'new') && rows;
	});
	assert.deepEqual(
		executions.filter((row) => row.status !== 'success'),
		[],
		'every execution succeeded',
	);
	const perWorker = spread(cluster.workers, executions.map((row) => row.id));
	assert.equal(
		Object.values(perWorker).reduce((sum, count) => sum + count, 0),
		CALLS,
		`each execution was started by exactly one worker: ${JSON.stringify(perWorker)}`,
	);
	for (const [worker, count] of Object.entries(perWorker)) assert.ok(count > 0, `${worker} ran none of the ${CALLS} executions`);
	assert.deepEqual(
		[...ids].sort(),
		expectedNumbers(cluster, postgres, executions.map((row) => row.id)).sort(),
		'both workers assign numbers from the instance id of the shared encryption key and the seed stored with the execution',
	);
	const rejections = clockRejections(sandbox, 0);
	assert.ok(rejections > 0, 'the gateway clock 20 minutes ahead was noticed (401, then signed again)');
	assert.ok(rejections <= CALLS, `at most one clock 401 per call, got ${rejections}`);

	// Both workers know the offset now: a second round signs right the first time.
	const since = sandbox.requests().at(-1)?.seq ?? 0;
	await Promise.all(Array.from({ length: 10 }, (_, index) => call(cluster, CALLS + index)));
	const laterRejections = clockRejections(sandbox, since);
	assert.equal(laterRejections, 0, 'no 401 once each worker knows the offset');
	return { invoices: invoices.length, executions: executions.length, spread: perWorker, clockRejections: rejections, laterRejections, seconds };
}
