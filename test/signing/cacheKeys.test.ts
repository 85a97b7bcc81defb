/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The process-wide credential caches (credentialMemory.ts) are keyed by a SHA-256 digest of the
 * credential content, never by the secret, the P12 password or the key text itself; a changed
 * secret still gets an entry of its own (a different digest), so nothing stale is served.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { credentialMemory, forgetCredentialMemory } from '../../credentials/signing/credentialMemory';
import { signRequest, type CybersourceCredentialData } from '../../credentials/signing/signRequest';

const GET = { method: 'GET', url: '/invoicing/v2/invoices/1' };
const SECRET = Buffer.from('known-shared-secret-0123456789abcdef').toString('base64');
const P12_PASSWORD = 'known-p12-password';

const sharedSecret = (secret: string): CybersourceCredentialData => ({
	environment: 'apitest.cybersource.com',
	merchantId: 'keys_merchant',
	authMode: 'jwtSharedSecret',
	accessKeyId: '11111111-2222-3333-4444-555555555555',
	sharedSecret: secret,
});

/** The keys of both credential caches. */
function cacheKeys(): string[] {
	return [...credentialMemory.preparedCredentials.keys(), ...credentialMemory.signingIdentities.keys()];
}

let dir: string;
let p12: string;

beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'cache-keys-'));
	const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
	openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'k.key', '-out', 'k.crt', '-days', '2', '-subj', '/serialNumber=5555555555/CN=keys_merchant');
	openssl('pkcs12', '-export', '-inkey', 'k.key', '-in', 'k.crt', '-name', 'serialNumber=5555555555,CN=keys_merchant', '-out', 'k.p12', '-passout', `pass:${P12_PASSWORD}`);
	p12 = readFileSync(path.join(dir, 'k.p12')).toString('base64');
});
afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
	forgetCredentialMemory();
});
beforeEach(() => forgetCredentialMemory());

describe('the credential caches', () => {
	it('are keyed by a digest: no shared secret in any key', () => {
		signRequest(sharedSecret(SECRET), GET);
		const keys = cacheKeys();
		expect(keys).toHaveLength(1);
		for (const key of keys) {
			expect(key).toMatch(/^[0-9a-f]{64}$/);
			expect(key).not.toContain(SECRET);
		}
	});

	it('are keyed by a digest: no P12, password or key text in any key', () => {
		signRequest(
			{ environment: 'apitest.cybersource.com', merchantId: 'keys_merchant', authMode: 'jwtCertificate', signingFormat: 'p12', p12Certificate: p12, p12Password: P12_PASSWORD },
			GET,
		);
		const keys = credentialMemory.signingIdentities.keys();
		expect(keys).toHaveLength(1);
		for (const key of cacheKeys()) {
			expect(key).toMatch(/^[0-9a-f]{64}$/);
			expect(key).not.toContain(P12_PASSWORD);
			expect(key).not.toContain(p12.slice(0, 64));
		}
	});

	it('give a changed secret an entry of its own, and forgetCredentialMemory empties them', () => {
		signRequest(sharedSecret(SECRET), GET);
		signRequest(sharedSecret(Buffer.from('another-shared-secret-0123456789ab').toString('base64')), GET);
		expect(new Set(credentialMemory.preparedCredentials.keys()).size).toBe(2);
		forgetCredentialMemory();
		expect(cacheKeys()).toEqual([]);
	});
});
