/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Signing reuses what depends only on the credential (decoded secret, parsed base URL, certificate
 * key) and digests the body once per request. These tests prove the reuse never serves anything
 * stale: every change of a credential field is signed with the new value at once.
 */
import { execFileSync } from 'node:child_process';
import { createHmac, createVerify, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import * as digest from '../../credentials/signing/digest';
import * as environments from '../../credentials/baseUrl';
import * as pkcs12 from '../../credentials/signing/pkcs12/pkcs12';
import { signRequest, type CybersourceCredentialData } from '../../credentials/signing/signRequest';

const POST = { method: 'POST', url: '/invoicing/v2/invoices', body: '{"invoiceInformation":{"description":"cache"}}' };
const GET = { method: 'GET', url: '/invoicing/v2/invoices/1' };
let counter = 0;

/** A shared-secret credential no other test has signed with (the caches are per process). */
function freshCredential(authMode: 'jwtSharedSecret' | 'httpSignature'): CybersourceCredentialData & { secretBytes: Buffer } {
	counter += 1;
	const secretBytes = Buffer.from(`secret-${counter}-${Date.now()}-0123456789abcdef`);
	return {
		environment: 'apitest.cybersource.com',
		merchantId: `cache_merchant_${counter}`,
		authMode,
		accessKeyId: '11111111-2222-3333-4444-555555555555',
		sharedSecret: secretBytes.toString('base64'),
		secretBytes,
	};
}

function jwtParts(authorization: string): { input: string; signature: string; claims: Record<string, unknown>; header: Record<string, unknown> } {
	const [header, payload, signature] = authorization.replace(/^Bearer /, '').split('.');
	const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
	return { input: `${header}.${payload}`, signature, claims: decode(payload), header: decode(header) };
}

function hs256(input: string, secret: Buffer): string {
	return createHmac('sha256', secret).update(input).digest('base64url');
}

afterEach(() => jest.restoreAllMocks());

describe('shared secret credentials', () => {
	it('decode the secret and parse the base URL once per credential content, not per request', () => {
		const decode = jest.spyOn(digest, 'decodeSharedSecret');
		const resolve = jest.spyOn(environments, 'resolveBaseUrl');
		const credential = freshCredential('jwtSharedSecret');
		for (let i = 0; i < 5; i++) signRequest({ ...credential }, i % 2 ? GET : POST);
		expect(decode).toHaveBeenCalledTimes(1);
		expect(resolve).toHaveBeenCalledTimes(1);
	});

	it('digest the body once per request (HTTP Signature sends it as header and signs it)', () => {
		const sha = jest.spyOn(digest, 'sha256Base64');
		const signed = signRequest(freshCredential('httpSignature'), POST);
		expect(sha).toHaveBeenCalledTimes(1);
		expect(signed.headers.digest).toBe(`SHA-256=${sha.mock.results[0].value as string}`);
		expect(signed.headers.signature).toContain('headers="host date request-target digest v-c-merchant-id"');
	});

	it('a changed secret signs with the new secret from the next request on', () => {
		const credential = freshCredential('jwtSharedSecret');
		const first = jwtParts(signRequest(credential, GET).headers.authorization);
		expect(first.signature).toBe(hs256(first.input, credential.secretBytes));

		const changed = freshCredential('jwtSharedSecret');
		const rotated = { ...credential, sharedSecret: changed.sharedSecret };
		const second = jwtParts(signRequest(rotated, GET).headers.authorization);
		expect(second.signature).toBe(hs256(second.input, changed.secretBytes));
		expect(second.signature).not.toBe(hs256(second.input, credential.secretBytes));
	});

	it('a changed merchant, portfolio, key ID or base URL is used at once; a broken field fails every time', () => {
		const credential = freshCredential('httpSignature');
		signRequest(credential, GET);
		expect(signRequest({ ...credential, merchantId: 'other_merchant' }, GET).headers['v-c-merchant-id']).toBe('other_merchant');
		expect(signRequest({ ...credential, accessKeyId: 'another-key' }, GET).headers.signature).toContain('keyid="another-key"');
		const custom = signRequest({ ...credential, environment: 'custom', baseUrl: 'http://127.0.0.1:9999/prefix' }, GET);
		expect(custom.url).toBe('http://127.0.0.1:9999/prefix/invoicing/v2/invoices/1');
		expect(custom.headers.host).toBe('127.0.0.1:9999');
		const meta = jwtParts(signRequest({ ...credential, authMode: 'jwtSharedSecret', useMetaKey: true, portfolioId: 'cache_portfolio' }, GET).headers.authorization);
		expect(meta.claims.iss).toBe('cache_portfolio');
		for (let i = 0; i < 2; i++) {
			expect(() => signRequest({ ...credential, sharedSecret: 'not base64!' }, GET)).toThrow(/not valid base64/);
		}
		expect(signRequest(credential, GET).headers['v-c-merchant-id']).toBe(credential.merchantId);
	});
});

describe('certificate credentials', () => {
	let dir: string;
	const made: Array<{ p12: string; certificate: X509Certificate; serial: string }> = [];

	beforeAll(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'signing-cache-'));
		const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
		for (const serial of ['3333333333', '4444444444']) {
			openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${serial}.key`, '-out', `${serial}.crt`, '-days', '2', '-subj', `/serialNumber=${serial}/CN=cert_merchant`);
			openssl('pkcs12', '-export', '-inkey', `${serial}.key`, '-in', `${serial}.crt`, '-name', `serialNumber=${serial},CN=cert_merchant`, '-out', `${serial}.p12`, '-passout', 'pass:first');
			made.push({
				p12: readFileSync(path.join(dir, `${serial}.p12`)).toString('base64'),
				certificate: new X509Certificate(readFileSync(path.join(dir, `${serial}.crt`))),
				serial,
			});
		}
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	const credential = (p12: string, password: string): CybersourceCredentialData => ({
		environment: 'apitest.cybersource.com',
		merchantId: 'cert_merchant',
		authMode: 'jwtCertificate',
		signingFormat: 'p12',
		p12Certificate: p12,
		p12Password: password,
	});

	function expectSignedBy(authorization: string, which: (typeof made)[number]): void {
		const token = jwtParts(authorization);
		expect(token.header.kid).toBe(which.serial);
		const verified = createVerify('RSA-SHA256').update(token.input).verify(which.certificate.publicKey, Buffer.from(token.signature, 'base64url'));
		expect(verified).toBe(true);
	}

	it('read the P12 once, and a replaced P12 signs with its own key at once', () => {
		const parse = jest.spyOn(pkcs12, 'parsePkcs12');
		const [a, b] = made;
		for (let i = 0; i < 3; i++) expectSignedBy(signRequest(credential(a.p12, 'first'), POST).headers.authorization, a);
		expect(parse).toHaveBeenCalledTimes(1);
		expectSignedBy(signRequest(credential(b.p12, 'first'), POST).headers.authorization, b);
		expectSignedBy(signRequest(credential(a.p12, 'first'), GET).headers.authorization, a);
	});

	it('a wrong password fails without re-reading the file, and the right one works at once', () => {
		const [a] = made;
		const parse = jest.spyOn(pkcs12, 'parsePkcs12');
		for (let i = 0; i < 3; i++) {
			expect(() => signRequest(credential(a.p12, 'second'), GET)).toThrow(/P12 password is wrong/);
		}
		expect(parse).toHaveBeenCalledTimes(1);
		expectSignedBy(signRequest(credential(a.p12, 'first'), GET).headers.authorization, a);
	});
});
