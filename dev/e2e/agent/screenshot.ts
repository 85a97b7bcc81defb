/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * .github/assets/agent-workflow.png: example 5 (Chat Trigger → AI Agent with the OpenAI Chat Model and the
 * two Cybersource Invoice tools) in the real n8n editor, taken with headless Chromium.
 *
 *   npm run build && npm run build:dev && node .dev-dist/dev/e2e/agent/screenshot.js
 *
 * Env: CHROMIUM_PATH (default /usr/bin/chromium; Debian: apt-get install chromium).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium, selectors } from 'playwright-core';

import { startSandbox } from '../../sandbox';
import { OWNER } from '../../realN8n/instance';
import { ensureRuntime, ROOT } from '../../realN8n/runtime';
import { startMockModel } from './mockModel';
import { AGENT_WORKFLOW_ID, startAgentN8n, type AgentN8n } from './scenario';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TARGET = path.join(ROOT, '.github', 'assets', 'agent-workflow.png');

/** n8n 2.8 asks for an owner on first start (newer versions can take it from N8N_INSTANCE_OWNER_*). */
async function setUpOwner(url: string): Promise<void> {
	const response = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	if (!response.ok) throw new Error(`owner setup failed: ${response.status} ${await response.text()}`);
}

async function capture(url: string): Promise<void> {
	// n8n marks its elements with data-test-id.
	selectors.setTestIdAttribute('data-test-id');
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
	});
	try {
		const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
		page.setDefaultTimeout(30_000);
		const redirect = `/workflow/${AGENT_WORKFLOW_ID}`;
		await page.goto(`${url}/signin?redirect=${encodeURIComponent(redirect)}`);
		await page.getByTestId('emailOrLdapLoginId').locator('input').fill(OWNER.email);
		await page.getByTestId('password').locator('input').fill(OWNER.password);
		await page.getByTestId('form-submit-button').click();
		await page.waitForURL((target) => target.pathname === redirect);
		await page.locator('[data-test-id="canvas-node"]').nth(4).waitFor();
		// The canvas fits the view with an animation once the nodes are drawn.
		await page.waitForTimeout(1_500);
		mkdirSync(path.dirname(TARGET), { recursive: true });
		await page.screenshot({ path: TARGET, animations: 'disabled' });
	} catch (error) {
		const failure = path.join(ROOT, 'dev', 'e2e', 'artifacts', 'agent-screenshot-failure.png');
		mkdirSync(path.dirname(failure), { recursive: true });
		await browser.contexts()[0]?.pages()[0]?.screenshot({ path: failure }).catch(() => undefined);
		throw error;
	} finally {
		await browser.close();
	}
}

async function main(): Promise<void> {
	ensureRuntime();
	const workDir = mkdtempSync(path.join(tmpdir(), 'cs-agent-shot-'));
	const sandbox = await startSandbox({ port: 0, quiet: true });
	const model = await startMockModel();
	let n8n: AgentN8n | undefined;
	try {
		n8n = await startAgentN8n(sandbox, model, workDir, 'custom');
		await setUpOwner(n8n.url);
		await capture(n8n.url);
		console.log(`[agent] screenshot written to ${path.relative(ROOT, TARGET)}`);
	} finally {
		await n8n?.stop();
		await model.close();
		await sandbox.close();
		rmSync(workDir, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(`[agent] screenshot FAILED: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
	process.exit(1);
});
