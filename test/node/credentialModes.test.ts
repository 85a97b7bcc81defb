/**
 * Every way of filling in the credential works end to end (create, then get), and the sandbox,
 * which verifies each signature itself, logs the matching authentication mode.
 */
import { createPrivateKey } from 'node:crypto';

import { sandboxCredentials, type CredentialMode } from '../harness/sandbox';
import { runNode } from '../harness/engine';
import { createParams, invoiceParams, runOk, stored, useSandbox } from './helpers';

const sandbox = useSandbox();

const MODES: Array<[CredentialMode, string]> = [
	['jwtSharedSecret', 'jwtHS256'],
	['httpSignature', 'httpSignature'],
	['jwtP12', 'jwtRS256'],
	['jwtPem', 'jwtRS256'],
	['metaKey', 'jwtHS256'],
];

describe('Credential modes', () => {
	it.each(MODES)('%s: create and get work, signed as %s', async (mode, authMode) => {
		const created = await runOk(sandbox(), { mode, parameters: createParams({ description: `Signed with ${mode}` }) });
		const id = String(created.json[0].id);
		const got = await runOk(sandbox(), { mode, parameters: invoiceParams('get', id) });

		expect(got.json[0]).toMatchObject({ id, invoiceInformation: { description: `Signed with ${mode}` } });
		expect(stored(sandbox(), id)).toMatchObject({ status: 'CREATED' });
		expect(sandbox().requests().map((request) => [request.method, request.status, request.verdict, request.authMode, request.merchantId])).toEqual([
			['POST', 201, 'ok', authMode, sandbox().merchant.merchantId],
			['GET', 200, 'ok', authMode, sandbox().merchant.merchantId],
		]);
	});

	it('metaKey signs with the portfolio key while acting for the merchant', async () => {
		await runOk(sandbox(), { mode: 'metaKey', parameters: createParams() });
		const [request] = sandbox().requests();
		const token = String(request.headers.authorization).replace(/^Bearer /, '');
		const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8')) as { kid: string };
		const metaKey = sandbox().metaKeys.find((key) => key.merchantIds.includes(sandbox().merchant.merchantId))!;
		expect(header.kid).toBe(metaKey.keyId);
		expect(header.kid).not.toBe(sandbox().merchant.keyId);
		expect(request.headers['v-c-merchant-id']).toBe(sandbox().merchant.merchantId);
	});

	it('a wrong shared secret fails readably, and nothing is created', async () => {
		const credentials = { ...sandboxCredentials(sandbox(), 'jwtSharedSecret'), sharedSecret: Buffer.from('not-the-secret-not-the-secret-00').toString('base64') };
		const result = await runNode({ credentials, parameters: createParams() });
		expect(result.error?.message).toBe('Cybersource authentication failed');
		expect(result.error?.description).toMatch(/^Cybersource says: Authentication Failed\. Check the Cybersource API credential/);
		expect(sandbox().requests().map((request) => [request.status, request.verdict])).toEqual([[401, expect.stringMatching(/^auth: /)]]);
		const list = await runOk(sandbox(), { parameters: { resource: 'invoice', operation: 'getAll', returnAll: true } });
		expect(list.json).toEqual([]);
	});
});

/**
 * A PEM key encrypted with a passphrase, in the two forms OpenSSL writes: PKCS#8 (`openssl pkey
 * -aes256`, OpenSSL 3's `openssl pkcs12 -in merchant.p12` without -nodes) and the traditional
 * RSA key with RFC 1421 headers (OpenSSL 1.x, `openssl rsa -aes256 -traditional`).
 */
describe('JWT PEM with an encrypted private key', () => {
	const PASSPHRASE = 'key passphrase';
	const FORMS: Array<[string, 'pkcs8' | 'pkcs1', RegExp]> = [
		['PKCS#8 "BEGIN ENCRYPTED PRIVATE KEY"', 'pkcs8', /^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/],
		['traditional OpenSSL "Proc-Type: 4,ENCRYPTED"', 'pkcs1', /^-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n/],
	];

	function encryptedKey(type: 'pkcs8' | 'pkcs1'): string {
		const key = createPrivateKey(sandbox().merchant.privateKeyPem);
		return key.export({ format: 'pem', type, cipher: 'aes-256-cbc', passphrase: PASSPHRASE }).toString();
	}

	function credentials(privateKeyPem: string, privateKeyPassphrase: string) {
		return { ...sandboxCredentials(sandbox(), 'jwtPem'), privateKeyPem, privateKeyPassphrase };
	}

	it.each(FORMS)('%s with its passphrase: the sandbox accepts the signature', async (_form, type, marker) => {
		const privateKeyPem = encryptedKey(type);
		expect(privateKeyPem).toMatch(marker);
		const result = await runNode({ credentials: credentials(privateKeyPem, PASSPHRASE), parameters: createParams() });
		expect(result.error).toBeUndefined();
		expect(sandbox().requests().map((request) => [request.method, request.status, request.verdict, request.authMode])).toEqual([
			['POST', 201, 'ok', 'jwtRS256'],
		]);
	});

	it.each(FORMS)('%s with a wrong or empty passphrase: refused naming the field, nothing sent', async (_form, type) => {
		const privateKeyPem = encryptedKey(type);
		const wrong = await runNode({ credentials: credentials(privateKeyPem, 'not the passphrase'), parameters: createParams() });
		expect(`${wrong.error?.message} ${wrong.error?.description ?? ''}`).toMatch(
			/Private Key Passphrase.*the passphrase is wrong.*Enter the passphrase the key was encrypted with/s,
		);
		const empty = await runNode({ credentials: credentials(privateKeyPem, ''), parameters: createParams() });
		expect(`${empty.error?.message} ${empty.error?.description ?? ''}`).toMatch(/Private Key Passphrase is empty/);
		expect(sandbox().requests()).toEqual([]);
	});
});
