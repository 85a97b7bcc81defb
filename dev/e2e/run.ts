/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * End to end in a real n8n: the built package is loaded as a custom extension and, once, as an
 * installed community package; n8n must register the node, its AI-tool variant and the
 * credential, import the examples, run them, and leave the right invoices in the sandbox.
 *
 *   npm run test:e2e
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startSandbox, type Sandbox } from '../sandbox';
import {
	ensureRuntime,
	n8nEnv,
	n8nVersion,
	nodeVersion,
	runN8nOrThrow,
	stageCommunityPackage,
	stageExtension,
} from '../realN8n/runtime';
import { reportAgentRun, runAgentScenario } from './agent/scenario';
import { EXAMPLE_SCENARIOS, playScenario, SAVED_V1_SCENARIOS, type Scenario } from '../realN8n/scenarios';
import { assertCustomApiCallOffered, assertHttpRequestNodeSigned, newestHttpRequestVersion } from './httpRequestNode';
import { assertRetryKeepsNumber } from './retryNumber';
import { runTriggerE2e } from './trigger';
import { importIntoN8n, loadExamples, loadSavedV1Workflows, nodeTypePrefix, type LoadMode } from '../realN8n/workflows';
import { assertRuntimeProvidesWorkflowApi } from './workflowApi';

interface Step {
	mode: LoadMode;
	step: string;
	seconds: number;
}

const steps: Step[] = [];

async function timed<T>(mode: LoadMode, step: string, work: () => Promise<T>): Promise<T> {
	const started = Date.now();
	try {
		return await work();
	} finally {
		steps.push({ mode, step, seconds: (Date.now() - started) / 1000 });
	}
}

/** `n8n export:nodes` lists every node type n8n loaded. */
async function assertRegistered(env: NodeJS.ProcessEnv, mode: LoadMode, workDir: string): Promise<void> {
	const file = path.join(workDir, 'nodes.json');
	await runN8nOrThrow(['export:nodes', `--output=${file}`], env);
	const exported = JSON.parse(readFileSync(file, 'utf8')) as Array<{
		name: string;
		version: number | number[];
		credentials?: Array<{ name: string }>;
		properties: Array<{ name: string }>;
	}>;
	const prefix = `${nodeTypePrefix(mode)}.`;
	const types = exported.filter((type) => type.name.startsWith(prefix));
	// n8n lists a versioned node once per version (n8n 2.40: the invoice node and its tool, v1 and v2).
	const names = [...new Set(types.map((type) => type.name))].sort();
	const expected = ['cybersourceInvoice', 'cybersourceInvoicePollingTrigger', 'cybersourceInvoiceTool', 'cybersourceInvoiceTrigger'];
	assert.deepEqual(names, expected.map((name) => `${prefix}${name}`));
	for (const name of ['cybersourceInvoice', 'cybersourceInvoiceTool']) {
		const versions = types.filter((type) => type.name === `${prefix}${name}`).flatMap((type) => [type.version].flat());
		assert.ok(versions.includes(2), `${name}: version 2 registered (got ${versions.join(', ')})`);
	}
	for (const type of types) assert.deepEqual(type.credentials?.map((c) => c.name), ['cybersourceApi']);
	// n8n adds Poll Times to a polling node's properties in place: once, as the editor shows it (POST /rest/node-types reads the same list).
	const polling = types.filter((type) => type.name === `${prefix}cybersourceInvoicePollingTrigger`);
	assert.equal(polling.length, 1, 'one polling trigger version registered');
	const pollTimes = polling[0].properties.filter((property) => property.name === 'pollTimes').length;
	assert.equal(pollTimes, 1, `the polling trigger lists pollTimes once (got ${pollTimes})`);
}

async function runInN8n(mode: LoadMode, sandbox: Sandbox, scenarios: Scenario[]): Promise<void> {
	const workDir = mkdtempSync(path.join(tmpdir(), `cs-e2e-${mode}-`));
	try {
		const userFolder = path.join(workDir, 'home');
		const extra: Record<string, string> = {};
		if (mode === 'custom') extra.N8N_CUSTOM_EXTENSIONS = stageExtension(path.join(workDir, 'ext'));
		else stageCommunityPackage(userFolder);
		const env = n8nEnv(userFolder, extra);

		await timed(mode, 'export:nodes', () => assertRegistered(env, mode, workDir));
		await timed(mode, 'import credential + workflows', () => importIntoN8n(env, workDir, sandbox, mode, { savedV1: true }));
		console.log(
			`[e2e] ${mode}: node and its AI-tool variant registered, using cybersourceApi; ${loadExamples().length} examples and ${loadSavedV1Workflows().length} saved version 1 workflow(s) imported`,
		);
		for (const scenario of scenarios) {
			await timed(mode, `execute ${scenario.workflowId}`, () => playScenario(scenario, sandbox, env));
			console.log(`[e2e] ${mode}: ✔ ${scenario.title}`);
		}
		if (mode === 'custom') {
			const numbers = await timed(mode, 'Retry On Fail keeps the number', () => assertRetryKeepsNumber(sandbox, env, workDir, mode));
			console.log(`[e2e] ${mode}: ✔ Retry On Fail re-sent the failed try's number; two executions: ${numbers.join(', ')}`);
			assertCustomApiCallOffered(path.join(workDir, 'nodes.json'), mode);
			const created = await timed(mode, 'Custom API Call (HTTP Request)', () => assertHttpRequestNodeSigned(sandbox, env, workDir));
			console.log(`[e2e] ${mode}: ✔ Custom API Call offered; HTTP Request 4.2 read and ${newestHttpRequestVersion()} created ${created}, signed and accepted; another host refused`);
		}
	} finally {
		rmSync(workDir, { recursive: true, force: true });
	}
}

async function main(): Promise<void> {
	const started = Date.now();
	ensureRuntime();
	assertRuntimeProvidesWorkflowApi();
	const sandbox = await startSandbox({ port: 0, quiet: true });
	try {
		await runInN8n('custom', sandbox, [...EXAMPLE_SCENARIOS, ...SAVED_V1_SCENARIOS]);
		// A real AI Agent (example 5) chatting through n8n start, with a local mock model.
		reportAgentRun(await timed('community', 'AI agent chat (n8n start)', () => runAgentScenario(sandbox, 'community')));
		// Both invoice triggers activated in n8n start (own sandbox, CRM stand-in on 127.0.0.1:8790).
		await timed('custom', 'triggers (n8n start)', () => runTriggerE2e());
		// The way users get it: the published tarball under ~/.n8n/nodes/node_modules.
		await runInN8n('community', sandbox, EXAMPLE_SCENARIOS.filter((scenario) => scenario.workflowId === 'csExSheetRows001'));
	} finally {
		await sandbox.close();
	}
	console.log(`\n[e2e] n8n ${n8nVersion()} on Node ${nodeVersion()}: all passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	for (const step of steps) console.log(`  ${step.mode.padEnd(10)} ${step.step.padEnd(32)} ${step.seconds.toFixed(1)} s`);
}

main().catch((error: unknown) => {
	console.error(`[e2e] FAILED: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
	process.exit(1);
});
