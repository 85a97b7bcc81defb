/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** What the browser test checks in the sandbox: invoices listed through the signed API, stored state, create requests. */

import assert from 'node:assert/strict';

import type { Sandbox } from '../../sandbox';
import { Client } from '../../sandbox/client';

export interface StoredInvoice {
	id: string;
	status: string;
	customerInformation?: { name?: string; email?: string };
	invoiceInformation?: { description?: string };
	orderInformation: { amountDetails: { totalAmount: number | string; currency?: string } };
}

export interface InvoiceSummary {
	id: string;
	status: string;
}

/** Newest first, through the sandbox's signed API (a signer independent of the node's). */
export async function listInvoices(sandbox: Sandbox): Promise<{ total: number; invoices: InvoiceSummary[] }> {
	const response = await new Client(sandbox).get('/invoicing/v2/invoices?offset=0&limit=100');
	assert.equal(response.status, 200, `listing invoices failed: ${response.text}`);
	const body = response.json as { totalInvoices: number; invoices?: InvoiceSummary[] };
	return { total: body.totalInvoices, invoices: body.invoices ?? [] };
}

export function storedInvoice(sandbox: Sandbox, id: string): StoredInvoice {
	const invoice = sandbox.getInvoice(id) as StoredInvoice | undefined;
	assert.ok(invoice, `invoice ${id} is not in the sandbox`);
	return invoice;
}

export function lastRequestSeq(sandbox: Sandbox): number {
	return sandbox.requests().at(-1)?.seq ?? 0;
}

/** The create calls n8n made after request `since` (POST /invoicing/v2/invoices). */
export function createRequestsSince(sandbox: Sandbox, since: number) {
	return sandbox
		.requests({ since })
		.filter((request) => request.method === 'POST' && request.path.split('?')[0].replace(/\/$/, '') === '/invoicing/v2/invoices');
}

export function assertInvoice(invoice: StoredInvoice, expected: { name: string; email: string; description: string; amount: number }): void {
	assert.equal(invoice.status, 'SENT', `invoice ${invoice.id} status`);
	assert.equal(invoice.customerInformation?.name, expected.name);
	assert.equal(invoice.customerInformation?.email, expected.email);
	assert.equal(invoice.invoiceInformation?.description, expected.description);
	assert.equal(Number(invoice.orderInformation.amountDetails.totalAmount), expected.amount);
	assert.equal(invoice.orderInformation.amountDetails.currency, 'USD');
}
