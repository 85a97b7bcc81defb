/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Scenario: a user types 1.5 into a line's Quantity in the editor and runs the workflow. The editor
 * must keep 1.5 (it used to round it to 2 on blur, and 2 × the price was billed without a word), and
 * the node must refuse it, naming the line and the item; nothing reaches Cybersource.
 */

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import type { Locator, Page } from 'playwright-core';

import type { Sandbox } from '../../sandbox';
import { ARTIFACTS_DIR } from './chromium';
import { canvasNode, openNode, parameter } from './editor';
import { INVOICE_NODE } from './executeExample';
import { createRequestsSince, lastRequestSeq } from './sandboxChecks';
import { EXECUTION_TIMEOUT_MS } from './steps';

const TYPED = '1.5';

/** Types into a plain parameter input and leaves it (Tab), as a user does; the blur is when n8n used to round. */
async function type(row: Locator, name: string, text: string): Promise<void> {
	const input = parameter(row, name).locator('input');
	await input.click();
	await input.fill(text);
	await input.press('Tab');
}

async function addLineTypedByHand(ndv: Locator): Promise<Locator> {
	const lines = ndv.getByTestId('fixed-collection-lineItems');
	await lines.getByTestId('fixed-collection-add').click();
	await type(lines, 'name', 'Laptop');
	await type(lines, 'quantity', TYPED);
	await type(lines, 'unitPrice', '899.99');
	return lines;
}

export async function checkTypedQuantity(page: Page, sandbox: Sandbox): Promise<string> {
	const ndv = await openNode(page, INVOICE_NODE);
	const lines = await addLineTypedByHand(ndv);
	const shown = await parameter(lines, 'quantity').locator('input').inputValue();
	assert.equal(shown, TYPED, `the editor changed the typed quantity ${TYPED} into ${shown}`);
	await ndv.getByTestId('ndv-close-button').click();
	await ndv.waitFor({ state: 'hidden' });

	// n8n marks a node that failed (or has a parameter issue) with "node-issues".
	const issues = canvasNode(page, INVOICE_NODE).getByTestId('node-issues');
	assert.equal(await issues.count(), 0, 'the line has no parameter issue before the run');
	const since = lastRequestSeq(sandbox);
	await page.getByTestId('execute-workflow-button').click();
	await issues.waitFor({ timeout: EXECUTION_TIMEOUT_MS }).catch(() => undefined);
	const creates = createRequestsSince(sandbox, since);
	assert.ok(await issues.isVisible(), `"${INVOICE_NODE}" did not fail with quantity ${TYPED} (${creates.length} invoice(s) created)`);

	const panel = await openNode(page, INVOICE_NODE);
	const message = (await panel.getByTestId('node-error-message').innerText()).trim();
	mkdirSync(ARTIFACTS_DIR, { recursive: true });
	await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'typed-quantity-error.png') });
	assert.match(message, /^Line 1 › Quantity: must be a whole number .*, got 1\.5 \[item 1\]$/, `the error names the line and the item: ${message}`);
	assert.deepEqual(creates, [], 'nothing was sent to Cybersource');

	// Leave the workflow as it was (the editor autosaves).
	await panel.getByTestId('fixed-collection-lineItems').getByTestId('fixed-collection-delete').click();
	await panel.getByTestId('ndv-close-button').click();
	await panel.waitFor({ state: 'hidden' });
	return message;
}
