/**
 * The credential's Test button: n8n sends `test.request` through `authenticate`, which resolves its
 * relative URL against the Environment / Base URL. No expression repeats that rule. When the test
 * fails, n8n shows the message of the first `test.rules` entry whose status matches the answer
 * (CredentialsTester in n8n's cli), or the message of an error `authenticate` threw; both must name
 * what to fix, as the node's run-time errors do.
 */
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { CybersourceApi } from '../../credentials/CybersourceApi.credentials';
import { sandboxCredentials, startTestSandbox, type Sandbox } from '../harness/sandbox';

const credential = new CybersourceApi();
const testRequest = { method: 'GET', ...credential.test.request } as IHttpRequestOptions;

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

/** What n8n's credential test reports for `data`: its rule for the answer's status, or the thrown message. */
async function testResult(data: ICredentialDataDecryptedObject): Promise<{ status: string; message: string }> {
	let signed: IHttpRequestOptions;
	try {
		signed = await credential.authenticate(data, testRequest);
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
	const response = await fetch(signed.url, { headers: signed.headers as Record<string, string> });
	await response.arrayBuffer();
	if (response.ok) return { status: 'OK', message: 'Connection successful!' };
	const rule = credential.test.rules?.find((r) => r.type === 'responseCode' && r.properties.value === response.status);
	return { status: 'Error', message: rule ? rule.properties.message : response.statusText };
}

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

describe.each(['jwtSharedSecret', 'httpSignature'] as const)('the Test button with %s', (mode) => {
	it('passes with the right keys', async () => {
		expect(await testResult(sandboxCredentials(sandbox, mode))).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	it('names the secret, the environment, the merchant and the clock for a wrong secret (Cybersource says only 401)', async () => {
		const data = { ...sandboxCredentials(sandbox, mode), sharedSecret: Buffer.from('not the secret').toString('base64') };
		const result = await testResult(data);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Cybersource refused the signature \(401 Authentication Failed\)\. Check the Cybersource API credential: the Shared Secret Key must be the secret of this Key ID/);
		expect(result.message).toContain('the Environment must be the one the key was created in');
		expect(result.message).toContain("this machine's clock");
		expect(sandbox.requests().map((request) => request.status)).toEqual([401]);
	});

	it('says a Key ID that is the Merchant ID is the Merchant ID, and sends nothing', async () => {
		const data = sandboxCredentials(sandbox, mode);
		const result = await testResult({ ...data, accessKeyId: data.merchantId });
		expect(result).toEqual({
			status: 'Error',
			message: `Cybersource API credential, field "Key ID": Key ID is the Merchant ID ("${String(data.merchantId)}"), not the ID of a key. Enter the ID of the REST shared secret key, a UUID like 11111111-2222-3333-4444-555555555555, from Business Center → Payment Configuration → Key Management.`,
		});
		expect(sandbox.requests()).toEqual([]);
	});
});

test('a meta key: a Key ID that is the Portfolio ID is named so', async () => {
	const data = sandboxCredentials(sandbox, 'metaKey');
	const result = await testResult({ ...data, accessKeyId: String(data.portfolioId).toUpperCase() });
	expect(result.message).toContain('Key ID is the Portfolio ID');
	expect(sandbox.requests()).toEqual([]);
});

test('a Base URL that is not the Invoicing API (404) is named', async () => {
	const data = { ...sandboxCredentials(sandbox), baseUrl: `${sandbox.url}/not-cybersource` };
	const result = await testResult(data);
	expect(result.message).toMatch(/^The Environment \/ Base URL answered 404/);
});
