/**
 * The credential's Test button: n8n sends `test.request` through `authenticate`, which resolves its
 * relative URL against the Environment / Base URL. No expression repeats that rule. n8n reports an
 * error `authenticate` threw by its message; otherwise (the request ignores HTTP status errors) the
 * answer's body goes through `test.rules` and the first `responseSuccessBody` rule whose key has
 * its value gives the message (CredentialsTester in n8n's cli). Both must name what to fix, as the
 * node's run-time errors do.
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

/** lodash's `get` on a dotted path, as n8n reads a rule's key. */
function valueAt(body: unknown, key: string): unknown {
	return key.split('.').reduce<unknown>((value, part) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined), body);
}

/** The message of the first body rule that matches `body`, as n8n picks it; undefined: the test passes. */
function ruleMessageFor(body: unknown): string | undefined {
	for (const rule of credential.test.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && valueAt(body, rule.properties.key) === rule.properties.value) return rule.properties.message;
	}
	return undefined;
}

/** What n8n's credential test reports for `data`: the thrown message, or the first matching body rule. */
async function testResult(data: ICredentialDataDecryptedObject): Promise<{ status: string; message: string }> {
	let signed: IHttpRequestOptions;
	try {
		signed = await credential.authenticate(data, testRequest);
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
	const response = await fetch(signed.url, { headers: signed.headers as Record<string, string> });
	const text = await response.text();
	const message = ruleMessageFor(response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text);
	return message === undefined ? { status: 'OK', message: 'Connection successful!' } : { status: 'Error', message };
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

test('a Base URL that is not the Invoicing API (Not Found) is named', async () => {
	const data = { ...sandboxCredentials(sandbox), baseUrl: `${sandbox.url}/not-cybersource` };
	const result = await testResult(data);
	expect(result.message).toMatch(/^The Environment \/ Base URL answered Not Found/);
});

test('the test request reads any answer as a body, so n8n applies the rules whatever its version', () => {
	expect(credential.test.request.ignoreHttpStatusErrors).toBe(true);
	expect(credential.test.rules?.every((rule) => rule.type === 'responseSuccessBody')).toBe(true);
});

test('any other refusal (not a list) still fails the test, naming the causes', async () => {
	const answers: unknown[] = [{ response: { rmsg: '{"error":"invalid_token"}' } }, { status: 'FORBIDDEN', message: 'Forbidden' }, '<html>proxy error</html>', ''];
	for (const body of answers) {
		expect(ruleMessageFor(body)).toMatch(/^Cybersource did not list invoices with these settings\. If it refused the signature: Check the Cybersource API credential/);
	}
	expect(ruleMessageFor({ totalInvoices: 0, invoices: [] })).toBeUndefined();
});
