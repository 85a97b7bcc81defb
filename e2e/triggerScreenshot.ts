/**
 * docs/trigger-panel.png: the Cybersource Invoice Trigger's panel in a real n8n editor (example 6),
 * taken with headless Chromium. Also checks the panel offers the six webhook events.
 *
 *   npm run build && npm run build:dev && node .dev-dist/e2e/triggerScreenshot.js
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium, selectors } from 'playwright-core';

import { startSandbox } from '../sandbox';
import { OWNER, startInstance } from './instance';
import { ROOT, ensureRuntime } from './n8nRuntime';
import { WEBHOOK_WORKFLOW } from './trigger';

const PORT = 5803;
const TARGET = path.join(ROOT, 'docs', 'trigger-panel.png');

async function main(): Promise<void> {
	ensureRuntime();
	const workDir = mkdtempSync(path.join(tmpdir(), 'cs-trigger-shot-'));
	const sandbox = await startSandbox({ port: 0, quiet: true });
	const instance = await startInstance({ workDir, sandbox, port: PORT, brokerPort: PORT + 10, stdio: 'ignore' });
	selectors.setTestIdAttribute('data-test-id');
	const context = await chromium.launchPersistentContext(path.join(workDir, 'profile'), {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		viewport: { width: 1280, height: 800 },
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		const redirect = `/workflow/${WEBHOOK_WORKFLOW}`;
		await page.goto(`${instance.url}/signin?redirect=${encodeURIComponent(redirect)}`);
		await page.getByTestId('emailOrLdapLoginId').locator('input').fill(OWNER.email);
		await page.getByTestId('password').locator('input').fill(OWNER.password);
		await page.getByTestId('form-submit-button').click();
		await page.waitForURL((url) => url.pathname === redirect);
		const ndv = page.getByTestId('ndv');
		for (let attempt = 1; ; attempt++) {
			await page.locator('[data-test-id="canvas-node"][data-node-name="Invoice paid"]').dblclick();
			try {
				await ndv.waitFor({ state: 'visible', timeout: 5_000 });
				break;
			} catch (error) {
				if (attempt >= 3) throw error;
			}
		}
		await ndv.getByTestId('node-parameters').waitFor();
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
