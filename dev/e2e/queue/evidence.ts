/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * What the queue-mode scenarios are checked against: the invoices the sandbox really stores (read
 * through its signed list API, then each one in full) and n8n's executions in PostgreSQL.
 */
import type { Sandbox } from '../../sandbox';
import { Client } from '../../sandbox/client';
import type { N8nProcess } from './cluster';
import type { Postgres } from './services';

export interface StoredInvoice {
	id: string;
	status: string;
	customerInformation?: { name?: string; email?: string };
	invoiceInformation: { description?: string; deliveryMode?: string };
	orderInformation: { amountDetails: { totalAmount: number | string } };
}

/** Every invoice of the sandbox's merchant, 100 per page as a client would list them. */
export async function storedInvoices(sandbox: Sandbox): Promise<StoredInvoice[]> {
	// Signed with the sandbox's own time, whatever clock offset a scenario gave it.
	const client = new Client(sandbox, sandbox.merchant, () => Date.now() + sandbox.clockOffsetMs());
	const ids: string[] = [];
	for (let offset = 0; ; offset += 100) {
		const page = await client.get(`/invoicing/v2/invoices?offset=${offset}&limit=100`);
		if (page.status !== 200) throw new Error(`listing invoices failed: ${page.status} ${page.text}`);
		const invoices = (page.json.invoices ?? []) as Array<{ id: string }>;
		ids.push(...invoices.map((invoice) => invoice.id));
		if (offset + 100 >= page.json.totalInvoices) break;
	}
	return ids.map((id) => sandbox.getInvoice(id) as StoredInvoice);
}

/** Successful creates the sandbox answered so far (stored invoices, without a list call). */
export function createdSoFar(sandbox: Sandbox, since = 0): number {
	return sandbox
		.requests({ since, pathIncludes: '/invoicing/v2/invoices' })
		.filter((request) => request.method === 'POST' && request.path === '/invoicing/v2/invoices' && request.status === 201).length;
}

export interface ExecutionRow {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
	retryOf: string | null;
}

/** n8n's executions of a workflow, oldest first. */
export function executionsOf(postgres: Postgres, workflowId: string): ExecutionRow[] {
	const rows = postgres.query(
		`SELECT id, status, mode, COALESCE("retryOf", '') FROM execution_entity WHERE "workflowId" = '${workflowId}' ORDER BY id`,
	);
	return rows.map(([id, status, mode, retryOf]) => ({ id, workflowId, status, mode, retryOf: retryOf || null }));
}

/** Which worker logged "Worker started execution <id>" for each id. */
export function workerOf(workers: N8nProcess[]): Map<string, string[]> {
	const ran = new Map<string, string[]>();
	for (const worker of workers) {
		for (const id of worker.startedExecutions()) ran.set(id, [...(ran.get(id) ?? []), worker.name]);
	}
	return ran;
}

/** How many executions of `ids` each worker ran, e.g. `{ 'worker-1': 22, 'worker-2': 18 }`. */
export function spread(workers: N8nProcess[], ids: string[]): Record<string, number> {
	const ran = workerOf(workers);
	const counts: Record<string, number> = Object.fromEntries(workers.map((worker) => [worker.name, 0]));
	for (const id of ids) for (const name of ran.get(id) ?? []) counts[name]++;
	return counts;
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function waitFor<T>(label: string, probe: () => T | undefined | false, timeoutMs = 60_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = probe();
		if (value !== undefined && value !== false) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${label}`);
		await sleep(200);
	}
}
