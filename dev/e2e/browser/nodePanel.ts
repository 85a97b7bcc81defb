/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Scenario: the Create Invoice node's panel (node version 2) offers every operation, Invoice Number,
 * the currency list, line items, the partial-payment fields and Simplify on.
 */

import assert from 'node:assert/strict';

import type { Locator, Page } from 'playwright-core';

import { saveScreenshot } from './chromium';
import { optionsOf, parameter, selectedOption, setSwitch, switchState } from './editor';

const OPERATIONS = ['Cancel', 'Create', 'Create Draft', 'Get', 'Get Many', 'Publish', 'Send', 'Update'];

export async function checkNodePanel(page: Page, ndv: Locator): Promise<void> {
	assert.equal(await selectedOption(ndv, 'resource'), 'Invoice');
	assert.equal(await selectedOption(ndv, 'operation'), 'Create');
	const operations = await optionsOf(page, ndv, 'operation');
	assert.deepEqual(operations.filter((option) => OPERATIONS.includes(option)), OPERATIONS, `operations offered: ${operations.join(', ')}`);
	assert.ok(await ndv.isVisible(), 'closing the operation list must not close the panel');

	await parameter(ndv, 'invoiceNumber').waitFor();
	assert.match(await selectedOption(ndv, 'currency'), /^USD\b/, 'Currency is a list with USD chosen');
	assert.equal(await switchState(ndv, 'simplify'), true, 'Simplify is on in version 2');

	assert.equal(await selectedOption(ndv, 'lineItemsMode'), 'Using Fields Below');
	const lines = ndv.getByTestId('fixed-collection-lineItems');
	const addLine = lines.getByTestId('fixed-collection-add');
	assert.equal((await addLine.innerText()).trim(), 'Add line');
	// A row shows the line fields; remove it again so the run is unchanged.
	await addLine.click();
	for (const field of ['name', 'sku', 'quantity', 'unitPrice']) await parameter(lines, field).waitFor();
	await lines.getByTestId('fixed-collection-delete').click();
	await parameter(lines, 'name').waitFor({ state: 'detached' });

	assert.equal(await switchState(ndv, 'allowPartialPayments'), false);
	assert.equal(await parameter(ndv, 'minimumPartialAmount').count(), 0, 'Minimum Partial Amount is hidden while partial payments are off');
	await setSwitch(ndv, 'allowPartialPayments', true);
	await parameter(ndv, 'minimumPartialAmount').waitFor();
	await parameter(ndv, 'allowPartialPayments').scrollIntoViewIfNeeded();
	await saveScreenshot(page, 'node-panel');
	await setSwitch(ndv, 'allowPartialPayments', false);
	await parameter(ndv, 'minimumPartialAmount').waitFor({ state: 'detached' });
}
