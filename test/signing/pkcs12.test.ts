/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * PKCS#12 reading with node:crypto only. Fixtures are generated at test time with the openssl
 * CLI (and Java keytool when present), so every variant is a file a real tool wrote.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createPrivateKey, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	DerError,
	Tag,
	children,
	parseDer,
	readBigInteger,
	readBmpString,
	readOctetString,
	readOid,
	readString,
	type DerNode,
} from '../../credentials/signing/pkcs12/der';
import { rc2CbcDecrypt } from '../../credentials/signing/pkcs12/rc2';
import {
	Pkcs12Error,
	decryptPrivateKeyInfo,
	parsePkcs12,
	type Pkcs12Contents,
} from '../../credentials/signing/pkcs12/pkcs12';
import { CredentialFieldError } from '../../credentials/signing/credentialFieldError';
import type { SigningIdentity } from '../../credentials/signing/credentialTypes';
import { identityFromP12, identityFromPem } from '../../credentials/signing/signingIdentity';

const SERIAL = '7091102954730177107046';
const MERCHANT = 'test_merchant';
const FRIENDLY_NAME = `serialNumber=${SERIAL},CN=${MERCHANT}`;
const PASSWORD = 'Sup3r secret';
const UNICODE_PASSWORD = 'pässwörd-€-😀';

let dir: string;

function openssl(...args: string[]): Buffer {
	return execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
}

function file(name: string): Buffer {
	return readFileSync(join(dir, name));
}

function hasCommand(command: string, ...args: string[]): boolean {
	try {
		execFileSync(command, args, { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

const LEGACY_PROVIDER = ['-provider', 'legacy', '-provider', 'default'];

/** `openssl pkcs12 -export` of the merchant key + cert + 2 CA certs, with extra options. */
function exportP12(name: string, password: string, extra: string[], friendlyName = true): Buffer {
	const out = `${name}.p12`;
	openssl(
		'pkcs12',
		'-export',
		'-inkey',
		'key.pem',
		'-in',
		'cert.pem',
		'-certfile',
		'chain.pem',
		...(friendlyName ? ['-name', FRIENDLY_NAME] : []),
		'-passout',
		`pass:${password}`,
		'-out',
		out,
		...extra,
	);
	return file(out);
}

function errorOf(work: () => unknown): Error {
	try {
		work();
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected an error');
}

function fieldErrorOf(work: () => unknown): CredentialFieldError {
	const error = errorOf(work);
	expect(error).toBeInstanceOf(CredentialFieldError);
	return error as CredentialFieldError;
}

function expectWorkingKey(privateKey: KeyObject, publicKey: KeyObject): void {
	const data = Buffer.from('header.payload');
	const signature = sign('sha256', data, privateKey);
	expect(verify('sha256', data, publicKey, signature)).toBe(true);
}

function expectMerchantIdentity(identity: SigningIdentity): void {
	expect(identity.subject).toBe(FRIENDLY_NAME);
	expect(identity.serialNumber).toBe(SERIAL);
	expect(identity.privateKey.asymmetricKeyType).toBe('rsa');
	expectWorkingKey(identity.privateKey, identity.certificate.publicKey);
}

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'p12-test-'));
	const rsaKey = (out: string): Buffer =>
		openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', out);
	rsaKey('key.pem');
	openssl(
		'req',
		'-x509',
		'-new',
		'-key',
		'key.pem',
		'-days',
		'30',
		'-out',
		'cert.pem',
		'-subj',
		`/serialNumber=${SERIAL}/CN=${MERCHANT}`,
	);
	rsaKey('root.key');
	openssl(
		'req',
		'-x509',
		'-new',
		'-key',
		'root.key',
		'-days',
		'30',
		'-out',
		'root.pem',
		'-subj',
		'/O=Test/CN=Test Root CA',
	);
	rsaKey('inter.key');
	openssl(
		'req',
		'-new',
		'-key',
		'inter.key',
		'-subj',
		'/CN=Test Intermediate CA',
		'-out',
		'inter.csr',
	);
	openssl(
		'x509',
		'-req',
		'-in',
		'inter.csr',
		'-CA',
		'root.pem',
		'-CAkey',
		'root.key',
		'-set_serial',
		'2',
		'-days',
		'30',
		'-out',
		'inter.pem',
	);
	writeFileSync(join(dir, 'chain.pem'), Buffer.concat([file('inter.pem'), file('root.pem')]));
});

afterAll(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
});

// --- DER -----------------------------------------------------------------------------------

describe('der', () => {
	it('reads tags, long-form lengths and nested values', () => {
		const long = Buffer.alloc(300, 7);
		const der = Buffer.concat([
			Buffer.from([0x30, 0x82, 0x01, 0x39]),
			Buffer.from([0x04, 0x82, 0x01, 0x2c]),
			long,
			Buffer.from([0x02, 0x01, 0xff]),
			Buffer.from([0x1e, 0x04, 0x00, 0x41, 0x00, 0x00]),
		]);
		const root = parseDer(der);
		expect(root.tag).toBe(Tag.Sequence);
		const [octets, integer, bmp] = children(root);
		expect(readOctetString(octets)).toEqual(long);
		expect(readBigInteger(integer)).toBe(-1n);
		expect(readBmpString(bmp)).toBe('A');
	});

	it('decodes object identifiers, including large arcs', () => {
		const oid = (hex: string): string => readOid(parseDer(Buffer.from(hex, 'hex')));
		expect(oid('060b2a864886f70d010c0a0102')).toBe('1.2.840.113549.1.12.10.1.2');
		expect(oid('0603550405')).toBe('2.5.4.5');
		expect(oid('0603883703')).toBe('2.999.3');
		expect(oid('060b2a82808080808080808000')).toBe('1.2.18446744073709551616');
	});

	it('reads BER indefinite lengths and constructed OCTET STRINGs', () => {
		// SEQUENCE (indefinite) { [0] (indefinite) { OCTET STRING (constructed) { "ab", "cd" } } }
		const ber = Buffer.from('3080a08024800402616204026364000000000000', 'hex');
		const [wrapped] = children(parseDer(ber));
		const [octets] = children(wrapped);
		expect(readOctetString(octets).toString()).toBe('abcd');
	});

	it('decodes name string types', () => {
		expect(readString(parseDer(Buffer.from('0c03c3a478', 'hex')))).toBe('äx');
		expect(readString(parseDer(Buffer.from('130141', 'hex')))).toBe('A');
		expect(readString(parseDer(Buffer.from('1c040001f600', 'hex')))).toBe('😀');
	});

	it('rejects truncated, trailing and unterminated data', () => {
		for (const hex of ['3005020101', '30030201010000', '30800201', '04820001']) {
			expect(() => parseDer(Buffer.from(hex, 'hex'))).toThrow(DerError);
		}
	});
});

// --- RC2 -----------------------------------------------------------------------------------

describe('rc2', () => {
	// RFC 2268 section 5: [key, effective key bits, plaintext, ciphertext]
	const vectors: Array<[string, number, string, string]> = [
		['0000000000000000', 63, '0000000000000000', 'ebb773f993278eff'],
		['ffffffffffffffff', 64, 'ffffffffffffffff', '278b27e42e2f0d49'],
		['3000000000000000', 64, '1000000000000001', '30649edf9be7d2c2'],
		['88', 64, '0000000000000000', '61a8a244adacccf0'],
		['88bca90e90875a', 64, '0000000000000000', '6ccf4308974c267f'],
		['88bca90e90875a7f0f79c384627bafb2', 64, '0000000000000000', '1a807d272bbe5db1'],
		['88bca90e90875a7f0f79c384627bafb2', 128, '0000000000000000', '2269552ab0f85ca6'],
		[
			'88bca90e90875a7f0f79c384627bafb216f80a6f85920584c42fceb0be255daf1e',
			129,
			'0000000000000000',
			'5b78d3a43dfff1f1',
		],
	];

	it.each(vectors)('RFC 2268 vector key=%s bits=%d', (key, bits, plaintext, ciphertext) => {
		// One block with a zero IV: CBC decryption is plain block decryption.
		const out = rc2CbcDecrypt(
			Buffer.from(key, 'hex'),
			Buffer.alloc(8),
			Buffer.from(ciphertext, 'hex'),
			bits,
		);
		expect(out.toString('hex')).toBe(plaintext);
	});

	it.each([
		['rc2-40-cbc', 5, 40],
		['rc2-64-cbc', 8, 64],
		['rc2-cbc', 16, 128],
	])('decrypts multi-block CBC written by openssl enc -%s', (cipher, keyBytes, bits) => {
		const key = randomBytes(keyBytes);
		const iv = randomBytes(8);
		const plaintext = randomBytes(100);
		writeFileSync(join(dir, 'rc2.bin'), plaintext);
		const encrypted = openssl(
			'enc',
			`-${cipher}`,
			'-K',
			key.toString('hex'),
			'-iv',
			iv.toString('hex'),
			'-in',
			'rc2.bin',
			...LEGACY_PROVIDER,
		);
		const decrypted = rc2CbcDecrypt(key, iv, encrypted, bits);
		expect(decrypted.subarray(0, 100)).toEqual(plaintext);
		expect(decrypted.subarray(100)).toEqual(Buffer.alloc(4, 4));
	});
});

// --- PKCS#8 encryption schemes -------------------------------------------------------------------

describe('decryptPrivateKeyInfo (PBES2 and PKCS#12 PBE schemes)', () => {
	const schemes: Array<[string, string[]]> = [
		['PBES2 AES-128-CBC, HMAC-SHA1', ['-v2', 'aes-128-cbc', '-v2prf', 'hmacWithSHA1']],
		['PBES2 AES-192-CBC, HMAC-SHA384', ['-v2', 'aes-192-cbc', '-v2prf', 'hmacWithSHA384']],
		['PBES2 AES-256-CBC, HMAC-SHA512', ['-v2', 'aes-256-cbc', '-v2prf', 'hmacWithSHA512']],
		['PBES2 DES-EDE3-CBC, HMAC-SHA256', ['-v2', 'des3', '-v2prf', 'hmacWithSHA256']],
		['PBES2 AES-256-CBC, HMAC-SHA224', ['-v2', 'aes-256-cbc', '-v2prf', 'hmacWithSHA224']],
		['pbeWithSHAAnd3-KeyTripleDES-CBC', ['-v1', 'PBE-SHA1-3DES']],
		['pbeWithSHAAnd128BitRC2-CBC', ['-v1', 'PBE-SHA1-RC2-128', ...LEGACY_PROVIDER]],
		['pbeWithSHAAnd40BitRC2-CBC', ['-v1', 'PBE-SHA1-RC2-40', ...LEGACY_PROVIDER]],
	];

	it.each(schemes)('%s', (_name, options) => {
		const plain = openssl('pkcs8', '-topk8', '-nocrypt', '-in', 'key.pem', '-outform', 'DER');
		const encrypted = openssl(
			'pkcs8',
			'-topk8',
			'-in',
			'key.pem',
			'-outform',
			'DER',
			'-passout',
			`pass:${PASSWORD}`,
			...options,
		);
		expect(decryptPrivateKeyInfo(encrypted, PASSWORD)).toEqual(plain);
		const wrong = errorOf(() => decryptPrivateKeyInfo(encrypted, 'not the password'));
		expect(wrong).toBeInstanceOf(Pkcs12Error);
		expect((wrong as Pkcs12Error).reason).toBe('wrong-password');
	});

	it.each([
		['RC4', ['-v1', 'PBE-SHA1-RC4-128', ...LEGACY_PROVIDER]],
		['scrypt', ['-scrypt', '-scrypt_N', '1024']],
		['two-key triple DES', ['-v1', 'PBE-SHA1-2DES', ...LEGACY_PROVIDER]],
		['RC2 inside PBES2', ['-v2', 'rc2', ...LEGACY_PROVIDER]],
	])('reports %s as unsupported', (_name, options) => {
		const encrypted = openssl(
			'pkcs8',
			'-topk8',
			'-in',
			'key.pem',
			'-outform',
			'DER',
			'-passout',
			`pass:${PASSWORD}`,
			...options,
		);
		const error = errorOf(() => decryptPrivateKeyInfo(encrypted, PASSWORD));
		expect(error).toBeInstanceOf(Pkcs12Error);
		expect((error as Pkcs12Error).reason).toBe('unsupported');
	});
});

// --- PKCS#12 files ---------------------------------------------------------------------------

/** Re-encodes with BER indefinite lengths and chunked OCTET STRINGs, as Java/BouncyCastle do. */
function toBer(node: DerNode, deep: boolean): Buffer {
	const chunked = (tag: number, content: Buffer): Buffer => {
		const parts: Buffer[] = [Buffer.from([tag, 0x80])];
		for (let i = 0; i < content.length; i += 100) {
			const chunk = content.subarray(i, i + 100);
			parts.push(Buffer.from([0x04, 0x81, chunk.length]), chunk);
		}
		parts.push(Buffer.alloc(2));
		return Buffer.concat(parts);
	};
	if (node.constructed) {
		return Buffer.concat([
			Buffer.from([node.tag, 0x80]),
			...children(node).map((child) => toBer(child, deep)),
			Buffer.alloc(2),
		]);
	}
	if (node.tag === Tag.OctetString && node.content.length > 100) {
		let content: Buffer = node.content;
		// Re-encode nested AuthenticatedSafe/SafeContents, never a certificate or ciphertext.
		const nested = deep ? tryParse(content) : undefined;
		if (nested && isSequenceOfTypedValues(nested)) content = toBer(nested, deep);
		return chunked(0x24, content);
	}
	// [0] IMPLICIT OCTET STRING (EncryptedContentInfo.encryptedContent) in constructed form.
	if (node.tag === Tag.contextPrimitive(0) && node.content.length > 100) {
		return chunked(0xa0, node.content);
	}
	return node.raw;
}

function expectBer(p12: Buffer): Buffer {
	expect(p12.subarray(0, 2)).toEqual(Buffer.from([0x30, 0x80]));
	return p12;
}

function tryParse(der: Buffer): DerNode | undefined {
	try {
		return parseDer(der);
	} catch {
		return undefined;
	}
}

/** SEQUENCE OF (SEQUENCE starting with an OID): AuthenticatedSafe and SafeContents. */
function isSequenceOfTypedValues(node: DerNode): boolean {
	return (
		node.tag === Tag.Sequence &&
		children(node).every((c) => c.tag === Tag.Sequence && children(c)[0]?.tag === Tag.Oid)
	);
}

interface Variant {
	name: string;
	password: string;
	build: () => Buffer;
	/** False for files whose contents are not password-protected at all. */
	passwordChecked?: boolean;
}

/** What `openssl pkcs12 -info` says about a file's algorithms: proves a profile is the one named. */
function algorithmsOf(p12: Buffer, password: string): string {
	writeFileSync(join(dir, 'info.p12'), p12);
	const info = spawnSync(
		'openssl',
		['pkcs12', '-info', '-noout', '-legacy', '-in', 'info.p12', '-passin', `pass:${password}`],
		{ cwd: dir, encoding: 'utf8' },
	);
	return `${info.stdout}${info.stderr}`;
}

const LEGACY_PROFILE = [
	/MAC: sha1, Iteration \d+/,
	/Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration \d+/,
	/PKCS7 Encrypted data: pbeWithSHA1And40BitRC2-CBC, Iteration \d+/,
];
const OPENSSL3_PROFILE = [
	/MAC: sha256, Iteration \d+/,
	/Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration \d+, PRF hmacWithSHA256/,
	/PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration \d+, PRF hmacWithSHA256/,
];

/**
 * The profiles real users' files have, each written by the tool named (the Java keytool ones
 * below too). Business Center's .p12 and OpenSSL 1.x write the legacy profile; OpenSSL 3 and
 * current Java write the PBES2 one.
 */
const profiles: Array<Variant & { algorithms: RegExp[] }> = [
	{
		name: 'Business Center .p12 / OpenSSL 1.x default / `openssl pkcs12 -export -legacy` (PBE-SHA1-3DES key, PBE-SHA1-RC2-40 certificates, SHA-1 MAC, 2048 iterations)',
		password: PASSWORD,
		build: () => exportP12('legacy', PASSWORD, ['-legacy', '-caname', 'Test Intermediate CA', '-caname', 'CyberSourceCertAuth']),
		algorithms: LEGACY_PROFILE,
	},
	{
		name: 'the same legacy profile spelled out on OpenSSL 3 (-keypbe PBE-SHA1-3DES -certpbe PBE-SHA1-RC2-40 -macalg sha1)',
		password: PASSWORD,
		build: () =>
			exportP12('legacy-explicit', PASSWORD, [
				'-keypbe',
				'PBE-SHA1-3DES',
				'-certpbe',
				'PBE-SHA1-RC2-40',
				'-macalg',
				'sha1',
				...LEGACY_PROVIDER,
			]),
		algorithms: LEGACY_PROFILE,
	},
	{
		name: 'OpenSSL 3 default `openssl pkcs12 -export` (PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC, SHA-256 MAC, 2048 iterations)',
		password: PASSWORD,
		build: () => exportP12('modern', PASSWORD, []),
		algorithms: OPENSSL3_PROFILE,
	},
];

/** Rarer files the reader keeps (pkcs12.ts says why), each as the openssl option that writes it. */
const variants: Variant[] = [
	{
		name: 'empty password, OpenSSL 3 default (OpenSSL writes an empty password two ways)',
		password: '',
		build: () => exportP12('empty', '', []),
	},
	{
		name: 'empty password, legacy profile',
		password: '',
		build: () => exportP12('empty-legacy', '', ['-legacy']),
	},
	{
		name: 'non-ASCII password, OpenSSL 3 default',
		password: UNICODE_PASSWORD,
		build: () => exportP12('unicode', UNICODE_PASSWORD, []),
	},
	{
		name: 'non-ASCII password, legacy profile',
		password: UNICODE_PASSWORD,
		build: () => exportP12('unicode-legacy', UNICODE_PASSWORD, ['-legacy']),
	},
	{
		name: '-keypbe AES-128-CBC -certpbe AES-128-CBC -macalg sha1',
		password: PASSWORD,
		build: () =>
			exportP12('aes128', PASSWORD, [
				'-keypbe',
				'AES-128-CBC',
				'-certpbe',
				'AES-128-CBC',
				'-macalg',
				'sha1',
			]),
	},
	{
		name: '-keypbe DES-EDE3-CBC -certpbe AES-192-CBC -macalg sha512 (PBES2 triple DES)',
		password: PASSWORD,
		build: () =>
			exportP12('des3', PASSWORD, [
				'-keypbe',
				'DES-EDE3-CBC',
				'-certpbe',
				'AES-192-CBC',
				'-macalg',
				'sha512',
			]),
	},
	{
		name: '-certpbe PBE-SHA1-RC2-128 -macalg sha384 (128-bit RC2 certificates)',
		password: PASSWORD,
		build: () =>
			exportP12('rc2-128', PASSWORD, [
				'-keypbe',
				'PBE-SHA1-3DES',
				'-certpbe',
				'PBE-SHA1-RC2-128',
				'-macalg',
				'sha384',
				...LEGACY_PROVIDER,
			]),
	},
	{
		name: '-legacy -noiter -nomaciter (one iteration, MacData without iteration count)',
		password: PASSWORD,
		build: () => exportP12('noiter', PASSWORD, ['-legacy', '-noiter', '-nomaciter']),
	},
	{
		// OpenSSL leaves certificates unencrypted with -nomac unless -certpbe is given.
		name: '-nomac -certpbe AES-256-CBC (no MAC, PBES2 key and certificates)',
		password: PASSWORD,
		build: () => exportP12('nomac', PASSWORD, ['-nomac', '-certpbe', 'AES-256-CBC']),
	},
	{
		name: '-nomac -legacy -certpbe PBE-SHA1-RC2-40 (no MAC, legacy profile)',
		password: PASSWORD,
		build: () =>
			exportP12('nomac-legacy', PASSWORD, ['-nomac', '-legacy', '-certpbe', 'PBE-SHA1-RC2-40']),
	},
	{
		name: '-keypbe NONE -certpbe NONE (unencrypted key bag and certificate bags)',
		password: PASSWORD,
		build: () => exportP12('plain', PASSWORD, ['-keypbe', 'NONE', '-certpbe', 'NONE']),
	},
	{
		name: '-keypbe NONE -certpbe NONE -nomac (not protected at all)',
		password: PASSWORD,
		build: () =>
			exportP12('plain-nomac', PASSWORD, ['-keypbe', 'NONE', '-certpbe', 'NONE', '-nomac']),
		passwordChecked: false,
	},
	{
		name: 'BER as Java/BouncyCastle write it: indefinite lengths and chunked OCTET STRINGs around the MAC-protected content',
		password: PASSWORD,
		build: () => expectBer(toBer(parseDer(exportP12('ber', PASSWORD, [])), false)),
	},
	{
		name: 'BER all the way down (no MAC, so the inner encoding may change too)',
		password: PASSWORD,
		build: () => {
			const options = ['-nomac', '-legacy', '-certpbe', 'PBE-SHA1-RC2-40'];
			return expectBer(toBer(parseDer(exportP12('ber-deep', PASSWORD, options)), true));
		},
	},
];

function describeFileReading({ password, build, passwordChecked }: Variant): void {
	let p12: Buffer;
	let contents: Pkcs12Contents;

	beforeAll(() => {
		p12 = build();
		contents = parsePkcs12(p12, password);
	});

	it('returns all certificates and the private key with their attributes', () => {
		expect(contents.certificates).toHaveLength(3);
		expect(contents.privateKeys).toHaveLength(1);
		const [key] = contents.privateKeys;
		expect(key.friendlyName).toBe(FRIENDLY_NAME);
		expect(key.localKeyId).toMatch(/^[0-9a-f]{40}$/);
		const merchant = contents.certificates.filter((c) => c.localKeyId === key.localKeyId);
		expect(merchant).toHaveLength(1);
		expect(merchant[0].friendlyName).toBe(FRIENDLY_NAME);
		expect(merchant[0].der).toEqual(openssl('x509', '-in', 'cert.pem', '-outform', 'DER'));
		const pkcs8 = createPrivateKey({ key: key.pkcs8Der, format: 'der', type: 'pkcs8' });
		expect(pkcs8.asymmetricKeyType).toBe('rsa');
	});

	it('gives a signing identity whose key signs verifiably for the certificate', () => {
		expectMerchantIdentity(identityFromP12(p12.toString('base64'), password, MERCHANT));
	});

	if (passwordChecked !== false) {
		it('rejects a wrong password as wrong-password, naming P12 Password', () => {
			const error = errorOf(() => parsePkcs12(p12, `${password}x`));
			expect(error).toBeInstanceOf(Pkcs12Error);
			expect((error as Pkcs12Error).reason).toBe('wrong-password');
			const fieldError = fieldErrorOf(() =>
				identityFromP12(p12.toString('base64'), `${password}x`, MERCHANT),
			);
			expect(fieldError.field).toBe('P12 Password');
			expect(fieldError.message).not.toContain(`${password}x`);
		});
	}
}

describe('the real-world profiles the reader must read', () => {
	describe.each(profiles)('$name', (profile) => {
		it('is the profile named (openssl pkcs12 -info)', () => {
			const info = algorithmsOf(profile.build(), profile.password);
			for (const algorithm of profile.algorithms) expect(info).toMatch(algorithm);
		});

		describeFileReading(profile);
	});
});

describe('rarer files the reader keeps', () => {
	describe.each(variants)('$name', (variant) => describeFileReading(variant));
});

describe('files the reader refuses, saying to use the PEM fields', () => {
	it.each([
		['two-key triple DES key (-keypbe PBE-SHA1-2DES)', ['-keypbe', 'PBE-SHA1-2DES'], 'pbeWithSHAAnd2-KeyTripleDES-CBC'],
		['RC2 inside PBES2 (-certpbe RC2-CBC)', ['-certpbe', 'RC2-CBC'], 'RC2-CBC'],
	])('%s', (_name, options, algorithm) => {
		const p12 = exportP12('refused', PASSWORD, [...options, ...LEGACY_PROVIDER]);
		const error = errorOf(() => parsePkcs12(p12, PASSWORD));
		expect((error as Pkcs12Error).reason).toBe('unsupported');
		const fieldError = fieldErrorOf(() => identityFromP12(p12.toString('base64'), PASSWORD, MERCHANT));
		expect(fieldError.field).toBe('P12 File (Base64)');
		expect(fieldError.message).toContain(`encryption algorithm ${algorithm} is not supported`);
		expect(fieldError.message).toContain('Certificate Format "PEM Key and Certificate"');
	});
});

const javaIt = hasCommand('keytool', '-help') ? it : it.skip;

describe('files written by Java keytool', () => {
	javaIt('current keytool default (PBES2 AES-256-CBC, SHA-256 MAC), lowercased alias, from keytool -importkeystore', () => {
		exportP12('for-java', PASSWORD, []);
		execFileSync(
			'keytool',
			[
				'-importkeystore',
				'-noprompt',
				'-srckeystore',
				join(dir, 'for-java.p12'),
				'-srcstoretype',
				'PKCS12',
				'-srcstorepass',
				PASSWORD,
				'-destkeystore',
				join(dir, 'java.p12'),
				'-deststoretype',
				'PKCS12',
				'-deststorepass',
				PASSWORD,
			],
			{ stdio: 'ignore' },
		);
		const p12 = file('java.p12');
		for (const algorithm of OPENSSL3_PROFILE) expect(algorithmsOf(p12, PASSWORD)).toMatch(algorithm);
		expect(parsePkcs12(p12, PASSWORD).privateKeys[0].friendlyName).toBe(
			FRIENDLY_NAME.toLowerCase(),
		);
		expectMerchantIdentity(identityFromP12(p12.toString('base64'), PASSWORD, MERCHANT));
	});

	javaIt('keytool legacy profile (-Dkeystore.pkcs12.legacy: 3DES key, RC2-40 certificates, SHA-1 MAC), from -genkeypair', () => {
		execFileSync(
			'keytool',
			[
				'-J-Dkeystore.pkcs12.legacy',
				'-genkeypair',
				'-alias',
				MERCHANT,
				'-keyalg',
				'RSA',
				'-keysize',
				'2048',
				'-dname',
				`CN=${MERCHANT}, SERIALNUMBER=${SERIAL}`,
				'-validity',
				'30',
				'-storetype',
				'PKCS12',
				'-keystore',
				join(dir, 'java-legacy.p12'),
				'-storepass',
				PASSWORD,
			],
			{ stdio: 'ignore' },
		);
		const p12 = file('java-legacy.p12');
		for (const algorithm of LEGACY_PROFILE) expect(algorithmsOf(p12, PASSWORD)).toMatch(algorithm);
		const identity = identityFromP12(p12.toString('base64'), PASSWORD, MERCHANT);
		expect(identity.serialNumber).toBe(SERIAL);
		expectWorkingKey(identity.privateKey, identity.certificate.publicKey);
	});
});

describe('PBMAC1 (RFC 9579 appendix A test vectors, password "1234")', () => {
	it.each([
		['A.1 SHA-256 HMAC and PRF', rfc9579Vectors().a1],
		['A.3 SHA-512 HMAC and PRF', rfc9579Vectors().a3],
	])('%s', (_name, base64) => {
		const p12 = Buffer.from(base64, 'base64');
		const contents = parsePkcs12(p12, '1234');
		expect(contents.certificates).toHaveLength(1);
		expect(contents.privateKeys).toHaveLength(1);
		const identity = identityFromP12(base64, '1234', '');
		expectWorkingKey(identity.privateKey, identity.certificate.publicKey);
		const error = errorOf(() => parsePkcs12(p12, '12345'));
		expect((error as Pkcs12Error).reason).toBe('wrong-password');
	});
});

// --- identityFromP12: alias selection, input tolerance, errors, cache ----------------------------

describe('identityFromP12', () => {
	let base64: string;

	beforeAll(() => {
		base64 = exportP12('identity', PASSWORD, []).toString('base64');
	});

	it('matches the alias case-insensitively against the CN in the friendly name', () => {
		expectMerchantIdentity(identityFromP12(base64, PASSWORD, 'TEST_MERCHANT'));
	});

	it('without an alias, uses the certificate that has the private key', () => {
		expectMerchantIdentity(identityFromP12(base64, PASSWORD, ''));
	});

	it('matches the subject CN when there is no friendly name', () => {
		const p12 = exportP12('no-name', PASSWORD, [], false);
		expect(parsePkcs12(p12, PASSWORD).certificates.every((c) => !c.friendlyName)).toBe(true);
		expectMerchantIdentity(identityFromP12(p12.toString('base64'), PASSWORD, MERCHANT));
	});

	it('tolerates line breaks, a data: URL prefix and literal \\n sequences', () => {
		const wrapped = base64.replace(/.{76}/g, '$&\n');
		expectMerchantIdentity(identityFromP12(`  ${wrapped}\n`, PASSWORD, MERCHANT));
		expectMerchantIdentity(
			identityFromP12(`data:application/x-pkcs12;base64,${base64}`, PASSWORD, MERCHANT),
		);
		expectMerchantIdentity(identityFromP12(base64.replace(/.{64}/g, '$&\\n'), PASSWORD, MERCHANT));
	});

	it('names Key Alias and lists what the file holds when nothing matches', () => {
		// A prefix of the CN must not match: the alias is compared with the whole CN value.
		const error = fieldErrorOf(() => identityFromP12(base64, PASSWORD, 'test_merch'));
		expect(error.field).toBe('Key Alias');
		expect(error.message).toContain('"test_merch"');
		expect(error.message).toContain(`"${FRIENDLY_NAME}" (has the private key)`);
		expect(error.message).toContain('"CN=Test Intermediate CA"');
		expect(error.message).toContain('"O=Test,CN=Test Root CA"');
		expect(error.message).toContain('Set Key Alias to "test_merchant"');
	});

	it('names Key Alias when the alias picks a certificate without a private key', () => {
		const error = fieldErrorOf(() => identityFromP12(base64, PASSWORD, 'Test Root CA'));
		expect(error.field).toBe('Key Alias');
		expect(error.message).toContain('no matching private key');
	});

	it('reports a file without a private key', () => {
		const p12 = openssl(
			'pkcs12',
			'-export',
			'-nokeys',
			'-in',
			'cert.pem',
			'-passout',
			`pass:${PASSWORD}`,
		);
		const error = fieldErrorOf(() => identityFromP12(p12.toString('base64'), PASSWORD, MERCHANT));
		expect(error.field).toBe('P12 File (Base64)');
		expect(error.message).toContain('no usable private key');
	});

	it.each([
		['text that is not base64', 'this is not base64!', 'is not base64 text'],
		[
			'base64 of something else',
			Buffer.from('hello world, not a p12').toString('base64'),
			'not of a PKCS#12',
		],
		[
			'a DER value that is not PKCS#12',
			Buffer.from('3010020101300b0603550403130441424344', 'hex').toString('base64'),
			'not of a PKCS#12',
		],
		[
			'PEM text',
			'-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
			'This is PEM text',
		],
	])('names P12 File (Base64) for %s', (_name, input, message) => {
		const error = fieldErrorOf(() => identityFromP12(input, PASSWORD, MERCHANT));
		expect(error.field).toBe('P12 File (Base64)');
		expect(error.message).toContain(message);
		if (!message.startsWith('This is PEM'))
			expect(error.message).toContain('base64 -w0 merchant.p12');
	});

	it('names P12 File (Base64) for a truncated file', () => {
		const truncated = Buffer.from(base64, 'base64').subarray(0, 1000).toString('base64');
		expect(fieldErrorOf(() => identityFromP12(truncated, PASSWORD, MERCHANT)).field).toBe(
			'P12 File (Base64)',
		);
	});

	it('explains an empty password for a protected file without echoing anything secret', () => {
		const error = fieldErrorOf(() => identityFromP12(base64, '', MERCHANT));
		expect(error.field).toBe('P12 Password');
		expect(error.message).toContain('P12 Password is empty');
		const wrong = fieldErrorOf(() => identityFromP12(base64, 'hunter2', MERCHANT));
		expect(wrong.message).not.toContain('hunter2');
		expect(wrong.message).not.toContain(base64.slice(0, 20));
	});

	it('parses once: the same inputs return the same object', () => {
		const first = identityFromP12(base64, PASSWORD, MERCHANT);
		const second = identityFromP12(base64, PASSWORD, MERCHANT);
		expect(second).toBe(first);
		expect(Object.isFrozen(first)).toBe(true);
		// Different inputs are different cache entries.
		expect(identityFromP12(base64, PASSWORD, 'Test_Merchant')).not.toBe(first);
	});

	it('keeps the cache bounded and re-parses evicted entries', () => {
		const first = identityFromP12(base64, PASSWORD, MERCHANT);
		// 32 other entries push the first one out (the alias is trimmed, the cache key is not).
		for (let i = 1; i <= 32; i++) identityFromP12(base64, PASSWORD, `${MERCHANT}${' '.repeat(i)}`);
		const again = identityFromP12(base64, PASSWORD, MERCHANT);
		expect(again).not.toBe(first);
		expect(again.serialNumber).toBe(first.serialNumber);
	});
});

// --- identityFromPem ---------------------------------------------------------------------------

describe('identityFromPem', () => {
	let keyPem: string;
	let certPem: string;

	beforeAll(() => {
		keyPem = file('key.pem').toString();
		certPem = file('cert.pem').toString();
	});

	it('reads a PKCS#8 key', () => {
		expect(keyPem).toContain('BEGIN PRIVATE KEY');
		expectMerchantIdentity(identityFromPem(keyPem, certPem));
	});

	it('reads a PKCS#1 key', () => {
		const pkcs1 = openssl('rsa', '-in', 'key.pem', '-traditional').toString();
		expect(pkcs1).toContain('BEGIN RSA PRIVATE KEY');
		expectMerchantIdentity(identityFromPem(pkcs1, certPem));
	});

	it('tolerates literal \\n, line breaks turned into spaces and surrounding text', () => {
		const literal = (pem: string): string => pem.trim().replace(/\n/g, '\\n');
		expectMerchantIdentity(identityFromPem(literal(keyPem), literal(certPem)));
		const spaced = (pem: string): string => pem.trim().replace(/\n/g, ' ');
		expectMerchantIdentity(identityFromPem(spaced(keyPem), `Bag Attributes\n${spaced(certPem)}`));
	});

	it('picks the certificate of the key from a pasted chain', () => {
		const chain = `${file('chain.pem').toString()}${certPem}`;
		expectMerchantIdentity(identityFromPem(keyPem, chain));
	});

	it('rejects a certificate that does not belong to the key', () => {
		const error = fieldErrorOf(() => identityFromPem(file('root.key').toString(), certPem));
		expect(error.field).toBe('Certificate (PEM)');
		expect(error.message).toContain('does not belong to the private key');
	});

	describe.each([
		// OpenSSL 3's `openssl pkcs12 -in merchant.p12` without -nodes writes this form.
		['PKCS#8 "BEGIN ENCRYPTED PRIVATE KEY" (openssl pkey -aes256)', ['pkey', '-aes256'], 'BEGIN ENCRYPTED PRIVATE KEY'],
		// OpenSSL 1.x's `openssl pkcs12 -in merchant.p12` and `openssl rsa -des3` write this form.
		['traditional "Proc-Type: 4,ENCRYPTED" (openssl rsa -des3 -traditional)', ['rsa', '-des3', '-traditional'], 'Proc-Type: 4,ENCRYPTED'],
	])('an encrypted key: %s', (_name, command, marker) => {
		let encrypted: string;

		beforeAll(() => {
			const [tool, ...options] = command;
			encrypted = openssl(tool, '-in', 'key.pem', ...options, '-passout', `pass:${PASSWORD}`).toString();
			expect(encrypted).toContain(marker);
		});

		it('is read with its passphrase, also pasted on one line', () => {
			expectMerchantIdentity(identityFromPem(encrypted, certPem, PASSWORD));
			const literal = encrypted.trim().replace(/\n/g, '\\n');
			expectMerchantIdentity(identityFromPem(literal, certPem, PASSWORD));
		});

		it('names Private Key Passphrase when it is empty or wrong, without echoing it', () => {
			const empty = fieldErrorOf(() => identityFromPem(encrypted, certPem));
			expect(empty.field).toBe('Private Key Passphrase');
			expect(empty.message).toContain('Private Key Passphrase is empty');
			const wrong = fieldErrorOf(() => identityFromPem(encrypted, certPem, 'hunter2'));
			expect(wrong.field).toBe('Private Key Passphrase');
			expect(wrong.message).toContain('the passphrase is wrong');
			expect(wrong.message).not.toContain('hunter2');
		});
	});

	it('explains swapped fields and missing or damaged blocks', () => {
		const swapped = fieldErrorOf(() => identityFromPem(certPem, keyPem));
		expect(swapped.field).toBe('Private Key (PEM)');
		expect(swapped.message).toContain('This is a certificate');
		const noCert = fieldErrorOf(() => identityFromPem(keyPem, 'MIIB...'));
		expect(noCert.field).toBe('Certificate (PEM)');
		const damaged = fieldErrorOf(() =>
			identityFromPem('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----', certPem),
		);
		expect(damaged.field).toBe('Private Key (PEM)');
		expect(damaged.message).toContain('damaged');
	});

	it('reads the subject as X509Certificate gives it: multi-valued RDNs and escaped characters', () => {
		openssl(
			'req',
			'-x509',
			'-new',
			'-key',
			'key.pem',
			'-multivalue-rdn',
			'-utf8',
			'-subj',
			`/serialNumber=${SERIAL}+O=Acme, Inc./CN=shop\\+co "ü"`,
			'-days',
			'1',
			'-out',
			'escaped-cert.pem',
		);
		const identity = identityFromPem(keyPem, file('escaped-cert.pem').toString());
		expect(identity.serialNumber).toBe(SERIAL);
		// DER sorts the values of a multi-valued RDN: O comes before serialNumber.
		expect(identity.subject).toBe(`O=Acme, Inc.+serialNumber=${SERIAL},CN=shop+co "ü"`);
	});

	it('requires an RSA key', () => {
		openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'ec.pem');
		openssl(
			'req',
			'-x509',
			'-new',
			'-key',
			'ec.pem',
			'-subj',
			'/CN=ec',
			'-days',
			'1',
			'-out',
			'ec-cert.pem',
		);
		const error = fieldErrorOf(() =>
			identityFromPem(file('ec.pem').toString(), file('ec-cert.pem').toString()),
		);
		expect(error.field).toBe('Private Key (PEM)');
		expect(error.message).toContain('RSA');
	});

	it('falls back to the certificate serial number (decimal) without a subject serialNumber', () => {
		openssl(
			'req',
			'-x509',
			'-new',
			'-key',
			'key.pem',
			'-subj',
			'/CN=plain',
			'-days',
			'1',
			'-set_serial',
			'0x1234567890abcdef',
			'-out',
			'plain-cert.pem',
		);
		const identity = identityFromPem(keyPem, file('plain-cert.pem').toString());
		expect(identity.serialNumber).toBe(BigInt('0x1234567890abcdef').toString(10));
		expect(identity.subject).toBe('CN=plain');
	});

	it('parses once per content', () => {
		expect(identityFromPem(keyPem, certPem)).toBe(identityFromPem(keyPem, certPem));
	});
});

/** RFC 9579 appendix A.1 and A.3: PBMAC1-protected files, password "1234". */
function rfc9579Vectors(): { a1: string; a3: string } {
	const a1 = [
		'MIIKigIBAzCCCgUGCSqGSIb3DQEHAaCCCfYEggnyMIIJ7jCCBGIGCSqGSIb3DQEH',
		'BqCCBFMwggRPAgEAMIIESAYJKoZIhvcNAQcBMFcGCSqGSIb3DQEFDTBKMCkGCSqG',
		'SIb3DQEFDDAcBAg9pxXxY2yscwICCAAwDAYIKoZIhvcNAgkFADAdBglghkgBZQME',
		'ASoEEK7yYaFQDi1pYwWzm9F/fs+AggPgFIT2XapyaFgDppdvLkdvaF3HXw+zjzKb',
		'7xFC76DtVPhVTWVHD+kIss+jsj+XyvMwY0aCuAhAG/Dig+vzWomnsqB5ssw5/kTb',
		'+TMQ5PXLkNeoBmB6ArKeGc/QmCBQvQG/a6b+nXSWmxNpP+71772dmWmB8gcSJ0kF',
		'Fj75NrIbmNiDMCb71Q8gOzBMFf6BpXf/3xWAJtxyic+tSNETfOJa8zTZb0+lV0w9',
		'5eUmDrPUpuxEVbb0KJtIc63gRkcfrPtDd6Ii4Zzbzj2Evr4/S4hnrQBsiryVzJWy',
		'IEjaD0y6+DmG0JwMgRuGi1wBoGowi37GMrDCOyOZWC4n5wHLtYyhR6JaElxbrhxP',
		'H46z2USLKmZoF+YgEQgYcSBXMgP0t36+XQocFWYi2N5niy02TnctwF430FYsQlhJ',
		'Suma4I33E808dJuMv8T/soF66HsD4Zj46hOf4nWmas7IaoSAbGKXgIa7KhGRJvij',
		'xM3WOX0aqNi/8bhnxSA7fCmIy/7opyx5UYJFWGBSmHP1pBHBVmx7Ad8SAsB9MSsh',
		'nbGjGiUk4h0QcOi29/M9WwFlo4urePyI8PK2qtVAmpD3rTLlsmgzguZ69L0Q/CFU',
		'fbtqsMF0bgEuh8cfivd1DYFABEt1gypuwCUtCqQ7AXK2nQqOjsQCxVz9i9K8NDeD',
		'aau98VAl0To2sk3/VR/QUq0PRwU1jPN5BzUevhE7SOy/ImuJKwpGqqFljYdrQmj5',
		'jDe+LmYH9QGVRlfN8zuU+48FY8CAoeBeHn5AAPml0PYPVUnt3/jQN1+v+CahNVI+',
		'La8q1Nen+j1R44aa2I3y/pUgtzXRwK+tPrxTQbG030EU51LYJn8amPWmn3w75ZIA',
		'MJrXWeKj44de7u4zdUsEBVC2uM44rIHM8MFjyYAwYsey0rcp0emsaxzar+7ZA67r',
		'lDoXvvS3NqsnTXHcn3T9tkPRoee6L7Dh3x4Od96lcRwgdYT5BwyH7e34ld4VTUmJ',
		'bDEq7Ijvn4JKrwQJh1RCC+Z/ObfkC42xAm7G010u3g08xB0Qujpdg4a7VcuWrywF',
		'c7hLNquuaF4qoDaVwYXHH3iuX6YlJ/3siTKbYCVXPEZOAMBP9lF/OU76UMJBQNfU',
		'0xjDx+3AhUVgnGuCsmYlK6ETDp8qOZKGyV0KrNSGtqLx3uMhd7PETeW+ML3tDQ/0',
		'X9fMkcZHi4C2fXnoHV/qa2dGhBj4jjQ0Xh1poU6mxGn2Mebe2hDsBZkkBpnn7pK4',
		'wP/VqXdQTwqEuvzGHLVFsCuADe40ZFBmtBrf70wG7ZkO8SUZ8Zz1IX3+S024g7yj',
		'QRev/6x6TtkwggWEBgkqhkiG9w0BBwGgggV1BIIFcTCCBW0wggVpBgsqhkiG9w0B',
		'DAoBAqCCBTEwggUtMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAhTxzw+',
		'VptrYAICCAAwDAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEK9nSqc1I2t4tMVG',
		'bWHpdtQEggTQzCwI7j34gCTvfj6nuOSndAjShGv7mN2j7WMV0pslTpq2b9Bn3vn1',
		'Y0JMvL4E7sLrUzNU02pdOcfCnEpMFccNv2sQrLp1mOCKxu8OjSqHZLoKVL0ROVsZ',
		'8dMECLLigDlPKRiSyLErl14tErX4/zbkUaWMROO28kFbTbubQ8YoHlRUwsKW1xLg',
		'vfi0gRkG/zHXRfQHjX/8NStv7hXlehn7/Gy2EKPsRFhadm/iUHAfmCMkMgHTU248',
		'JER9+nsXltd59H+IeDpj/kbxZ+YvHow9XUZKu828d3MQnUpLZ1BfJGhMBPVwbVUD',
		'A40CiQBVdCoGtPJyalL28xoS3H0ILFCnwQOr6u0HwleNJPGHq78HUyH6Hwxnh0b0',
		'5o163r6wTFZn5cMOxpbs/Ttd+3TrxmrYpd2XnuRme3cnaYJ0ILvpc/8eLLR7SKjD',
		'T4JhZ0h/CfcV2WWvhpQugkY0pWrZ+EIMneB1dZB96mJVLxOi148OeSgi0PsxZMNi',
		'YM33rTpwQT5WqOsEyDwUQpne5b8Kkt/s7EN0LJNnPyJJRL1LcqOdr6j+6YqRtPa7',
		'a9oWJqMcuTP+bqzGRJh+3HDlFBw2Yzp9iadv4KmB2MzhStLUoi2MSjvnnkkd5Led',
		'sshAd6WbKfF7kLAHQHT4Ai6dMEO4EKkEVF9JBtxCR4JEn6C98Lpg+Lk+rfY7gHOf',
		'ZxtgGURwgXRY3aLUrdT55ZKgk3ExVKPzi5EhdpAau7JKhpOwyKozAp/OKWMNrz6h',
		'obu2Mbn1B+IA60psYHHxynBgsJHv7WQmbYh8HyGfHgVvaA8pZCYqxxjpLjSJrR8B',
		'Bu9H9xkTh7KlhxgreXYv19uAYbUd95kcox9izad6VPnovgFSb+Omdy6PJACPj6hF',
		'W6PJbucP0YPpO0VtWtQdZZ3df1P0hZ7qvKwOPFA+gKZSckgqASfygiP9V3Zc8jIi',
		'wjNzoDM2QT+UUJKiiGYXJUEOO9hxzFHlGj759DcNRhpgl5AgR57ofISD9yBuCAJY',
		'PQ/aZHPFuRTrcVG3RaIbCAS73nEznKyFaLOXfzyfyaSmyhsH253tnyL1MejC+2bR',
		'Eko/yldgFUxvU5JI+Q3KJ6Awj+PnduHXx71E4UwSuu2xXYMpxnQwI6rroQpZBX82',
		'HhqgcLV83P8lpzQwPdHjH5zkoxmWdC0+jU/tcQfNXYpJdyoaX7tDmVclLhwl9ps/',
		'O841pIsNLJWXwvxG6B+3LN/kw4QjwN194PopiOD7+oDm5mhttO78CrBrRxHMD/0Q',
		'qniZjKzSZepxlZq+J792u8vtMnuzzChxu0Bf3PhIXcJNcVhwUtr0yKe/N+NvC0tm',
		'p8wyik/BlndxN9eKbdTOi2wIi64h2QG8nOk66wQ/PSIJYwZl6eDNEQSzH/1mGCfU',
		'QnUT17UC/p+Qgenf6Auap2GWlvsJrB7u/pytz65rtjt/ouo6Ih6EwWqwVVpGXZD0',
		'7gVWH0Ke/Vr6aPGNvkLcmftPuDZsn9jiig3guhdeyRVf10Ox369kKWcG75q77hxE',
		'IzSzDyUlBNbnom9SIjut3r+qVYmWONatC6q/4D0I42Lnjd3dEyZx7jmH3g/S2ASM',
		'FzWr9pvXc61dsYOkdZ4PYa9XPUZxXFagZsoS3F1sU799+IJVU0tC0MExJTAjBgkq',
		'hkiG9w0BCRUxFgQUwWO5DorvVWYF3BWUmAw0rUEajScwfDBtMEkGCSqGSIb3DQEF',
		'DjA8MCwGCSqGSIb3DQEFDDAfBAhvRzw4sC4xcwICCAACASAwDAYIKoZIhvcNAgkF',
		'ADAMBggqhkiG9w0CCQUABCB6pW2FOdcCNj87zS64NUXG36K5aXDnFHctIk5Bf4kG',
		'3QQITk9UIFVTRUQCAQE=',
	];
	const a3 = [
		'MIIKrAIBAzCCCgUGCSqGSIb3DQEHAaCCCfYEggnyMIIJ7jCCBGIGCSqGSIb3DQEH',
		'BqCCBFMwggRPAgEAMIIESAYJKoZIhvcNAQcBMFcGCSqGSIb3DQEFDTBKMCkGCSqG',
		'SIb3DQEFDDAcBAisrqL8obSBaQICCAAwDAYIKoZIhvcNAgkFADAdBglghkgBZQME',
		'ASoEECjXYYca0pwsgn1Imb9WqFGAggPgT7RcF5YzEJANZU9G3tSdpCHnyWatTlhm',
		'iCEcBGgwI5gz0+GoX+JCojgYY4g+KxeqznyCu+6GeD00T4Em7SWme9nzAfBFzng0',
		'3lYCSnahSEKfgHerbzAtq9kgXkclPVk0Liy92/buf0Mqotjjs/5o78AqP86Pwbj8',
		'xYNuXOU1ivO0JiW2c2HefKYvUvMYlOh99LCoZPLHPkaaZ4scAwDjFeTICU8oowVk',
		'LKvslrg1pHbfmXHMFJ4yqub37hRtj2CoJNy4+UA2hBYlBi9WnuAJIsjv0qS3kpLe',
		'4+J2DGe31GNG8pD01XD0l69OlailK1ykh4ap2u0KeD2z357+trCFbpWMMXQcSUCO',
		'OcVjxYqgv/l1++9huOHoPSt224x4wZfJ7cO2zbAAx/K2CPhdvi4CBaDHADsRq/c8',
		'SAi+LX5SCocGT51zL5KQD6pnr2ExaVum+U8a3nMPPMv9R2MfFUksYNGgFvS+lcZf',
		'R3qk/G9iXtSgray0mwRA8pWzoXl43vc9HJuuCU+ryOc/h36NChhQ9ltivUNaiUc2',
		'b9AAQSrZD8Z7KtxjbH3noS+gjDtimDB0Uh199zaCwQ95y463zdYsNCESm1OT979o',
		'Y+81BWFMFM/Hog5s7Ynhoi2E9+ZlyLK2UeKwvWjGzvcdPvxHR+5l/h6PyWROlpaZ',
		'zmzZBm+NKmbXtMD2AEa5+Q32ZqJQhijXZyIji3NS65y81j/a1ZrvU0lOVKA+MSPN',
		'KU27/eKZuF1LEL6qaazTUmpznLLdaVQy5aZ1qz5dyCziKcuHIclhh+RCblHU6XdE',
		'6pUTZSRQQiGUIkPUTnU9SFlZc7VwvxgeynLyXPCSzOKNWYGajy1LxDvv28uhMgNd',
		'WF51bNkl1QYl0fNunGO7YFt4wk+g7CQ/Yu2w4P7S3ZLMw0g4eYclcvyIMt4vxXfp',
		'VTKIPyzMqLr+0dp1eCPm8fIdaBZUhMUC/OVqLwgnPNY9cXCrn2R1cGKo5LtvtjbH',
		'2skz/D5DIOErfZSBJ8LE3De4j8MAjOeC8ia8LaM4PNfW/noQP1LBsZtTDTqEy01N',
		'Z5uliIocyQzlyWChErJv/Wxh+zBpbk1iXc2Owmh2GKjx0VSe7XbiqdoKkONUNUIE',
		'siseASiU/oXdJYUnBYVEUDJ1HPz7qnKiFhSgxNJZnoPfzbbx1hEzV+wxQqNnWIqQ',
		'U0s7Jt22wDBzPBHGao2tnGRLuBZWVePJGbsxThGKwrf3vYsNJTxme5KJiaxcPMwE',
		'r+ln2AqVOzzXHXgIxv/dvK0Qa7pH3AvGzcFjQChTRipgqiRrLor0//8580h+Ly2l',
		'IFo7bCuztmcwggWEBgkqhkiG9w0BBwGgggV1BIIFcTCCBW0wggVpBgsqhkiG9w0B',
		'DAoBAqCCBTEwggUtMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAi1c7S5',
		'IEG77wICCAAwDAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEN6rzRtIdYxqOnY+',
		'aDS3AFYEggTQNdwUoZDXCryOFBUI/z71vfoyAxlnwJLRHNXQUlI7w0KkH22aNnSm',
		'xiaXHoCP1HgcmsYORS7p/ITi/9atCHqnGR4zHmePNhoMpNHFehdjlUUWgt004vUJ',
		'5ZwTdXweM+K4We6CfWA/tyvsyGNAsuunel+8243Zsv0mGLKpjA+ZyALt51s0knmX',
		'OD2DW49FckImUVnNC5LmvEIAmVC/ZNycryZQI+2EBkJKe+BC3834GexJnSwtUBg3',
		'Xg33ZV7X66kw8tK1Ws5zND5GQAJyIu47mnjZkIWQBY+XbWowrBZ8uXIQuxMZC0p8',
		'u62oIAtZaVQoVTR1LyR/7PISFW6ApwtbTn6uQxsb16qF8lEM0S1+x0AfJY6Zm11t',
		'yCqbb2tYZF+X34MoUkR/IYC/KCq/KJdpnd8Yqgfrwjg8dR2WGIxbp2GBHq6BK/DI',
		'ehOLMcLcsOuP0DEXppfcelMOGNIs+4h4KsjWiHVDMPsqLdozBdm6FLGcno3lY5FO',
		'+avVrlElAOB+9evgaBbD2lSrEMoOjAoD090tgXXwYBEnWnIpdk+56cf5IpshrLBA',
		'/+H13LBLes+X1o5dd0Mu+3abp5RtAv7zLPRRtXkDYJPzgNcTvJ2Wxw2C+zrAclzZ',
		'7IRdcLESUa4CsN01aEvQgOtkCNVjSCtkJGP0FstsWM4hP7lfSB7P2tDL+ugy6GvB',
		'X1sz9fMC7QMAFL98nDm/yqcnejG1BcQXZho8n0svSfbcVByGlPZGMuI9t25+0B2M',
		'TAx0f6zoD8+fFmhcVgS6MQPybGKFawckYl0zulsePqs+G4voIW17owGKsRiv06Jm',
		'ZSwd3KoGmjM49ADzuG9yrQ5PSa0nhVk1tybNape4HNYHrAmmN0ILlN+E0Bs/Edz4',
		'ntYZuoc/Z35tCgm79dV4/Vl6HUZ1JrLsLrEWCByVytwVFyf3/MwTWdf+Ac+XzBuC',
		'yEMqPlvnPWswdnaid35pxios79fPl1Hr0/Q6+DoA5GyYq8SFdP7EYLrGMGa5GJ+x',
		'5nS7z6U4UmZ2sXuKYHnuhB0zi6Y04a+fhT71x02eTeC7aPlEB319UqysujJVJnso',
		'bkcwOu/Jj0Is9YeFd693dB44xeZuYyvlwoD19lqcim0TSa2Tw7D1W/yu47dKrVP2',
		'VKxRqomuAQOpoZiuSfq1/7ysrV8U4hIlIU2vnrSVJ8EtPQKsoBW5l70dQGwXyxBk',
		'BUTHqfJ4LG/kPGRMOtUzgqFw2DjJtbym1q1MZgp2ycMon4vp7DeQLGs2XfEANB+Y',
		'nRwtjpevqAnIuK6K3Y02LY4FXTNQpC37Xb04bmdIQAcE0MaoP4/hY87aS82PQ68g',
		'3bI79uKo4we2g+WaEJlEzQ7147ZzV2wbDq89W69x1MWTfaDwlEtd4UaacYchAv7B',
		'TVaaVFiRAUywWaHGePpZG2WV1feH/zd+temxWR9qMFgBZySg1jipBPVciwl0LqlW',
		's/raIBYmLmAaMMgM3759UkNVznDoFHrY4z2EADXp0RHHVzJS1x+yYvp/9I+AcW55',
		'oN0UP/3uQ6eyz/ix22sovQwhMJ8rmgR6CfyRPKmXu1RPK3puNv7mbFTfTXpYN2vX',
		'vhEZReXY8hJF/9o4G3UrJ1F0MgUHMCG86cw1z0bhPSaXVoufOnx/fRoxJTAjBgkq',
		'hkiG9w0BCRUxFgQUwWO5DorvVWYF3BWUmAw0rUEajScwgZ0wgY0wSQYJKoZIhvcN',
		'AQUOMDwwLAYJKoZIhvcNAQUMMB8ECFDaXOUaOcUPAgIIAAIBQDAMBggqhkiG9w0C',
		'CwUAMAwGCCqGSIb3DQILBQAEQHIAM8C9OAsHUCj9CmOJioqf7YwD4O/b3UiZ3Wqo',
		'F6OmQIRDc68SdkZJ6024l4nWlnhTE7a4lb2Tru4k3NOTa1oECE5PVCBVU0VEAgEB',
	];
	return { a1: a1.join(''), a3: a3.join('') };
}
