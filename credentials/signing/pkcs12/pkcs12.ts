/**
 * PKCS#12 (.p12/.pfx) reader built on node:crypto only (RFC 7292, with PBES2/PBKDF2 from RFC 8018
 * and PBMAC1 from RFC 9579). Why it exists: Cybersource's Business Center hands out the JWT
 * certificate as a .p12 file, node:crypto cannot open one, and a verified n8n community node may
 * have no runtime dependencies. It returns the certificates and the PKCS#8 private keys with their
 * friendly names and local key ids; choosing among them is the caller's business.
 *
 * Over 300 lines on purpose: one file format read top-down (PFX → SafeContents → bags → PBE),
 * each function short; split up, its private parse context would have to become public API.
 *
 * The profiles it must read (test/signing/pkcs12.test.ts names each one):
 * - Business Center downloads, OpenSSL 1.x defaults and `openssl pkcs12 -export -legacy`: PKCS#12
 *   PBE with 3-key triple DES for the key, 40-bit RC2 for the certificates, SHA-1 MAC; Java
 *   keytool's legacy profile is the same with more iterations.
 * - OpenSSL 3 defaults, and current Java keytool: PBES2 with PBKDF2-HMAC-SHA-256 and
 *   AES-256-CBC, SHA-256 MAC.
 *
 * Also kept, each because a tool writes it and it costs a few lines: the other PBES2 choices of
 * `openssl pkcs12 -keypbe/-certpbe/-macalg` (AES-128/192, DES-EDE3-CBC; HMAC with SHA-1/SHA-2);
 * PBMAC1 (RFC 9579, `-pbmac1_pbkdf2` of OpenSSL 3.4+); files without a MAC or with unencrypted
 * bags (`-nomac`, `-keypbe NONE -certpbe NONE`); one iteration and a MacData without iteration
 * count (`-noiter -nomaciter`); 128-bit RC2 (the 40-bit code with another key length); BER
 * indefinite lengths (Java/BouncyCastle); an empty password written as "no password" and
 * OpenSSL 1.x's encoding of non-ASCII passwords.
 *
 * Refused with an 'unsupported' error (the caller says to use the PEM fields instead), as no
 * tool writes them unless asked: two-key triple DES, RC2 inside PBES2, RC4, single DES, MD5,
 * scrypt, and the public-key integrity/privacy modes.
 */
import {
	createDecipheriv,
	createHash,
	createHmac,
	hash as oneShotHash,
	pbkdf2Sync,
	timingSafeEqual,
} from 'node:crypto';
import {
	DerError,
	type DerNode,
	Tag,
	children,
	explicit,
	expectTag,
	parseDer,
	readBmpString,
	readImplicitOctets,
	readInteger,
	readOctetString,
	readOid,
	readString,
	sequence,
} from './der';
import { attempt } from '../outcome';
import { rc2CbcDecrypt } from './rc2';

export interface Pkcs12Bag {
	friendlyName?: string;
	/** Hex of the localKeyId attribute, which pairs a certificate with its private key. */
	localKeyId?: string;
}

export interface Pkcs12Contents {
	certificates: Array<Pkcs12Bag & { der: Buffer }>;
	privateKeys: Array<Pkcs12Bag & { pkcs8Der: Buffer }>;
}

type Pkcs12ErrorReason = 'wrong-password' | 'malformed' | 'damaged' | 'unsupported';

export class Pkcs12Error extends Error {
	constructor(
		message: string,
		readonly reason: Pkcs12ErrorReason,
	) {
		super(message);
		this.name = 'Pkcs12Error';
	}
}

const OID = {
	data: '1.2.840.113549.1.7.1',
	signedData: '1.2.840.113549.1.7.2',
	envelopedData: '1.2.840.113549.1.7.3',
	encryptedData: '1.2.840.113549.1.7.6',
	keyBag: '1.2.840.113549.1.12.10.1.1',
	shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
	certBag: '1.2.840.113549.1.12.10.1.3',
	safeContentsBag: '1.2.840.113549.1.12.10.1.6',
	x509Certificate: '1.2.840.113549.1.9.22.1',
	friendlyName: '1.2.840.113549.1.9.20',
	localKeyId: '1.2.840.113549.1.9.21',
	pbkdf2: '1.2.840.113549.1.5.12',
	pbes2: '1.2.840.113549.1.5.13',
	pbmac1: '1.2.840.113549.1.5.14',
} as const;

interface HashInfo {
	name: string;
	/** Output size u and block size v of RFC 7292 appendix B, in bytes. */
	outputSize: number;
	blockSize: number;
}

const SHA1: HashInfo = { name: 'sha1', outputSize: 20, blockSize: 64 };

/** Digest algorithms of the classic PKCS#12 MAC (DigestInfo.digestAlgorithm). */
const DIGESTS: Record<string, HashInfo> = {
	'1.3.14.3.2.26': SHA1,
	'2.16.840.1.101.3.4.2.4': { name: 'sha224', outputSize: 28, blockSize: 64 },
	'2.16.840.1.101.3.4.2.1': { name: 'sha256', outputSize: 32, blockSize: 64 },
	'2.16.840.1.101.3.4.2.2': { name: 'sha384', outputSize: 48, blockSize: 128 },
	'2.16.840.1.101.3.4.2.3': { name: 'sha512', outputSize: 64, blockSize: 128 },
	'2.16.840.1.101.3.4.2.5': { name: 'sha512-224', outputSize: 28, blockSize: 128 },
	'2.16.840.1.101.3.4.2.6': { name: 'sha512-256', outputSize: 32, blockSize: 128 },
};

/** HMAC algorithms used as PBKDF2 PRF and as PBMAC1 message authentication scheme. */
const HMACS: Record<string, HashInfo> = {
	'1.2.840.113549.2.7': SHA1,
	'1.2.840.113549.2.8': DIGESTS['2.16.840.1.101.3.4.2.4'],
	'1.2.840.113549.2.9': DIGESTS['2.16.840.1.101.3.4.2.1'],
	'1.2.840.113549.2.10': DIGESTS['2.16.840.1.101.3.4.2.2'],
	'1.2.840.113549.2.11': DIGESTS['2.16.840.1.101.3.4.2.3'],
	'1.2.840.113549.2.12': DIGESTS['2.16.840.1.101.3.4.2.5'],
	'1.2.840.113549.2.13': DIGESTS['2.16.840.1.101.3.4.2.6'],
};

interface CipherSpec {
	/** node:crypto cipher name, or 'rc2' for the in-package implementation. */
	cipher: string;
	keyLength: number;
	blockSize: number;
	/** RC2 effective key bits. */
	effectiveBits?: number;
}

/** PBES2 encryption schemes whose parameters are just the IV. */
const PBES2_CIPHERS: Record<string, CipherSpec> = {
	'2.16.840.1.101.3.4.1.2': { cipher: 'aes-128-cbc', keyLength: 16, blockSize: 16 },
	'2.16.840.1.101.3.4.1.22': { cipher: 'aes-192-cbc', keyLength: 24, blockSize: 16 },
	'2.16.840.1.101.3.4.1.42': { cipher: 'aes-256-cbc', keyLength: 32, blockSize: 16 },
	'1.2.840.113549.3.7': { cipher: 'des-ede3-cbc', keyLength: 24, blockSize: 8 },
};

/** pkcs-12PbeIds (RFC 7292 appendix C): key and IV come from the PKCS#12 KDF with SHA-1. */
const PKCS12_PBES: Record<string, CipherSpec> = {
	'1.2.840.113549.1.12.1.3': { cipher: 'des-ede3-cbc', keyLength: 24, blockSize: 8 },
	'1.2.840.113549.1.12.1.5': { cipher: 'rc2', keyLength: 16, blockSize: 8, effectiveBits: 128 },
	'1.2.840.113549.1.12.1.6': { cipher: 'rc2', keyLength: 5, blockSize: 8, effectiveBits: 40 },
};

/** Names for algorithms we recognise but do not implement, for readable errors. */
const UNSUPPORTED_NAMES: Record<string, string> = {
	'1.2.840.113549.1.12.1.1': 'pbeWithSHAAnd128BitRC4',
	'1.2.840.113549.1.12.1.2': 'pbeWithSHAAnd40BitRC4',
	'1.2.840.113549.1.12.1.4': 'pbeWithSHAAnd2-KeyTripleDES-CBC',
	'1.2.840.113549.3.2': 'RC2-CBC',
	'1.2.840.113549.1.5.3': 'pbeWithMD5AndDES-CBC',
	'1.2.840.113549.1.5.10': 'pbeWithSHA1AndDES-CBC',
	'1.3.14.3.2.7': 'DES-CBC',
	'1.3.6.1.4.1.11591.4.11': 'scrypt',
	'1.2.840.113549.2.5': 'MD5',
};

/** Far above any real writer (OpenSSL 2048, Java 10000); guards against a hostile file. */
const MAX_ITERATIONS = 10_000_000;
const MAX_NESTING = 8;

/** The password as the two encodings PKCS#12 needs. */
interface PasswordBytes {
	/** BMPString with a two-byte terminator: input of the PKCS#12 KDF. */
	bmp: Buffer;
	/** UTF-8: input of PBKDF2 (PBES2, PBMAC1). */
	utf8: Buffer;
}

interface ParseContext {
	passwords: PasswordBytes[];
	/** True once the MAC proved the password and the bytes; decryption failures then mean damage. */
	macVerified: boolean;
	contents: Pkcs12Contents;
}

/**
 * Reads a PKCS#12 file. Throws Pkcs12Error with reason 'wrong-password' when the MAC does not
 * verify (or, for files without a MAC, when decryption yields garbage), 'malformed' when the
 * bytes are not PKCS#12, 'damaged' when they start as one but break further on, and
 * 'unsupported' for valid files using algorithms not implemented here.
 */
export function parsePkcs12(p12: Buffer, password: string): Pkcs12Contents {
	return guard(() => readPfx(p12, password), startsLikePfx(p12));
}

/**
 * A PFX opens with SEQUENCE { INTEGER 3, …}: bytes that do are a P12 file, so a structure error
 * further on means the file is damaged or cut short rather than something else pasted.
 */
function startsLikePfx(p12: Buffer): boolean {
	if (p12[0] !== Tag.Sequence || p12.length < 5) return false;
	const lengthBytes = p12[1] & 0x80 ? 1 + (p12[1] & 0x7f) : 1;
	const version = p12.subarray(1 + lengthBytes, 4 + lengthBytes);
	return version.length === 3 && version[0] === Tag.Integer && version[1] === 1 && version[2] === 3;
}

/**
 * Decrypts a PKCS#8 EncryptedPrivateKeyInfo (DER) with the same algorithms as the key bags of a
 * P12 file, returning the PrivateKeyInfo DER.
 */
export function decryptPrivateKeyInfo(encryptedDer: Buffer, password: string): Buffer {
	return guard(() => {
		const context: ParseContext = {
			passwords: passwordCandidates(password),
			macVerified: false,
			contents: { certificates: [], privateKeys: [] },
		};
		return decryptShroudedKey(parseDer(encryptedDer), context);
	});
}

/** Structure errors anywhere in the file become one 'malformed' (or 'damaged') error. */
function guard<T>(work: () => T, isPfx = false): T {
	const outcome = attempt(work);
	if (outcome.ok) return outcome.value;
	if (outcome.error instanceof DerError) {
		throw isPfx
			? new Pkcs12Error(`The PKCS#12 file is damaged (${outcome.error.message})`, 'damaged')
			: new Pkcs12Error(`Not a valid PKCS#12 file (${outcome.error.message})`, 'malformed');
	}
	throw outcome.error;
}

function readPfx(p12: Buffer, password: string): Pkcs12Contents {
	const pfx = sequence(parseDer(p12), 'PFX');
	const version = readInteger(pfx[0]);
	// Version 3 is the only one RFC 7292 defines; anything else is some other structure.
	if (version !== 3) throw new DerError(`PFX version ${version}, expected 3`);
	const authSafe = sequence(pfx[1], 'authSafe ContentInfo');
	const contentType = readOid(authSafe[0]);
	if (contentType === OID.signedData) {
		throw new Pkcs12Error(
			'PKCS#12 files protected by a signature (public-key integrity mode) are not supported',
			'unsupported',
		);
	}
	if (contentType !== OID.data) throw new DerError('authSafe is not of type data');
	const authSafeBytes = readOctetString(explicit(authSafe[1], 0, 'authSafe content'));

	const candidates = passwordCandidates(password);
	const macData = pfx[2];
	const context: ParseContext = {
		passwords: macData ? [verifyMac(macData, authSafeBytes, candidates, password)] : candidates,
		macVerified: macData !== undefined,
		contents: { certificates: [], privateKeys: [] },
	};
	for (const contentInfo of sequence(parseDer(authSafeBytes), 'AuthenticatedSafe')) {
		readContentInfo(contentInfo, context);
	}
	return context.contents;
}

/**
 * The byte strings a password may have been turned into by the writer. The first is RFC 7292's;
 * the others cover an empty password written as "no password" (OpenSSL does both) and OpenSSL
 * 1.x, which widened each UTF-8 byte instead of encoding UTF-16 for non-ASCII passwords.
 */
function passwordCandidates(password: string): PasswordBytes[] {
	const utf8 = Buffer.from(password, 'utf8');
	const utf16 = Buffer.from(password, 'utf16le').swap16();
	const result: PasswordBytes[] = [{ bmp: Buffer.concat([utf16, Buffer.alloc(2)]), utf8 }];
	if (password === '') result.push({ bmp: Buffer.alloc(0), utf8 });
	if (/[^\0-\x7f]/.test(password)) {
		const widened = Buffer.alloc(utf8.length * 2 + 2);
		utf8.forEach((byte, i) => (widened[i * 2 + 1] = byte));
		result.push({ bmp: widened, utf8 });
	}
	return result;
}

// --- Integrity (MAC) ---------------------------------------------------------------------------

/** Returns the password candidate that reproduces the MAC, or throws 'wrong-password'. */
function verifyMac(
	macData: DerNode,
	authSafe: Buffer,
	candidates: PasswordBytes[],
	password: string,
): PasswordBytes {
	const [digestInfo, saltNode, iterationsNode] = sequence(macData, 'MacData');
	const [algorithm, digestNode] = sequence(digestInfo, 'MAC DigestInfo');
	const [algOidNode, algParams] = sequence(algorithm, 'MAC algorithm');
	const algOid = readOid(algOidNode);
	const expected = readOctetString(digestNode);

	if (algOid === OID.pbmac1) {
		// RFC 9579: MacData's salt and iteration count are ignored; PBKDF2 takes the UTF-8 password.
		const actual = pbmac1(algParams, authSafe, Buffer.from(password, 'utf8'));
		if (!sameBytes(actual, expected)) throw wrongPassword();
		return candidates[0];
	}

	const hash = DIGESTS[algOid];
	if (!hash) throw unsupported('MAC digest', algOid);
	if (expected.length !== hash.outputSize) throw new DerError('MAC has the wrong length');
	const salt = readOctetString(saltNode);
	const iterations = iterationsNode ? checkIterations(readInteger(iterationsNode)) : 1;
	for (const candidate of candidates) {
		const key = pkcs12Kdf(hash, candidate.bmp, salt, 3, iterations, hash.outputSize);
		const actual = createHmac(hash.name, key).update(authSafe).digest();
		if (sameBytes(actual, expected)) return candidate;
	}
	throw wrongPassword();
}

function pbmac1(params: DerNode | undefined, data: Buffer, password: Buffer): Buffer {
	const [kdf, scheme] = sequence(params, 'PBMAC1 parameters');
	const [schemeOid] = sequence(scheme, 'PBMAC1 messageAuthScheme');
	const hmac = HMACS[readOid(schemeOid)];
	if (!hmac) throw unsupported('PBMAC1 MAC', readOid(schemeOid));
	const pbkdf2 = readPbkdf2Params(kdf);
	// keyLength is mandatory in PBMAC1; fall back to the HMAC size for lenient writers.
	const key = pbkdf2Sync(
		password,
		pbkdf2.salt,
		pbkdf2.iterations,
		pbkdf2.keyLength ?? hmac.outputSize,
		pbkdf2.prf.name,
	);
	return createHmac(hmac.name, key).update(data).digest();
}

function sameBytes(a: Buffer, b: Buffer): boolean {
	return a.length === b.length && timingSafeEqual(a, b);
}

// --- Content --------------------------------------------------------------------------------

function readContentInfo(node: DerNode, context: ParseContext): void {
	const [typeNode, contentNode] = sequence(node, 'ContentInfo');
	const type = readOid(typeNode);
	if (type === OID.data) {
		const safeContents = readOctetString(explicit(contentNode, 0, 'data content'));
		readSafeContents(parseDer(safeContents), context, 0);
	} else if (type === OID.encryptedData) {
		readEncryptedData(explicit(contentNode, 0, 'encryptedData content'), context);
	} else if (type === OID.envelopedData) {
		throw new Pkcs12Error(
			'PKCS#12 files encrypted to a certificate (public-key privacy mode) are not supported',
			'unsupported',
		);
	}
	// Other content types carry nothing we need.
}

function readEncryptedData(node: DerNode, context: ParseContext): void {
	const [, encryptedContentInfo] = sequence(node, 'EncryptedData');
	const [, algorithm, encrypted] = sequence(encryptedContentInfo, 'EncryptedContentInfo');
	// encryptedContent is [0] IMPLICIT OCTET STRING: primitive, or constructed in BER.
	if (!encrypted || encrypted.tagNumber !== 0 || (encrypted.tag & 0xc0) !== 0x80) return;
	decryptThen(algorithm, readImplicitOctets(encrypted), context, (plain) =>
		readSafeContents(parseDer(plain), context, 0),
	);
}

function readSafeContents(node: DerNode, context: ParseContext, depth: number): void {
	if (depth > MAX_NESTING) throw new DerError('SafeContents nested too deeply');
	for (const bag of sequence(node, 'SafeContents')) readSafeBag(bag, context, depth);
}

function readSafeBag(node: DerNode, context: ParseContext, depth: number): void {
	const [idNode, valueNode, attributesNode] = sequence(node, 'SafeBag');
	const bagId = readOid(idNode);
	const value = explicit(valueNode, 0, 'bagValue');
	const attributes = (): Pkcs12Bag => (attributesNode ? readAttributes(attributesNode) : {});
	switch (bagId) {
		case OID.keyBag:
			checkPrivateKeyInfo(value.raw);
			context.contents.privateKeys.push({ ...attributes(), pkcs8Der: Buffer.from(value.raw) });
			break;
		case OID.shroudedKeyBag:
			context.contents.privateKeys.push({
				...attributes(),
				pkcs8Der: decryptShroudedKey(value, context),
			});
			break;
		case OID.certBag: {
			const der = readCertBag(value);
			if (der) context.contents.certificates.push({ ...attributes(), der });
			break;
		}
		case OID.safeContentsBag:
			readSafeContents(value, context, depth + 1);
			break;
		default:
			// CRLs and secrets are of no use here.
			break;
	}
}

function readCertBag(node: DerNode): Buffer | undefined {
	const [typeNode, valueNode] = sequence(node, 'CertBag');
	if (readOid(typeNode) !== OID.x509Certificate) return undefined;
	const der = readOctetString(explicit(valueNode, 0, 'certValue'));
	sequence(parseDer(der), 'Certificate');
	return Buffer.from(der);
}

function readAttributes(node: DerNode): Pkcs12Bag {
	const bag: Pkcs12Bag = {};
	for (const attribute of children(expectTag(node, Tag.Set, 'bagAttributes'))) {
		const [oidNode, valuesNode] = sequence(attribute, 'PKCS12Attribute');
		const oid = readOid(oidNode);
		const [first] = children(expectTag(valuesNode, Tag.Set, 'attribute values'));
		if (!first) continue;
		if (oid === OID.friendlyName) {
			bag.friendlyName = first.tag === Tag.BmpString ? readBmpString(first) : readString(first);
		} else if (oid === OID.localKeyId) {
			bag.localKeyId = readOctetString(first).toString('hex');
		}
	}
	return bag;
}

/** EncryptedPrivateKeyInfo → PrivateKeyInfo (PKCS#8) DER. */
function decryptShroudedKey(node: DerNode, context: ParseContext): Buffer {
	const [algorithm, data] = sequence(node, 'EncryptedPrivateKeyInfo');
	return decryptThen(algorithm, readOctetString(data), context, (plain) => {
		checkPrivateKeyInfo(plain);
		return Buffer.from(plain);
	});
}

/** Cheap structural check that catches garbage from a wrong key that happened to unpad. */
function checkPrivateKeyInfo(der: Buffer): void {
	const [version, algorithm, key] = sequence(parseDer(der), 'PrivateKeyInfo');
	readInteger(version);
	sequence(algorithm, 'privateKeyAlgorithm');
	readOctetString(key);
}

/**
 * Decrypts with each password candidate until `use` accepts the plaintext. A parse failure after
 * a verified MAC means a damaged file; without a MAC it most likely means a wrong password whose
 * garbage happened to have valid padding.
 */
function decryptThen<T>(
	algorithm: DerNode,
	data: Buffer,
	context: ParseContext,
	use: (plain: Buffer) => T,
): T {
	let failure: Pkcs12Error = wrongPassword();
	for (const password of context.passwords) {
		const decrypted = attempt(() => decrypt(algorithm, data, password));
		if (!decrypted.ok) {
			const { error } = decrypted;
			if (!(error instanceof Pkcs12Error && error.reason === 'wrong-password')) throw error;
			failure = error;
			continue;
		}
		const used = attempt(() => use(decrypted.value));
		if (used.ok) return used.value;
		if (!(used.error instanceof DerError) || context.macVerified) throw used.error;
	}
	// The MAC proved the password right, so a key that will not decrypt with it is damage (or a
	// second, different password that some tools allow for the contents).
	if (context.macVerified) {
		throw new Pkcs12Error(
			'its contents do not decrypt with the password that verified the file',
			'damaged',
		);
	}
	throw failure;
}

// --- Decryption ------------------------------------------------------------------------------

function decrypt(algorithm: DerNode, data: Buffer, password: PasswordBytes): Buffer {
	const [oidNode, params] = sequence(algorithm, 'encryption AlgorithmIdentifier');
	const oid = readOid(oidNode);
	if (oid === OID.pbes2) return decryptPbes2(params, data, password.utf8);
	const pbe = PKCS12_PBES[oid];
	if (!pbe) throw unsupported('encryption', oid);
	const [saltNode, iterationsNode] = sequence(params, 'pkcs-12PbeParams');
	const salt = readOctetString(saltNode);
	const iterations = checkIterations(readInteger(iterationsNode));
	const key = pkcs12Kdf(SHA1, password.bmp, salt, 1, iterations, pbe.keyLength);
	const iv = pkcs12Kdf(SHA1, password.bmp, salt, 2, iterations, pbe.blockSize);
	return runCipher(pbe, key, iv, data);
}

interface Pbkdf2Params {
	salt: Buffer;
	iterations: number;
	keyLength?: number;
	prf: HashInfo;
}

function readPbkdf2Params(kdf: DerNode | undefined): Pbkdf2Params {
	const [oidNode, paramsNode] = sequence(kdf, 'key derivation AlgorithmIdentifier');
	const oid = readOid(oidNode);
	if (oid !== OID.pbkdf2) throw unsupported('key derivation', oid);
	const [saltNode, iterationsNode, ...rest] = sequence(paramsNode, 'PBKDF2-params');
	if (saltNode?.tag !== Tag.OctetString) {
		throw new Pkcs12Error('PBKDF2 with a non-literal salt is not supported', 'unsupported');
	}
	const params: Pbkdf2Params = {
		salt: readOctetString(saltNode),
		iterations: checkIterations(readInteger(iterationsNode)),
		prf: SHA1, // RFC 8018 default: hmacWithSHA1
	};
	for (const node of rest) {
		if (node.tag === Tag.Integer) {
			params.keyLength = readInteger(node);
		} else {
			const [prfOid] = sequence(node, 'PBKDF2 prf');
			const prf = HMACS[readOid(prfOid)];
			if (!prf) throw unsupported('PBKDF2 PRF', readOid(prfOid));
			params.prf = prf;
		}
	}
	return params;
}

function decryptPbes2(params: DerNode | undefined, data: Buffer, password: Buffer): Buffer {
	const [kdf, scheme] = sequence(params, 'PBES2-params');
	const pbkdf2 = readPbkdf2Params(kdf);
	const [schemeOidNode, schemeParams] = sequence(scheme, 'PBES2 encryptionScheme');
	const schemeOid = readOid(schemeOidNode);
	const spec = PBES2_CIPHERS[schemeOid];
	if (!spec) throw unsupported('encryption', schemeOid);
	const iv = readOctetString(schemeParams);
	if (pbkdf2.keyLength !== undefined && pbkdf2.keyLength !== spec.keyLength) {
		throw new DerError('PBKDF2 key length does not match the cipher');
	}
	const key = pbkdf2Sync(password, pbkdf2.salt, pbkdf2.iterations, spec.keyLength, pbkdf2.prf.name);
	return runCipher(spec, key, iv, data);
}

function runCipher(spec: CipherSpec, key: Buffer, iv: Buffer, data: Buffer): Buffer {
	if (iv.length !== spec.blockSize) throw new DerError('IV has the wrong length');
	if (data.length === 0 || data.length % spec.blockSize !== 0) {
		throw new DerError('encrypted data is not a whole number of blocks');
	}
	let plain: Buffer;
	if (spec.cipher === 'rc2') {
		plain = rc2CbcDecrypt(key, iv, data, spec.effectiveBits);
	} else {
		plain = nodeDecrypt(spec.cipher, key, iv, data);
	}
	return removePadding(plain, spec.blockSize);
}

function nodeDecrypt(cipher: string, key: Buffer, iv: Buffer, data: Buffer): Buffer {
	const created = attempt(() => createDecipheriv(cipher, key, iv).setAutoPadding(false));
	if (!created.ok) {
		// Some Node.js builds drop ciphers (a FIPS build has no triple DES).
		throw new Pkcs12Error(`cipher ${cipher} is not available in this Node.js build`, 'unsupported');
	}
	const decipher = created.value;
	return Buffer.concat([decipher.update(data), decipher.final()]);
}

/** PKCS#5 padding; invalid padding is the usual symptom of a wrong password. */
function removePadding(plain: Buffer, blockSize: number): Buffer {
	const count = plain[plain.length - 1];
	if (count < 1 || count > blockSize) throw wrongPassword();
	for (let i = plain.length - count; i < plain.length; i++) {
		if (plain[i] !== count) throw wrongPassword();
	}
	return plain.subarray(0, plain.length - count);
}

// --- PKCS#12 key derivation (RFC 7292 appendix B.2) -------------------------------------------

/** Derives `length` bytes for purpose `id` (1 key, 2 IV, 3 MAC key) from a BMPString password. */
function pkcs12Kdf(
	hash: HashInfo,
	password: Buffer,
	salt: Buffer,
	id: 1 | 2 | 3,
	iterations: number,
	length: number,
): Buffer {
	const { name, outputSize: u, blockSize: v } = hash;
	const diversifier = Buffer.alloc(v, id);
	const input = Buffer.concat([repeatToBlocks(salt, v), repeatToBlocks(password, v)]);
	const blocks: Buffer[] = [];
	for (let produced = 0; ; produced += u) {
		let a: Buffer = createHash(name).update(diversifier).update(input).digest();
		for (let round = 1; round < iterations; round++) a = digest(name, a);
		blocks.push(a);
		if (produced + u >= length) break;
		// I_j = (I_j + B + 1) mod 2^(8v), with B = A repeated to v bytes.
		const b = repeatToBlocks(a, v).subarray(0, v);
		for (let offset = 0; offset < input.length; offset += v) addBlock(input, offset, b);
	}
	return Buffer.concat(blocks).subarray(0, length);
}

/** One-shot hashing (Node >= 20.12) is about twice as fast as createHash in the KDF loop. */
function digest(name: string, data: Buffer): Buffer {
	return typeof oneShotHash === 'function'
		? oneShotHash(name, data, 'buffer')
		: createHash(name).update(data).digest();
}

/** `data` repeated to fill whole v-byte blocks (v * ceil(len / v) bytes; empty stays empty). */
function repeatToBlocks(data: Buffer, v: number): Buffer {
	const out = Buffer.alloc(v * Math.ceil(data.length / v));
	for (let i = 0; i < out.length; i++) out[i] = data[i % data.length];
	return out;
}

function addBlock(target: Buffer, offset: number, b: Buffer): void {
	let carry = 1;
	for (let k = b.length - 1; k >= 0; k--) {
		const sum = target[offset + k] + b[k] + carry;
		target[offset + k] = sum & 0xff;
		carry = sum >> 8;
	}
}

// --- Errors ----------------------------------------------------------------------------------

function checkIterations(count: number): number {
	if (count < 1 || count > MAX_ITERATIONS) {
		throw new Pkcs12Error(`iteration count ${count} is out of range`, 'unsupported');
	}
	return count;
}

function wrongPassword(): Pkcs12Error {
	return new Pkcs12Error(
		'The password is wrong (the file could not be verified or decrypted)',
		'wrong-password',
	);
}

function unsupported(what: string, oid: string): Pkcs12Error {
	const name = UNSUPPORTED_NAMES[oid] ?? `OID ${oid}`;
	return new Pkcs12Error(`${what} algorithm ${name} is not supported`, 'unsupported');
}
