/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Scenario: the credential's Test button, from the signed-in editor, passes with the right keys; a
 * wrong secret and a Key ID that is really the Merchant ID fail with messages that say what to fix
 * (not n8n's bare "Unauthorized").
 */

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

export async function checkCredentialTest(page: Page, baseUrl: string, sandbox: Sandbox): Promise<{ wrongSecret: string; merchantAsKey: string }> {
	const data = sandboxCredentialData(sandbox);
	const before = sandbox.requests().length;
	const good = await testCredential(page, baseUrl, data);
	assert.equal(good.status, 'OK', `the right keys pass the credential test: ${good.message}`);
	const wrong = await testCredential(page, baseUrl, { ...data, sharedSecret: Buffer.from('not the secret').toString('base64') });
	assert.equal(wrong.status, 'Error', 'a wrong secret fails the credential test');
	assert.match(
		wrong.message,
		/^Cybersource refused the signature \(401 Authentication Failed\)\. Check the Cybersource API credential: the Shared Secret Key must be the secret of this Key ID/,
		`a wrong secret is named: ${wrong.message}`,
	);
	// The test request reads a 401 as an answer (ignoreHttpStatusErrors), so n8n does not send it again.
	const tests = sandbox.requests().slice(before);
	assert.deepEqual(
		tests.map((request) => `${request.method} ${request.path} ${request.status}`),
		['GET /invoicing/v2/invoices?offset=0&limit=1 200', 'GET /invoicing/v2/invoices?offset=0&limit=1 401'],
	);

	const sent = sandbox.requests().length;
	const merchantAsKey = await testCredential(page, baseUrl, { ...data, accessKeyId: data.merchantId });
	assert.equal(merchantAsKey.status, 'Error', 'a Key ID that is the Merchant ID fails the credential test');
	assert.match(merchantAsKey.message, /Key ID is the Merchant ID \("[^"]+"\), not the ID of a key/, `the mix-up is named: ${merchantAsKey.message}`);
	assert.equal(sandbox.requests().length, sent, 'nothing is sent with a Key ID that is the Merchant ID');
	return { wrongSecret: wrong.message, merchantAsKey: merchantAsKey.message };
}
