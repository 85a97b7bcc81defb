/**
 * Every way of filling in the credential works end to end (create, then get), and the sandbox,
 * which verifies each signature itself, logs the matching authentication mode.
 */
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
