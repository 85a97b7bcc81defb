/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** Scenario: the published form, filled and submitted like a customer would, creates exactly one invoice. */

import assert from 'node:assert/strict';

import type { BrowserContext } from 'playwright-core';

import type { Sandbox } from '../../sandbox';
import { assertInvoice, createRequestsSince, lastRequestSeq, listInvoices, storedInvoice, type StoredInvoice } from './sandboxChecks';
import { EXECUTION_TIMEOUT_MS, waitUntil } from './steps';

export async function submitFormAndCheck(context: BrowserContext, formUrl: string, sandbox: Sandbox): Promise<StoredInvoice> {
	// Unique per run so the check cannot match an invoice from the manual run.
	const submission = {
		name: 'Ada Browser',
		email: 'ada.browser@example.com',
		description: `Browser test ${Date.now().toString(36)}`,
		amount: 321.45,
	};
	const before = await listInvoices(sandbox);
	const since = lastRequestSeq(sandbox);
	const page = await context.newPage();
	// The form links a web font; on a closed network 'load' would wait for it in vain.
	await page.goto(formUrl, { waitUntil: 'domcontentloaded' });
	await page.getByLabel('Name', { exact: true }).fill(submission.name);
	await page.getByLabel('Email', { exact: true }).fill(submission.email);
	await page.getByLabel('What is it for?', { exact: true }).fill(submission.description);
	await page.getByLabel('Amount', { exact: true }).fill(String(submission.amount));
	await page.getByRole('button', { name: 'Submit' }).click();
	await page.locator('#submitted-header', { hasText: 'Form Submitted' }).waitFor();

	// The form answers on receipt; the workflow finishes in the background.
	await waitUntil('the form workflow to create the invoice', EXECUTION_TIMEOUT_MS, () =>
		createRequestsSince(sandbox, since).some((request) => request.verdict !== 'pending') ? true : undefined,
	);
	const creates = createRequestsSince(sandbox, since);
	assert.equal(creates.length, 1, 'one create request');
	assert.equal(creates[0].verdict, 'ok');
	const after = await listInvoices(sandbox);
	assert.equal(after.total, before.total + 1, 'exactly one new invoice');
	const invoice = storedInvoice(sandbox, after.invoices[0].id);
	assertInvoice(invoice, submission);
	await page.close();
	return invoice;
}
