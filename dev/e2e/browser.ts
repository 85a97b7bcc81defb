/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Browser test (issue 5 §4): a real n8n with this package, driven through its editor and the
 * published form in headless Chromium; every invoice is checked in the local sandbox.
 *
 *   npm run test:browser
 *
 * This file runs the steps in order and cleans up; each scenario is in browser/ (credentialTest,
 * nodePanel, executeExample, form), with the editor, Chromium and sandbox helpers beside them.
 *
 * Env: BROWSER_TEST_PORT (n8n, default 5688), BROWSER_TEST_BROKER_PORT (default port + 1),
 * CHROMIUM_PATH (default /usr/bin/chromium), UPDATE_SCREENSHOTS=1 (rewrite .github/assets/*.png).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { BrowserContext } from 'playwright-core';

import { startSandbox, type Sandbox } from '../sandbox';
import { OWNER, startInstance, type N8nInstance } from '../realN8n/instance';
import { ensureRuntime } from '../realN8n/runtime';
import { ARTIFACTS_DIR, launchBrowser, saveFailureArtifacts } from './browser/chromium';
import { checkCredentialTest } from './browser/credentialTest';
import { canvasNode, openNode, signIn } from './browser/editor';
import { executeAndCheck, INVOICE_NODE, TEST_RUN_WORKFLOW_ID } from './browser/executeExample';
import { submitFormAndCheck } from './browser/form';
import { checkTypedQuantity } from './browser/typedQuantity';
import { checkNodeList } from './browser/nodeList';
import { checkNodePanel } from './browser/nodePanel';
import { abortSteps, assertPortFree, delay, seconds, step, UI_TIMEOUT_MS } from './browser/steps';

const PORT = Number(process.env.BROWSER_TEST_PORT ?? 5688);
const BROKER_PORT = Number(process.env.BROWSER_TEST_BROKER_PORT ?? PORT + 1);

/** The whole run, n8n start-up included; a hang anywhere fails the test instead of blocking CI. */
const TOTAL_TIMEOUT_MS = 180_000;

const startedAt = Date.now();

interface Resources {
	workDir: string;
	profileDir: string;
	sandbox?: Sandbox;
	instance?: N8nInstance;
	context?: BrowserContext;
}

async function run(resources: Resources): Promise<void> {
	const sandbox = await step('sandbox started', async () => {
		resources.sandbox = await startSandbox({ port: 0, quiet: true });
		return resources.sandbox;
	});
	const instance = await step(`n8n started on :${PORT}`, async () => {
		await assertPortFree(PORT);
		await assertPortFree(BROKER_PORT);
		resources.instance = await startInstance({
			workDir: resources.workDir,
			sandbox,
			port: PORT,
			brokerPort: BROKER_PORT,
			stdio: 'ignore',
		});
		return resources.instance;
	});
	const context = await step('chromium launched', async () => {
		resources.context = await launchBrowser(resources.profileDir);
		return resources.context;
	});
	const page = context.pages()[0] ?? (await context.newPage());
	page.setDefaultTimeout(UI_TIMEOUT_MS);
	page.setDefaultNavigationTimeout(UI_TIMEOUT_MS);

	const workflowPath = `/workflow/${TEST_RUN_WORKFLOW_ID}`;
	await step(`signed in as ${OWNER.email}`, () => signIn(page, instance.url, workflowPath));
	const refusals = await step('credential test: signed GET accepted with the right keys; a wrong secret and the Merchant ID as Key ID named', () =>
		checkCredentialTest(page, instance.url, sandbox),
	);
	console.log(`  wrong secret: ${refusals.wrongSecret}\n  merchant ID as key ID: ${refusals.merchantAsKey}`);

	const ndv = await step(`opened "${INVOICE_NODE}" in the test-run workflow`, async () => {
		const node = canvasNode(page, INVOICE_NODE);
		await node.waitFor();
		// The package's node type, not n8n's placeholder for an unknown node.
		assert.equal(await node.getAttribute('data-node-type'), 'CUSTOM.cybersourceInvoice');
		return await openNode(page, INVOICE_NODE);
	});

	await step('node panel (version 2): operations, Invoice Number, currency list, Simplify on, line items (Add line), partial payments → minimum amount', () => checkNodePanel(page, ndv));

	await step('closed the node panel', async () => {
		await ndv.getByTestId('ndv-close-button').click();
		await ndv.waitFor({ state: 'hidden' });
	});

	const manual = await step('"Execute workflow" succeeded', () => executeAndCheck(page, sandbox));
	console.log(`  invoice ${manual.id}: ${manual.status}, ${manual.customerInformation?.name}, ${manual.orderInformation.amountDetails.totalAmount} USD`);

	const submitted = await step('published form submitted and confirmed', () => submitFormAndCheck(context, instance.formUrl, sandbox));
	console.log(`  invoice ${submitted.id}: ${submitted.status}, ${submitted.customerInformation?.name}, ${submitted.orderInformation.amountDetails.totalAmount} USD`);

	const refused = await step('quantity 1.5 typed in a line stays 1.5 and is refused, naming line and item', () => checkTypedQuantity(page, sandbox));
	console.log(`  ${refused}`);

	const list = await step('node list: Cybersource Invoice with the webhook trigger, the polling trigger as its own card', () => checkNodeList(page, instance.url));
	console.log(`  apps: ${list.apps.join(', ')}; triggers: ${list.triggers.join(', ')}`);
}

/**
 * Each resource separately, so one failing close cannot leave n8n or Chromium running. `pending`
 * is the test itself when the deadline cut it short: it may be inside startInstance, so wait for
 * it (every step is bounded) before stopping what it started.
 */
async function cleanUp(resources: Resources, pending?: Promise<unknown>): Promise<void> {
	await resources.context?.close().catch(() => undefined);
	if (pending) await Promise.race([pending.catch(() => undefined), delay(130_000)]);
	await resources.instance?.stop().catch(() => undefined);
	await resources.sandbox?.close().catch(() => undefined);
	rmSync(resources.workDir, { recursive: true, force: true });
	rmSync(resources.profileDir, { recursive: true, force: true });
}

async function main(): Promise<number> {
	ensureRuntime();
	// Leftovers from an earlier run would pass for this run's failure.
	rmSync(ARTIFACTS_DIR, { recursive: true, force: true });
	const resources: Resources = {
		workDir: mkdtempSync(path.join(tmpdir(), 'cs-browser-')),
		profileDir: mkdtempSync(path.join(tmpdir(), 'cs-chromium-')),
	};
	let timer: NodeJS.Timeout | undefined;
	const deadline = new Promise<never>((_, reject) => {
		timer = setTimeout(() => {
			abortSteps();
			reject(new Error(`the browser test took longer than ${TOTAL_TIMEOUT_MS / 1000} s`));
		}, TOTAL_TIMEOUT_MS);
	});
	const test = run(resources);
	test.catch(() => undefined); // still pending when the deadline wins; its error is moot then
	const interrupted = () => {
		abortSteps();
		void cleanUp(resources, test).then(() => process.exit(130));
	};
	process.once('SIGINT', interrupted);
	process.once('SIGTERM', interrupted);
	try {
		await Promise.race([test, deadline]);
		console.log(`\nBrowser test passed in ${seconds(startedAt)}.`);
		return 0;
	} catch (error) {
		console.error(`\nBrowser test FAILED after ${seconds(startedAt)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		await saveFailureArtifacts(resources.context);
		return 1;
	} finally {
		clearTimeout(timer);
		await cleanUp(resources, test);
	}
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
