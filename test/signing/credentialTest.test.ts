/**
 * The credential's Test button: n8n sends `test.request` through `authenticate`, which resolves its
 * relative URL against the Environment / Base URL. No expression repeats that rule.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

import { CybersourceApi } from '../../credentials/CybersourceApi.credentials';
import { sandboxCredentials, startTestSandbox, type Sandbox } from '../harness/sandbox';

const credential = new CybersourceApi();
const testRequest = { method: 'GET', ...credential.test.request } as IHttpRequestOptions;

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(async () => await sandbox.close());

test('the test request carries no base URL of its own', () => {
	expect(credential.test.request.baseURL).toBeUndefined();
});

test('with a custom Base URL it is signed for that server, and the server accepts it', async () => {
	const signed = await credential.authenticate(sandboxCredentials(sandbox), testRequest);
	expect(signed.url).toBe(`${sandbox.url}/invoicing/v2/invoices?offset=0&limit=1`);
	const response = await fetch(signed.url, { headers: signed.headers as Record<string, string> });
	expect(response.status).toBe(200);
});

test('with a listed Environment it goes to that host over https', async () => {
	const data = { ...sandboxCredentials(sandbox), environment: 'api.visaacceptance.com' };
	const signed = await credential.authenticate(data, testRequest);
	expect(signed.url).toBe('https://api.visaacceptance.com/invoicing/v2/invoices?offset=0&limit=1');
});
