/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * JWT RS256 as the credential emits it, from P12 files that openssl writes today and with
 * -legacy: the token verifies with the certificate's public key, and its kid is the subject's
 * serialNumber (reference §8.5).
 */
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey, createVerify, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { signRequest, type CybersourceCredentialData } from '../../credentials/signing/signRequest';

const SERIAL = '7091102954730177107046';
let dir: string;
let certificatePem: string;
const p12: Record<'modern' | 'legacy', string> = { modern: '', legacy: '' };

beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'rs256-'));
	const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
	openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '2', '-subj', `/serialNumber=${SERIAL}/CN=rs_merchant`);
	for (const kind of ['modern', 'legacy'] as const) {
		openssl('pkcs12', '-export', ...(kind === 'legacy' ? ['-legacy'] : []), '-inkey', 'key.pem', '-in', 'cert.pem', '-name', `serialNumber=${SERIAL},CN=rs_merchant`, '-out', `${kind}.p12`, '-passout', 'pass:s3cret');
		p12[kind] = readFileSync(path.join(dir, `${kind}.p12`)).toString('base64');
	}
	certificatePem = readFileSync(path.join(dir, 'cert.pem'), 'utf8');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function decode(part: string): Record<string, unknown> {
	return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

const PROFILES = [
	['the OpenSSL 3 default profile (openssl pkcs12 -export)', 'modern'],
	['the Business Center / OpenSSL 1.x legacy profile (openssl pkcs12 -export -legacy)', 'legacy'],
] as const;

describe.each(PROFILES)('JWT RS256 from a P12 of %s', (_profile, kind) => {
	const credentials = (): CybersourceCredentialData => ({
		environment: 'apitest.cybersource.com',
		merchantId: 'rs_merchant',
		authMode: 'jwtCertificate',
		signingFormat: 'p12',
		p12Certificate: p12[kind],
		p12Password: 's3cret',
	});

	it('signs a POST that verifies with the certificate, kid = subject serialNumber', () => {
		const body = '{"invoiceInformation":{"description":"RS256"}}';
		const signed = signRequest(
			credentials(),
			{ method: 'POST', url: '/invoicing/v2/invoices', body },
			{ now: () => Date.UTC(2026, 10, 23, 12, 0, 0), randomUUID: () => 'f0f0f0f0-0000-4000-8000-000000000001' },
		);
		const [header, payload, signature] = signed.headers.authorization.replace(/^Bearer /, '').split('.');
		expect(decode(header)).toEqual({ typ: 'JWT', alg: 'RS256', kid: SERIAL });
		expect(decode(payload)).toEqual({
			digest: createHash('sha256').update(body).digest('base64'),
			'digest-algorithm': 'SHA-256',
			iat: 1795435200,
			exp: 1795435320,
			'request-host': 'apitest.cybersource.com',
			'request-resource-path': '/invoicing/v2/invoices',
			'request-method': 'post',
			iss: 'rs_merchant',
			jti: 'f0f0f0f0-0000-4000-8000-000000000001',
			'v-c-jwt-version': '2',
			'v-c-merchant-id': 'rs_merchant',
		});
		const publicKey = createPublicKey(new X509Certificate(certificatePem).publicKey.export({ type: 'spki', format: 'pem' }));
		const verifier = createVerify('RSA-SHA256').update(`${header}.${payload}`);
		expect(verifier.verify(publicKey, Buffer.from(signature, 'base64url'))).toBe(true);
	});

	it('a wrong password names what to fix', () => {
		expect(() => signRequest({ ...credentials(), p12Password: 'nope' }, { method: 'GET', url: '/invoicing/v2/invoices' })).toThrow(
			/P12 password is wrong/,
		);
	});
});
