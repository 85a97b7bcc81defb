/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * .github/assets/trigger-panel.png: the Cybersource Invoice Trigger's panel in a real n8n editor (example 6),
 * taken with headless Chromium. Also checks the panel offers the six webhook events.
 *
 *   npm run build && npm run build:dev && node .dev-dist/dev/e2e/triggerScreenshot.js
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startSandbox } from '../sandbox';
import { startInstance } from '../realN8n/instance';
import { ROOT, ensureRuntime } from '../realN8n/runtime';
import { WEBHOOK_WORKFLOW } from '../realN8n/workflows';
import { launchBrowser } from './browser/chromium';
import { openNode, signIn } from './browser/editor';

const PORT = 5803;
const TARGET = path.join(ROOT, '.github', 'assets', 'trigger-panel.png');

async function main(): Promise<void> {
	ensureRuntime();
	const workDir = mkdtempSync(path.join(tmpdir(), 'cs-trigger-shot-'));
	const sandbox = await startSandbox({ port: 0, quiet: true });
	const instance = await startInstance({ workDir, sandbox, port: PORT, brokerPort: PORT + 10, stdio: 'ignore' });
	const context = await launchBrowser(path.join(workDir, 'profile'));
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		const redirect = `/workflow/${WEBHOOK_WORKFLOW}`;
		await signIn(page, instance.url, redirect);
		const ndv = await openNode(page, 'Invoice paid');
		await ndv.getByTestId('parameter-input-events').click();
		const options = await page.locator('.el-select-dropdown__item:visible').allInnerTexts();
		assert.deepEqual(
			options.map((text) => text.split('\n')[0].trim()).filter(Boolean),
			['Invoice Sent', 'Invoice Paid', 'Invoice Partially Paid', 'Invoice Canceled', 'Reminder Sent', 'Overdue Reminder Sent'],
		);
		await page.keyboard.press('Escape');
		await page.waitForTimeout(500);
		mkdirSync(path.dirname(TARGET), { recursive: true });
		await page.screenshot({ path: TARGET, animations: 'disabled' });
		console.log(`[screenshot] ${path.relative(ROOT, TARGET)} written`);
	} finally {
		await context.close();
		await instance.stop();
		await sandbox.close();
		rmSync(workDir, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(`[screenshot] FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
	process.exit(1);
});
