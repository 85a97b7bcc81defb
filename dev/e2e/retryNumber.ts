/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * In a real n8n, the node's execution context survives Retry On Fail: the invoice number the node
 * assigns mixes in a random value kept there (see actions/invoice/numberOrigin.ts), so a try
 * that sends the number the failed try sent proves n8n handed the second try the same context.
 * And two executions of the same workflow get different numbers.
 *
 * The first try fails on purpose: the create is answered 503 (outcome unknown) and every lookup
 * of the number is answered 503 too, so the node cannot tell whether the invoice exists and stops
 * without sending again; n8n's Retry On Fail then runs the node a second time.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { SEED_KEY } from '../../nodes/CybersourceInvoice/actions/invoice/numberOrigin';
import type { RequestLogEntry, Sandbox } from '../sandbox';
import { firstJsonValue, runN8n, runN8nOrThrow } from '../realN8n/runtime';
import { CREDENTIAL_ID, CREDENTIAL_NAME, nodeTypePrefix, type LoadMode } from '../realN8n/workflows';

const WORKFLOW_ID = 'csRetryNumber001';
const NODE = 'Create invoice (Retry On Fail)';
const CREATE = '/invoicing/v2/invoices';
/** More than any number of lookups one try makes, so every lookup of the first try fails. */
const FAILING_LOOKUPS = 20;

function retryWorkflow(mode: LoadMode): object {
	return {
		id: WORKFLOW_ID,
		name: 'e2e: Retry On Fail keeps the assigned invoice number',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: 'r1', name: 'Run it', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'r2',
				name: NODE,
				type: `${nodeTypePrefix(mode)}.cybersourceInvoice`,
				typeVersion: 1,
				position: [240, 0],
				retryOnFail: true,
				maxTries: 2,
				waitBetweenTries: 100,
				parameters: {
					resource: 'invoice',
					operation: 'create',
					customerName: 'Retry Customer',
					customerEmail: 'retry@example.com',
					description: 'Retry On Fail e2e',
					dueDate: "={{ $now.plus(14, 'days').toISODate() }}",
					currency: 'USD',
					totalAmount: '42.00',
					lineItemsMode: 'fields',
					lineItems: {},
					allowPartialPayments: false,
					sendByEmail: false,
					additionalFields: {},
				},
				credentials: { cybersourceApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
			},
		],
		connections: { 'Run it': { main: [[{ node: NODE, type: 'main', index: 0 }]] } },
	};
}

function numberSent(request: RequestLogEntry): string {
	const body = JSON.parse(request.body) as { invoiceInformation?: { invoiceNumber?: string } };
	return String(body.invoiceInformation?.invoiceNumber);
}

interface CliRun {
	status?: string;
	data: {
		resultData: { runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>>; error?: { message?: string; description?: string } };
		executionData?: { contextData?: Record<string, Record<string, unknown>> };
	};
}

/** `n8n execute --rawOutput`, read whole: the run's data, the execution contexts included. */
async function execute(env: NodeJS.ProcessEnv): Promise<CliRun> {
	const result = await runN8n(['execute', `--id=${WORKFLOW_ID}`, '--rawOutput'], env);
	const start = result.stdout.search(/^\{/m);
	if (start < 0) throw new Error(`n8n execute ${WORKFLOW_ID} printed no result (exit ${result.status}):\n${result.output.slice(-4000)}`);
	return JSON.parse(firstJsonValue(result.stdout, start)) as CliRun;
}

/** One execution whose first try fails; returns the number every create of it carried. */
async function executeWithFailingFirstTry(sandbox: Sandbox, env: NodeJS.ProcessEnv): Promise<string> {
	const since = sandbox.requests().at(-1)?.seq ?? 0;
	sandbox.injectFault({ kind: '503', method: 'POST', path: 'v2/invoices', count: 1 });
	sandbox.injectFault({ kind: '503', method: 'GET', path: 'v2/invoices/', count: FAILING_LOOKUPS });
	const run = await execute(env);
	// Lookups the first try did not use stay armed: the second try needs none.
	sandbox.clearFaults();
	const { error } = run.data.resultData;
	if (run.status !== 'success') throw new Error(`execution ${run.status}: ${error?.message ?? ''} ${error?.description ?? ''}`.trim());
	const requests = sandbox.requests({ since, pathIncludes: CREATE });
	const posts = requests.filter((request) => request.method === 'POST');
	const lines = requests.map((request) => `${request.method} ${request.status}`);
	// Try 1: the create (503) and its failed lookups; try 2 (Retry On Fail): the create again (201).
	assert.equal(lines[0], 'POST 503', lines.join(', '));
	assert.ok(lines.slice(1, -1).length > 0 && lines.slice(1, -1).every((line) => line === 'GET 503'), lines.join(', '));
	assert.equal(lines.at(-1), 'POST 201', lines.join(', '));
	const [failed, succeeded] = posts.map(numberSent);
	assert.match(failed, /^N8N-[0-9A-Z]{12}-0$/);
	assert.equal(succeeded, failed, 'the retried try sent the number of the failed try');
	const created = run.data.resultData.runData[NODE]?.[0]?.data?.main?.[0]?.[0]?.json;
	assert.equal(created?.id, failed);
	// The value the number came from, where n8n keeps it for the execution (and stores it with it).
	const seed = run.data.executionData?.contextData?.[`node:${NODE}`]?.[SEED_KEY];
	assert.match(String(seed), /^[0-9a-f]{32}$/, 'the node kept its seed in its execution context');
	return failed;
}

/** Imports the workflow into the n8n of `env`, runs it twice, and returns the two numbers. */
export async function assertRetryKeepsNumber(sandbox: Sandbox, env: NodeJS.ProcessEnv, workDir: string, mode: LoadMode): Promise<string[]> {
	const file = path.join(workDir, 'retry-number.json');
	writeFileSync(file, JSON.stringify([retryWorkflow(mode)]));
	await runN8nOrThrow(['import:workflow', `--input=${file}`], env);
	sandbox.reset();
	const first = await executeWithFailingFirstTry(sandbox, env);
	const second = await executeWithFailingFirstTry(sandbox, env);
	assert.notEqual(second, first, 'two executions of the same workflow get different numbers');
	assert.ok([first, second].every((id) => sandbox.getInvoice(id)), 'each execution stored its invoice');
	return [first, second];
}
