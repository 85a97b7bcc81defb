/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * One-command demo: the local Cybersource sandbox and a real n8n with this node, a credential
 * for the sandbox and the example workflows, ready to log in to.
 *
 *   npm run demo                 interactive: n8n on http://127.0.0.1:5678 (Ctrl-C stops both)
 *   npm run demo -- --headless   runs every example once, prints what it did, exits non-zero on failure
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startSandbox, type Sandbox } from '../sandbox';
import { OWNER, startInstance } from '../realN8n/instance';
import { ensureRuntime, n8nEnv, n8nVersion, ROOT, stageExtension } from '../realN8n/runtime';
import { EXAMPLE_SCENARIOS, playScenario, type ScenarioSummary } from '../realN8n/scenarios';
import { importIntoN8n, WEBHOOK_WORKFLOW } from '../realN8n/workflows';
import { startCrm } from '../realN8n/crm';
import { activateInN8n } from '../realN8n/rest';

const DEMO_DIR = path.join(ROOT, '.demo');
const N8N_PORT = Number(process.env.DEMO_N8N_PORT ?? 5678);
const SANDBOX_PORT = Number(process.env.DEMO_SANDBOX_PORT ?? 8787);

/** Every invoice each example created or changed, as the sandbox holds it after the run. */
function report(rows: ScenarioSummary[]): string {
	const lines: string[] = [];
	for (const row of rows) {
		lines.push(`${row.workflow}: ${row.invoices.length} invoice(s)`);
		for (const invoice of row.invoices) {
			const link = invoice.paymentLink ? `  ${invoice.paymentLink}` : '';
			lines.push(
				`  ${invoice.number.padEnd(22)} ${invoice.status.padEnd(15)} due ${invoice.dueDate}  ${invoice.total.padStart(11)}  ${invoice.customer}${link}`,
			);
		}
	}
	return lines.join('\n');
}

async function headless(): Promise<number> {
	const workDir = mkdtempSync(path.join(tmpdir(), 'cs-demo-'));
	const sandbox = await startSandbox({ port: 0, quiet: true });
	const rows: ScenarioSummary[] = [];
	let failures = 0;
	try {
		const env = n8nEnv(path.join(workDir, 'home'), { N8N_CUSTOM_EXTENSIONS: stageExtension(path.join(workDir, 'ext')) });
		await importIntoN8n(env, workDir, sandbox, 'custom');
		for (const scenario of EXAMPLE_SCENARIOS) {
			try {
				rows.push(await playScenario(scenario, sandbox, env));
			} catch (error) {
				failures++;
				console.error(`✘ ${scenario.title}: ${error instanceof Error ? error.message : String(error)}`);
			}
		}
	} finally {
		await sandbox.close();
		rmSync(workDir, { recursive: true, force: true });
	}
	console.log(`\nn8n ${n8nVersion()} + n8n-nodes-cybersource-invoice against the local sandbox:\n`);
	console.log(report(rows));
	console.log(failures ? `\n${failures} workflow(s) FAILED` : '\nAll example workflows succeeded.');
	return failures ? 1 : 0;
}

/** A new demo sandbox gets a few invoices, so lists and the chase example have something to show. */
function seedDemoInvoices(sandbox: Sandbox): void {
	EXAMPLE_SCENARIOS.find((scenario) => scenario.workflowId === 'csExChasePaymnt1')?.prepare?.(sandbox);
}

async function interactive(): Promise<void> {
	const dataFile = path.join(DEMO_DIR, 'sandbox-data.json');
	const isNew = !existsSync(dataFile);
	const sandbox = await startSandbox({ port: SANDBOX_PORT, quiet: true, dataFile });
	if (isNew) seedDemoInvoices(sandbox);
	console.log(`[demo] Cybersource sandbox on ${sandbox.url} (merchant ${sandbox.merchant.merchantId})`);
	console.log('[demo] starting n8n…');
	const instance = await startInstance({
		workDir: path.join(DEMO_DIR, 'n8n'),
		sandbox,
		port: N8N_PORT,
		brokerPort: N8N_PORT + 1,
		stdio: 'ignore',
	});
	// Example 6 listens for paid invoices (webhook trigger) and updates a stand-in CRM.
	const crm = await startCrm();
	await activateInN8n(instance.url, WEBHOOK_WORKFLOW).catch((error: unknown) =>
		console.error(`[demo] could not activate example 6: ${error instanceof Error ? error.message : String(error)}`),
	);
	console.log(`
  n8n:      ${instance.url}   (log in as ${OWNER.email} / ${OWNER.password})
  form:     ${instance.formUrl}   (example 1: submit it to create and email an invoice)
  sandbox:  ${sandbox.url}   credential "Cybersource (local sandbox)" is already set up

  crm:      ${crm.url}/contacts   (example 6 is active: pay an invoice and its contact is updated, e.g.
            curl -X POST ${sandbox.url}/__sandbox/invoices/<number>/payments -H 'content-type: application/json' -d '{}')

  Open the workflows "Cybersource example 1…4" and click "Execute workflow".
  Ctrl-C stops n8n and the sandbox; invoices are kept in .demo/sandbox-data.json.
`);
	let stopping = false;
	const shutdown = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\n[demo] stopping…');
		await instance.stop();
		await crm.close();
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void shutdown());
	process.on('SIGTERM', () => void shutdown());
	instance.process.on('exit', (code) => {
		if (stopping) return;
		console.error(`[demo] n8n exited unexpectedly (code ${code})`);
		void sandbox.close().then(() => process.exit(1));
	});
}

async function main(): Promise<void> {
	ensureRuntime();
	if (process.argv.includes('--headless')) process.exit(await headless());
	await interactive();
}

main().catch((error: unknown) => {
	console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
