/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Scenario: n8n's node list (the node creator) of a new workflow. Searching "Cybersource" shows one
 * app, Cybersource Invoice, whose Triggers hold both the webhook and the polling trigger's events;
 * the polling trigger is not an app of its own.
 */

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import type { Page } from 'playwright-core';

import { ARTIFACTS_DIR } from './chromium';

export interface NodeList {
	apps: string[];
	triggers: string[];
}

export async function checkNodeList(page: Page, baseUrl: string): Promise<NodeList> {
	// Leaving the edited workflow may ask to confirm (beforeunload): leave.
	page.on('dialog', (dialog) => void dialog.accept().catch(() => undefined));
	await page.goto(`${baseUrl}/workflow/new`);
	await page.getByTestId('canvas-add-first-step-button').or(page.getByTestId('canvas-plus-button')).first().click();
	const creator = page.getByTestId('node-creator');
	await creator.waitFor();
	await page.getByTestId('node-creator-search-bar').click();
	await page.keyboard.type('Cybersource');
	const names = creator.getByTestId('node-creator-item-name');
	await names.filter({ hasText: 'Cybersource' }).first().waitFor();
	const apps = (await names.allInnerTexts()).map((name) => name.trim()).filter((name) => /cybersource/i.test(name));

	await names.filter({ hasText: 'Cybersource Invoice' }).first().click();
	const actions = creator.locator('[data-keyboard-nav-type="action"]');
	await actions.filter({ hasText: '(Polling)' }).first().waitFor();
	const triggers = (await actions.allInnerTexts()).map((text) => text.split('\n')[0].trim()).filter((text) => /\((Webhook|Polling)\)$/.test(text));
	mkdirSync(ARTIFACTS_DIR, { recursive: true });
	await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'node-list-triggers.png') });

	assert.deepEqual(apps, ['Cybersource Invoice'], `one Cybersource app in the node list, got: ${apps.join(', ')}`);
	assert.ok(triggers.includes('On Invoice Paid (Webhook)'), `webhook trigger events under Cybersource Invoice: ${triggers.join(', ')}`);
	assert.ok(triggers.includes('On Invoice Paid (Polling)'), `polling trigger events under Cybersource Invoice: ${triggers.join(', ')}`);
	return { apps, triggers };
}
