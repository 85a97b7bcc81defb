/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The P12 / PEM identity cache: a credential is read once per content and password, a failure is
 * remembered too (a wrong password must not re-run the slow key derivation on every request), and
 * any change of content, password or alias is read afresh, so nothing stale is ever served.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import * as pkcs12 from '../../credentials/signing/pkcs12/pkcs12';
import { identityFromP12 } from '../../credentials/signing/signingIdentity';
import { fieldErrorOf } from './fieldErrorOf';

let dir: string;
const files: Record<'a' | 'b', { p12: string; serial: string }> = {
	a: { p12: '', serial: '1111111111' },
	b: { p12: '', serial: '2222222222' },
};

beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'identity-cache-'));
	const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
	for (const name of ['a', 'b'] as const) {
		const { serial } = files[name];
		openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '2', '-subj', `/serialNumber=${serial}/CN=cache_merchant`);
		openssl('pkcs12', '-export', '-inkey', `${name}.key`, '-in', `${name}.crt`, '-name', `serialNumber=${serial},CN=cache_merchant`, '-out', `${name}.p12`, '-passout', 'pass:right');
		files[name].p12 = readFileSync(path.join(dir, `${name}.p12`)).toString('base64');
	}
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => jest.restoreAllMocks());

describe('a P12 that cannot be read', () => {
	it('is read once per content and password: a repeated wrong password fails from the cache', () => {
		const parse = jest.spyOn(pkcs12, 'parsePkcs12');
		const first = fieldErrorOf(() => identityFromP12(files.a.p12, 'wrong-1', ''));
		const second = fieldErrorOf(() => identityFromP12(files.a.p12, 'wrong-1', ''));
		expect(first.field).toBe('P12 Password');
		expect(second).toEqual(first);
		expect(parse).toHaveBeenCalledTimes(1);
	});

	it('is keyed by content and password: the corrected password works at once', () => {
		expect(fieldErrorOf(() => identityFromP12(files.a.p12, 'wrong-2', '')).field).toBe('P12 Password');
		expect(identityFromP12(files.a.p12, 'right', '').serialNumber).toBe(files.a.serial);
		// And a different (damaged) file with the same password is not answered from either entry.
		const truncated = Buffer.from(files.a.p12, 'base64').subarray(0, 900).toString('base64');
		expect(fieldErrorOf(() => identityFromP12(truncated, 'right', '')).field).toBe('P12 File (Base64)');
	});

	it('tells a damaged (truncated) file from something that is not a P12 at all', () => {
		const truncated = Buffer.from(files.b.p12, 'base64').subarray(0, 1200).toString('base64');
		const damaged = fieldErrorOf(() => identityFromP12(truncated, 'right', ''));
		expect(damaged.field).toBe('P12 File (Base64)');
		expect(damaged.message).toMatch(/damaged or incomplete/);
		const other = fieldErrorOf(() => identityFromP12(Buffer.from('0'.repeat(64)).toString('base64'), 'right', ''));
		expect(other.message).toContain('not of a PKCS#12');
		expect(other.message).not.toMatch(/damaged/);
	});
});

describe('a P12 that can be read', () => {
	it('is never served stale: a changed file, password or alias gives its own identity', () => {
		const a = identityFromP12(files.a.p12, 'right', '');
		const b = identityFromP12(files.b.p12, 'right', '');
		expect(a.serialNumber).toBe(files.a.serial);
		expect(b.serialNumber).toBe(files.b.serial);
		expect(identityFromP12(files.a.p12, 'right', '')).toBe(a);
		expect(fieldErrorOf(() => identityFromP12(files.a.p12, 'right ', '')).field).toBe('P12 Password');
		expect(fieldErrorOf(() => identityFromP12(files.a.p12, 'right', 'someone_else')).field).toBe('Key Alias');
		expect(identityFromP12(files.a.p12, 'right', '')).toBe(a);
	});
});
