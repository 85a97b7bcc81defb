/**
 * Identifier fields (Merchant ID, Key ID, Portfolio ID) end up in HTTP headers and signed text. A
 * line break or another character that cannot go into a header is a credential mistake: the user
 * hears which field to fix, and no request is attempted (so it is never reported as a network
 * failure that "may have reached Cybersource").
 */
import { signRequest, type CybersourceCredentialData } from '../../credentials/signing/signRequest';
import { sandboxCredentials } from '../harness/sandbox';
import { runNode } from '../harness/engine';
import { createParams, useSandbox } from '../node/helpers';
import { fieldErrorOf } from './fieldErrorOf';

const SECRET = Buffer.from('0123456789abcdef0123456789abcdef').toString('base64');
const BASE: CybersourceCredentialData = {
	environment: 'apitest.cybersource.com',
	merchantId: 'mock_merchant',
	accessKeyId: '11111111-2222-3333-4444-555555555555',
	sharedSecret: SECRET,
};
const GET = { method: 'GET', url: '/invoicing/v2/invoices' };

describe('identifier fields with characters a header cannot carry', () => {
	const cases: Array<[string, string, Partial<CybersourceCredentialData>]> = [
		['Merchant ID', 'CR/LF inside', { merchantId: 'mock\r\nmerchant' }],
		['Merchant ID', 'a tab inside', { merchantId: 'mock\tmerchant' }],
		['Merchant ID', 'a non-ASCII letter', { merchantId: 'mock_mérchant' }],
		['Key ID', 'a line break inside', { accessKeyId: '11111111-2222\n-3333-4444-555555555555' }],
		['Key ID', 'a double quote', { accessKeyId: '11111111-2222-3333-4444-"555555555555' }],
		['Portfolio ID', 'a line break inside', { useMetaKey: true, portfolioId: 'mock\nportfolio' }],
	];
	describe.each(['jwtSharedSecret', 'httpSignature'] as const)('%s', (authMode) => {
		it.each(cases)('%s with %s is named as the field to fix', (field, _what, change) => {
			const error = fieldErrorOf(() => signRequest({ ...BASE, authMode, ...change }, GET));
			expect(error.field).toBe(field);
			expect(error.message).toContain(field);
		});
	});

	it('line breaks and spaces around a value are ignored (pasted text), as the field help says', () => {
		const padded = signRequest(
			{ ...BASE, authMode: 'httpSignature', merchantId: ' mock_merchant\r\n', accessKeyId: `\t${BASE.accessKeyId} ` },
			GET,
		);
		expect(padded.headers['v-c-merchant-id']).toBe('mock_merchant');
		expect(padded.headers.signature).toContain(`keyid="${BASE.accessKeyId}"`);
	});
});

describe('through the node', () => {
	const sandbox = useSandbox();

	it('a line break inside the Merchant ID fails as a credential problem, and nothing is sent', async () => {
		const credentials = { ...sandboxCredentials(sandbox()), merchantId: 'sandbox\nmerchant' };
		const result = await runNode({ credentials, parameters: createParams() });
		const text = `${result.error?.message ?? ''} ${result.error?.description ?? ''}`;
		expect(text).toContain('Merchant ID');
		expect(text).not.toMatch(/may have reached|network/i);
		expect(sandbox().requests()).toEqual([]);
	});

	it('a Key ID that is the Merchant ID is named so, and nothing is sent', async () => {
		const data = sandboxCredentials(sandbox());
		const result = await runNode({ credentials: { ...data, accessKeyId: ` ${String(data.merchantId)}` }, parameters: createParams() });
		expect(result.error?.message).toContain(`Key ID is the Merchant ID ("${String(data.merchantId)}"), not the ID of a key`);
		expect(sandbox().requests()).toEqual([]);
	});
});
