/** Scenario: the credential's Test button, from the signed-in editor, passes with the right keys and fails with a wrong secret. */

import assert from 'node:assert/strict';

import type { Page } from 'playwright-core';

import { CREDENTIAL_ID, CREDENTIAL_NAME, sandboxCredentialData } from '../../realN8n/workflows';
import type { Sandbox } from '../../sandbox';

/**
 * What the credential's Test button does: POST /rest/credentials/test from the signed-in page
 * (with the browser-id header n8n binds its session to), so n8n runs our signed test request.
 */
async function testCredential(
	page: Page,
	baseUrl: string,
	data: Record<string, unknown>,
): Promise<{ status: string; message: string }> {
	return await page.evaluate(
		async ({ url, credentials }) => {
			const response = await fetch(`${url}/rest/credentials/test`, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					// Runs in the page: the editor keeps its browser id in localStorage.
					'browser-id': (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem('n8n-browserId') ?? '',
				},
				body: JSON.stringify({ credentials }),
			});
			return ((await response.json()) as { data: { status: string; message: string } }).data;
		},
		{ url: baseUrl, credentials: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME, type: 'cybersourceApi', data } },
	);
}

export async function checkCredentialTest(page: Page, baseUrl: string, sandbox: Sandbox): Promise<void> {
	const data = sandboxCredentialData(sandbox);
	const before = sandbox.requests().length;
	const good = await testCredential(page, baseUrl, data);
	assert.equal(good.status, 'OK', `the right keys pass the credential test: ${good.message}`);
	const wrong = await testCredential(page, baseUrl, { ...data, sharedSecret: Buffer.from('not the secret').toString('base64') });
	assert.equal(wrong.status, 'Error', 'a wrong secret fails the credential test');
	// n8n retries a 401 once with freshly authenticated options, so the wrong secret shows twice.
	const tests = sandbox.requests().slice(before);
	assert.deepEqual(
		tests.map((request) => `${request.method} ${request.path} ${request.status}`),
		['GET /invoicing/v2/invoices?offset=0&limit=1 200', ...tests.slice(1).map(() => 'GET /invoicing/v2/invoices?offset=0&limit=1 401')],
	);
	assert.ok(tests.length >= 2, 'the wrong secret reached the sandbox and was refused');
}
