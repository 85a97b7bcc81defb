/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** Scenario: "Execute workflow" on example 1's test-run copy creates exactly one invoice with the sample data. */

import assert from 'node:assert/strict';

import type { Page } from 'playwright-core';

import type { Sandbox } from '../../sandbox';
import { saveScreenshot } from './chromium';
import { canvasNode } from './editor';
import { assertInvoice, createRequestsSince, lastRequestSeq, listInvoices, storedInvoice, type StoredInvoice } from './sandboxChecks';
import { EXECUTION_TIMEOUT_MS } from './steps';

export const TEST_RUN_WORKFLOW_ID = 'csExFormManual01';
export const INVOICE_NODE = 'Create and email invoice';

/** The sample submission the test-run workflow's Set node holds (examples/01-…-test-run.json). */
const SAMPLE = { name: 'Tanya Lee', email: 'tanya.lee@example.com', description: 'Website redesign, phase 1', amount: 1250.5 };

export async function executeAndCheck(page: Page, sandbox: Sandbox): Promise<StoredInvoice> {
	const before = await listInvoices(sandbox);
	const since = lastRequestSeq(sandbox);
	await page.getByTestId('execute-workflow-button').click();
	const node = canvasNode(page, INVOICE_NODE);
	const success = node.getByTestId('canvas-node-status-success');
	// Fail fast on an error state instead of waiting for the success timeout.
	await success.or(node.getByTestId('canvas-node-status-error')).waitFor({ timeout: EXECUTION_TIMEOUT_MS });
	assert.ok(await success.isVisible(), `"${INVOICE_NODE}" ended in an error state`);
	await page.getByText('Workflow executed successfully').waitFor();
	// Run data reaches the edges a moment after the node state; the screenshot should show it.
	await page.locator(`[data-test-id="edge-label"][data-target-node-name="${INVOICE_NODE}"][data-edge-status="success"]`).waitFor();
	await saveScreenshot(page, 'workflow-run');

	const creates = createRequestsSince(sandbox, since);
	assert.equal(creates.length, 1, 'one create request');
	assert.equal(creates[0].verdict, 'ok');
	assert.equal(creates[0].status, 201);
	const after = await listInvoices(sandbox);
	assert.equal(after.total, before.total + 1, 'exactly one new invoice');
	const invoice = storedInvoice(sandbox, after.invoices[0].id);
	assertInvoice(invoice, SAMPLE);
	return invoice;
}
