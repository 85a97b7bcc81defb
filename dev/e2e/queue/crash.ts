/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Scenario 2: one execution creates 300 invoices from rows (4 requests in flight); the worker
 * running it is killed with SIGKILL once about 100 are stored. n8n 2.8.4 never runs a stalled job
 * again (it sets Bull's maxStalledCount to 0): once the dead worker's lock expires the surviving
 * worker moves the job to Bull's failed set; the main's queue recovery (every 3 hours, and when the
 * main starts) then marks the execution `crashed`. The operator restarts the main, and retries the
 * execution (REST API), which runs the workflow again as a NEW execution on a worker. When Bull's
 * stall check failed the dead job first, n8n keeps that error and the retry ends at once without
 * running; the operator then runs the workflow again (operatorRetry).
 * - Numbers from the row id: the retry finds the invoices made before the crash (Cybersource
 *   refuses the number, the node reads the invoice and returns it): exactly 300, none twice.
 * - Numbers assigned by the node: they derive from the execution id, which the retry changes, so
 *   every row invoiced before the crash gets a second invoice. Asserted as it is, and reported.
 */
import assert from 'node:assert/strict';

import type { Sandbox } from '../../sandbox';
import type { N8nProcess, QueueCluster } from './cluster';
import { createdSoFar, executionsOf, sleep, storedInvoices, waitFor, workerOf, type ExecutionRow } from './evidence';
import type { Postgres, Redis } from './services';
import { ASSIGNED_WORKFLOW, ROWS_WORKFLOW } from './workflows';

export const ROWS = 300;
const KILL_AT = 100;
/** Per answer; with 4 in flight 300 creates take about 10 s, long enough to kill mid-way. */
const LATENCY_MS = 120;

export type Numbering = 'row id' | 'assigned';

export interface CrashReport {
	numbering: Numbering;
	killed: string;
	storedAtKill: number;
	storedBeforeRetry: number;
	/** How n8n left the first execution, what marked it so, and who ran the retry. */
	firstExecution: string;
	recoveredBy: string;
	retryExecution: string;
	/** What the operator did: Retry, or Retry refused by n8n and a new run. */
	operatorAction: string;
	retryRanOn: string;
	invoices: number;
	rowsInvoicedTwice: number;
	rowsMissing: number;
}

function rows(): Array<Record<string, unknown>> {
	return Array.from({ length: ROWS }, (_, index) => ({
		id: index + 1,
		name: `Row ${index + 1} buyer`,
		email: `row${index + 1}@example.com`,
		amount: (5 + (index % 50)).toFixed(2),
	}));
}

/** Invoices per row, from the description "Row <id>". */
function invoicesPerRow(descriptions: string[]): Map<number, number> {
	const perRow = new Map<number, number>();
	for (const description of descriptions) {
		const row = Number(/^Row (\d+)$/.exec(description)?.[1]);
		perRow.set(row, (perRow.get(row) ?? 0) + 1);
	}
	return perRow;
}

async function startRun(cluster: QueueCluster, path: string): Promise<void> {
	const response = await fetch(`${cluster.webhookUrl}/webhook/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ rows: rows() }),
	});
	assert.equal(response.status, 200, `webhook call: ${response.status} ${await response.text()}`);
}

export interface QueueServices {
	cluster: QueueCluster;
	sandbox: Sandbox;
	postgres: Postgres;
	redis: Redis;
}

/** Kills the worker running the execution once KILL_AT invoices are stored. */
async function killMidway({ cluster, sandbox }: QueueServices, execution: ExecutionRow): Promise<{ worker: N8nProcess; jobId: string }> {
	const [worker, jobId] = await waitFor('a worker starting the execution', () => {
		for (const candidate of cluster.workers) {
			const job = new RegExp(`Worker started execution ${execution.id} \\(job (\\d+)\\)`).exec(candidate.log())?.[1];
			if (job) return [candidate, job] as const;
		}
		return undefined;
	});
	await waitFor(`${KILL_AT} stored invoices`, () => createdSoFar(sandbox) >= KILL_AT);
	await worker.crash();
	return { worker, jobId };
}

/**
 * The execution is over without a result: `crashed` (event-log or queue recovery), or `error` when
 * the surviving worker's stall check ("job stalled more than maxStalledCount") got there first —
 * n8n's recovery then keeps `error` (execution-recovery.service: error stays error).
 */
const isCrashed = (postgres: Postgres, execution: ExecutionRow) =>
	executionsOf(postgres, execution.workflowId).find((row) => row.id === execution.id && (row.status === 'crashed' || row.status === 'error'));

/**
 * What n8n does about it. The job is not run again (n8n sets Bull's maxStalledCount to 0). When
 * the worker is started again (a process supervisor would), it reads its own event log and marks
 * the execution `crashed`. Failing that, once the surviving worker dropped the job (lock expired,
 * job failed and removed), a main start runs the queue recovery, which does the same.
 */
async function recover(services: QueueServices, victim: N8nProcess, execution: ExecutionRow, jobId: string): Promise<{ row: ExecutionRow; by: string }> {
	const { cluster, postgres, redis } = services;
	await cluster.restartWorker(victim);
	try {
		return { row: await waitFor('the restarted worker to mark the execution crashed', () => isCrashed(postgres, execution), 20_000), by: `${victim.name} restarted (event log recovery)` };
	} catch {
		await waitFor(`Bull to drop job ${jobId} once the dead worker's lock expired`, () => redis.command('EXISTS', `bull:jobs:${jobId}`) === '0');
		await cluster.restartMain();
		const row = await waitFor('the main to mark the execution crashed', () => isCrashed(postgres, execution)).catch((error: Error) => {
			const now = executionsOf(postgres, execution.workflowId).find((candidate) => candidate.id === execution.id);
			throw new Error(`${error.message} (execution ${execution.id} is ${now?.status ?? 'gone'})`);
		});
		return { row, by: 'main restarted (queue recovery)' };
	}
}

const STALLED = 'failed to be processed too many times';

/**
 * The operator presses Retry. When Bull's stall check failed the dead job before the restarted
 * worker's recovery amended the execution, n8n keeps the stall error and no run data: the retry
 * ends at once ("failed to be processed too many times", nothing run, nothing stored). The
 * operator then runs the workflow again (a new execution), as n8n's message suggests.
 */
async function operatorRetry(services: QueueServices, workflow: { id: string; path: string }, first: ExecutionRow, firstStatus: string): Promise<{ execution: ExecutionRow; action: string }> {
	const { cluster, sandbox, postgres } = services;
	const storedBefore = createdSoFar(sandbox);
	const retry = await cluster.rest('POST', `/executions/${first.id}/retry`, { loadWorkflow: false });
	assert.equal(retry.status, 200, `retry: ${retry.status} ${JSON.stringify(retry.body)}`);
	const finished = (row: ExecutionRow) => row.status !== 'running' && row.status !== 'new';
	const retried = await waitFor('the retry to finish', () => executionsOf(postgres, workflow.id).find((row) => row.retryOf === first.id && finished(row)));
	if (retried.status === 'success') return { execution: retried, action: 'retry' };
	const details = JSON.stringify((await cluster.rest('GET', `/executions/${retried.id}?includeData=true`)).body);
	if (!details.includes(STALLED) || createdSoFar(sandbox) !== storedBefore) {
		throw new Error(`retry execution ${retried.id} (of ${first.id}, which ended ${firstStatus}) ended ${retried.status}: ${details.slice(0, 3000)}`);
	}
	await startRun(cluster, workflow.path);
	const again = await waitFor('the new run to finish', () =>
		executionsOf(postgres, workflow.id).find((row) => Number(row.id) > Number(retried.id) && !row.retryOf && finished(row)));
	assert.equal(again.status, 'success', `the new run ${again.id} ended ${again.status}`);
	return { execution: again, action: `retry ${retried.id} refused by n8n (stall error kept, nothing run), then run again` };
}

export async function runCrashScenario(services: QueueServices, numbering: Numbering): Promise<CrashReport> {
	const { cluster, sandbox, postgres } = services;
	const workflow = numbering === 'row id' ? ROWS_WORKFLOW : ASSIGNED_WORKFLOW;
	sandbox.reset();
	sandbox.setLatency({ ms: LATENCY_MS });
	await startRun(cluster, workflow.path);
	const first = await waitFor('the execution in Postgres', () => executionsOf(postgres, workflow.id)[0]);
	const { worker: victim, jobId } = await killMidway(services, first);
	const killed = victim.name;
	const storedAtKill = createdSoFar(sandbox);
	assert.ok(storedAtKill < ROWS, 'the worker died before the run was over');

	const { row: crashed, by: recoveredBy } = await recover(services, victim, first, jobId);
	await sleep(500);
	const storedBeforeRetry = (await storedInvoices(sandbox)).length;
	assert.deepEqual(workerOf(cluster.workers).get(first.id), [killed], 'no other worker ran the execution again');

	const { execution: second, action: operatorAction } = await operatorRetry(services, workflow, first, crashed.status);
	sandbox.setLatency({ ms: 0 });

	const invoices = await storedInvoices(sandbox);
	const perRow = invoicesPerRow(invoices.map((invoice) => invoice.invoiceInformation.description ?? ''));
	const rowsMissing = ROWS - [...perRow.keys()].filter((row) => row >= 1 && row <= ROWS).length;
	const rowsInvoicedTwice = [...perRow.values()].filter((count) => count > 1).length;
	assert.equal(rowsMissing, 0, 'every row has an invoice');
	assert.ok([...perRow.values()].every((count) => count <= 2), 'no row has more than two invoices');
	if (numbering === 'row id') {
		assert.equal(invoices.length, ROWS, `exactly ${ROWS} invoices`);
		assert.deepEqual(invoices.map((invoice) => invoice.id).sort(), rows().map((row) => `ROW-${row.id}`).sort());
	} else {
		// The retry is a new execution: new numbers, so what the crashed run stored is invoiced again.
		assert.equal(rowsInvoicedTwice, storedBeforeRetry, 'each row invoiced before the crash is invoiced again by the retry');
		assert.equal(invoices.length, ROWS + storedBeforeRetry);
	}
	return {
		numbering,
		killed,
		storedAtKill,
		storedBeforeRetry,
		firstExecution: `${crashed.id} ${crashed.status}`,
		recoveredBy,
		retryExecution: `${second.id} ${second.status} (${second.mode}${second.retryOf ? `, retry of ${second.retryOf}` : ""})`,
		operatorAction,
		retryRanOn: (workerOf(cluster.workers).get(second.id) ?? []).join(', '),
		invoices: invoices.length,
		rowsInvoicedTwice,
		rowsMissing,
	};
}
