/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Scenario: n8n's node list (the node creator) of a new workflow. Searching "Cybersource" shows two
 * cards: the app, Cybersource Invoice, whose Triggers hold the webhook trigger's events, and the
 * polling trigger on its own (n8n drops "Trigger" from the label of a trigger with several events).
 * Why the polling trigger is not under the app: CONTRIBUTING.md, "One type name for the polling trigger".
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

const APP = 'Cybersource Invoice';
const POLLING = 'Cybersource Invoice Polling';

/** Searches "Cybersource" in a new workflow's node list; the card names found. */
async function searchCybersource(page: Page, baseUrl: string): Promise<string[]> {
	await page.goto(`${baseUrl}/workflow/new`);
	await page.getByTestId('canvas-add-first-step-button').or(page.getByTestId('canvas-plus-button')).first().click();
	const creator = page.getByTestId('node-creator');
	await creator.waitFor();
	await page.getByTestId('node-creator-search-bar').click();
	await page.keyboard.type('Cybersource');
	const names = creator.getByTestId('node-creator-item-name');
	await names.filter({ hasText: 'Cybersource' }).first().waitFor();
	return (await names.allInnerTexts()).map((name) => name.trim()).filter((name) => /cybersource/i.test(name));
}

/** Opens one card of the search and returns its trigger events' labels. */
async function triggersOfCard(page: Page, baseUrl: string, card: string, shown: RegExp): Promise<string[]> {
	await searchCybersource(page, baseUrl);
	const creator = page.getByTestId('node-creator');
	await creator.getByTestId('node-creator-item-name').filter({ hasText: new RegExp(`^\\s*${card}\\s*$`) }).first().click();
	const actions = creator.locator('[data-keyboard-nav-type="action"]');
	await actions.filter({ hasText: shown }).first().waitFor();
	return (await actions.allInnerTexts()).map((text) => text.split('\n')[0].trim()).filter((text) => /\((Webhook|Polling)\)$/.test(text));
}

export async function checkNodeList(page: Page, baseUrl: string): Promise<NodeList> {
	// Leaving the edited workflow may ask to confirm (beforeunload): leave.
	page.on('dialog', (dialog) => void dialog.accept().catch(() => undefined));
	const apps = (await searchCybersource(page, baseUrl)).sort();
	assert.deepEqual(apps, [APP, POLLING], `the Cybersource cards in the node list, got: ${apps.join(', ')}`);

	const appTriggers = await triggersOfCard(page, baseUrl, APP, /\(Webhook\)/);
	mkdirSync(ARTIFACTS_DIR, { recursive: true });
	await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'node-list-triggers.png') });
	assert.ok(appTriggers.includes('On Invoice Paid (Webhook)'), `webhook trigger events under ${APP}: ${appTriggers.join(', ')}`);
	assert.ok(!appTriggers.some((label) => label.endsWith('(Polling)')), `no polling events under ${APP}: ${appTriggers.join(', ')}`);

	const pollingTriggers = await triggersOfCard(page, baseUrl, POLLING, /\(Polling\)/);
	assert.ok(pollingTriggers.includes('On Invoice Paid (Polling)'), `polling trigger events under ${POLLING}: ${pollingTriggers.join(', ')}`);
	return { apps, triggers: [...appTriggers, ...pollingTriggers] };
}
