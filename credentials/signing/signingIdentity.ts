/**
 * Turns the certificate fields of the credential (a P12 file, or a PEM key and certificate) into
 * the key and key id used for JWT RS256 signing. Everything the user has to fix
 * is reported as a CredentialFieldError naming the field; messages never echo passwords or keys.
 *
 * Over 300 lines on purpose: the P12 and PEM paths share the key checks, the kid rules and the
 * per-content cache below, and each function stays short.
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { Tag } from './pkcs12/der';
import { attempt } from './outcome';
import { CredentialFieldError } from './credentialFieldError';
import { Pkcs12Error, parsePkcs12, type Pkcs12Bag, type Pkcs12Contents } from './pkcs12/pkcs12';
import { credentialMemory } from './credentialMemory';
import type { SigningIdentity } from './credentialTypes';

const P12_FIELD = 'P12 File (Base64)';
const PASSWORD_FIELD = 'P12 Password';
const ALIAS_FIELD = 'Key Alias';
const KEY_FIELD = 'Private Key (PEM)';
const PASSPHRASE_FIELD = 'Private Key Passphrase';
const CERT_FIELD = 'Certificate (PEM)';

const PASTE_P12 =
	'Paste the base64 text of the .p12 file, e.g. the output of `base64 -w0 merchant.p12` ' +
	'(macOS: `base64 -i merchant.p12`)';

// --- Cache -----------------------------------------------------------------------------------

/**
 * Identities, and the credential errors of inputs that cannot be read, per input content (a
 * process-wide ContentCache of credentialMemory.ts, keyed by a digest: a changed credential is never
 * served a stale identity). A wrong password fails from here instead of re-running the slow key
 * derivation on every request.
 */
const cache = credentialMemory.signingIdentities;

function cached(inputs: string[], build: () => SigningIdentity): SigningIdentity {
	const outcome = cache.get(inputs, () => {
		const built = attempt(build);
		if (built.ok) return { ok: true, identity: Object.freeze(built.value) };
		// Only the user's mistakes are remembered; anything unexpected is retried next time.
		if (built.error instanceof CredentialFieldError) return { ok: false, error: built.error };
		throw built.error;
	});
	if (!outcome.ok) throw outcome.error;
	return outcome.identity;
}

// --- P12 ------------------------------------------------------------------------------------

/**
 * Reads a base64 P12 and picks the certificate for `keyAlias` (see `matchesAlias`) and its
 * private key. An empty alias picks the certificate that has a private key.
 */
export function identityFromP12(
	p12Base64: string,
	password: string,
	keyAlias: string,
): SigningIdentity {
	return cached(['p12', p12Base64, password, keyAlias], () =>
		buildFromP12(p12Base64, password, keyAlias.trim()),
	);
}

interface CertEntry {
	bag: Pkcs12Bag;
	certificate: X509Certificate;
	subject: SubjectAttribute[][];
}

interface KeyEntry {
	bag: Pkcs12Bag;
	key: KeyObject;
}

function buildFromP12(p12Base64: string, password: string, alias: string): SigningIdentity {
	const contents = readP12(decodeP12Base64(p12Base64), password);
	const certificates = contents.certificates.flatMap((bag): CertEntry[] => {
		try {
			const certificate = new X509Certificate(bag.der);
			return [{ bag, certificate, subject: subjectOf(certificate) }];
		} catch {
			return []; // An unreadable extra (CA) certificate must not block the merchant one.
		}
	});
	const keys = contents.privateKeys.flatMap((bag): KeyEntry[] => {
		try {
			return [{ bag, key: createPrivateKey({ key: bag.pkcs8Der, format: 'der', type: 'pkcs8' }) }];
		} catch {
			return [];
		}
	});
	if (keys.length === 0) {
		throw new CredentialFieldError(
			P12_FIELD,
			'The P12 file contains no usable private key, only certificates. Use the .p12 file ' +
				'generated in Business Center Key Management, which contains the private key.',
		);
	}

	const candidates = alias
		? certificates.filter((entry) => matchesAlias(entry, alias))
		: certificates.filter((entry) => findKey(entry, keys));
	if (candidates.length === 0) throw noCertificateForAlias(alias, certificates, keys);
	for (const entry of candidates) {
		const key = findKey(entry, keys);
		if (key) return makeIdentity(key, entry.certificate, entry.subject, P12_FIELD);
	}
	throw new CredentialFieldError(
		ALIAS_FIELD,
		`The certificate for Key Alias "${alias}" has no matching private key in the P12 file. ` +
			`${describeCertificates(certificates, keys)}`,
	);
}

function decodeP12Base64(text: string): Buffer {
	if (/-----BEGIN [A-Z ]+-----/.test(text)) {
		throw new CredentialFieldError(
			P12_FIELD,
			'This is PEM text, not a P12 file. Set Certificate Format to "PEM Key and Certificate" ' +
				`and use the PEM fields, or ${lowerFirst(PASTE_P12)}.`,
		);
	}
	const body = text
		.trim()
		.replace(/^data:[^,]*;base64,/i, '')
		.replace(/\\[rn]/g, '')
		.replace(/\s+/g, '');
	if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(body)) {
		throw new CredentialFieldError(P12_FIELD, `${P12_FIELD} is not base64 text. ${PASTE_P12}.`);
	}
	const der = Buffer.from(body, 'base64');
	// Every PKCS#12 file is a SEQUENCE; checking early gives a clearer message than the parser.
	if (der.length < 16 || der[0] !== Tag.Sequence) throw notAP12File();
	return der;
}

function readP12(der: Buffer, password: string): Pkcs12Contents {
	const parsed = attempt(() => parsePkcs12(der, password));
	if (parsed.ok) return parsed.value;
	const { error } = parsed;
	if (!(error instanceof Pkcs12Error)) throw error;
	if (error.reason === 'wrong-password') {
		throw new CredentialFieldError(
			PASSWORD_FIELD,
			password === ''
				? 'P12 Password is empty, but the P12 file is protected by a password. Enter the ' +
						'password chosen when the key was generated in Business Center.'
				: 'The P12 password is wrong: the file could not be verified with it. Enter the ' +
						'password chosen when the key was generated in Business Center.',
		);
	}
	if (error.reason === 'unsupported') {
		throw new CredentialFieldError(
			P12_FIELD,
			`The P12 file uses a format this node cannot read (${error.message}). Extract the key ` +
				'and certificate with `openssl pkcs12 -in merchant.p12 -nodes` and use Certificate ' +
				'Format "PEM Key and Certificate" instead.',
		);
	}
	if (error.reason === 'damaged') {
		throw new CredentialFieldError(
			P12_FIELD,
			`The P12 file is damaged or incomplete (${error.message}). Download or export the .p12 ` +
				'file again and paste its complete base64 text.',
		);
	}
	throw notAP12File();
}

function notAP12File(): CredentialFieldError {
	return new CredentialFieldError(
		P12_FIELD,
		`${P12_FIELD} is base64, but not of a PKCS#12 (.p12) file. ${PASTE_P12}.`,
	);
}

/**
 * The official SDKs' rule is "friendly name contains cn=<alias>", case-insensitively. We
 * require the whole CN value (so alias `ab` does not pick `CN=abc`), also accept a friendly name
 * equal to the alias (Java keytool files name entries by alias) and a subject CN equal to it.
 */
function matchesAlias(entry: CertEntry, alias: string): boolean {
	const wanted = alias.toLowerCase();
	const friendlyName = entry.bag.friendlyName?.trim();
	if (friendlyName) {
		if (friendlyName.toLowerCase() === wanted) return true;
		const cn = new RegExp(`(?:^|[,/+;])\\s*cn\\s*=\\s*${escapeRegExp(alias)}\\s*(?:$|[,/+;])`, 'i');
		if (cn.test(friendlyName)) return true;
	}
	return commonNames(entry).some((name) => name.toLowerCase() === wanted);
}

/** The private key of a certificate: by localKeyId first, always confirmed by the public key. */
function findKey(entry: CertEntry, keys: KeyEntry[]): KeyObject | undefined {
	const id = entry.bag.localKeyId;
	const ordered = id
		? [
				...keys.filter((k) => k.bag.localKeyId === id),
				...keys.filter((k) => k.bag.localKeyId !== id),
			]
		: keys;
	return ordered.find((k) => keyMatches(entry.certificate, k.key))?.key;
}

function noCertificateForAlias(
	alias: string,
	certificates: CertEntry[],
	keys: KeyEntry[],
): CredentialFieldError {
	const withKey = certificates.find((entry) => findKey(entry, keys));
	const suggestion = withKey ? suggestAlias(withKey) : undefined;
	return new CredentialFieldError(
		ALIAS_FIELD,
		`No certificate in the P12 file matches Key Alias "${alias}" (looked for CN=${alias} in the ` +
			`friendly names and subjects). ${describeCertificates(certificates, keys)}` +
			(suggestion
				? ` Set Key Alias to "${suggestion}" to use the certificate with the private key.`
				: ''),
	);
}

function describeCertificates(certificates: CertEntry[], keys: KeyEntry[]): string {
	if (certificates.length === 0) return 'The file contains no readable certificate.';
	const names = certificates.map((entry) => {
		const name = entry.bag.friendlyName ?? formatSubject(entry.subject);
		return findKey(entry, keys) ? `"${name}" (has the private key)` : `"${name}"`;
	});
	return `The file contains: ${names.join('; ')}.`;
}

/** The CN to type as alias: from the friendly name if it has one, else the subject. */
function suggestAlias(entry: CertEntry): string | undefined {
	const fromFriendlyName = /(?:^|[,/+;])\s*cn\s*=\s*([^,/+;]+)/i.exec(entry.bag.friendlyName ?? '');
	return fromFriendlyName?.[1].trim() ?? commonNames(entry)[0] ?? entry.bag.friendlyName;
}

function commonNames(entry: CertEntry): string[] {
	return entry.subject
		.flat()
		.filter((a) => a.type === 'CN')
		.map((a) => a.value);
}

// --- PEM ------------------------------------------------------------------------------------

/**
 * Reads a PEM private key (PKCS#8 or PKCS#1, encrypted with `passphrase` or not) and the PEM
 * certificate that belongs to it.
 */
export function identityFromPem(
	privateKeyPem: string,
	certificatePem: string,
	passphrase = '',
): SigningIdentity {
	return cached(['pem', privateKeyPem, certificatePem, passphrase], () =>
		buildFromPem(privateKeyPem, certificatePem, passphrase),
	);
}

interface PemBlock {
	label: string;
	headers: string;
	der: Buffer;
}

function buildFromPem(
	privateKeyPem: string,
	certificatePem: string,
	passphrase: string,
): SigningIdentity {
	const privateKey = readPemPrivateKey(privateKeyPem, passphrase);
	const certificates = pemBlocks(certificatePem, CERT_FIELD)
		.filter((block) => block.label === 'CERTIFICATE')
		.map((block) => {
			const read = attempt(() => new X509Certificate(block.der));
			if (!read.ok) {
				throw new CredentialFieldError(CERT_FIELD, 'The certificate PEM is damaged and cannot be read.');
			}
			return read.value;
		});
	if (certificates.length === 0) {
		throw new CredentialFieldError(
			CERT_FIELD,
			'No certificate found. Paste the certificate including the "-----BEGIN CERTIFICATE-----" ' +
				'and "-----END CERTIFICATE-----" lines.',
		);
	}
	// A pasted chain is fine: use the certificate that belongs to the key.
	const match = certificates.find((certificate) => keyMatches(certificate, privateKey));
	if (!match) {
		throw new CredentialFieldError(
			CERT_FIELD,
			'The certificate does not belong to the private key (their public keys differ). Paste ' +
				'the certificate and key extracted from the same .p12 file.',
		);
	}
	return makeIdentity(privateKey, match, subjectOf(match), KEY_FIELD);
}

function readPemPrivateKey(text: string, passphrase: string): KeyObject {
	const blocks = pemBlocks(text, KEY_FIELD);
	const block = blocks.find((b) => b.label.endsWith('PRIVATE KEY'));
	if (!block) {
		throw new CredentialFieldError(
			KEY_FIELD,
			blocks.some((b) => b.label === 'CERTIFICATE')
				? 'This is a certificate, not a private key. Paste the private key here and the ' +
						'certificate into Certificate (PEM).'
				: 'No private key found. Paste the key including the "-----BEGIN PRIVATE KEY-----" (or ' +
						'"-----BEGIN RSA PRIVATE KEY-----") and matching "-----END …-----" lines.',
		);
	}
	const encrypted =
		block.label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type:\s*4,ENCRYPTED/i.test(block.headers);
	if (encrypted && passphrase === '') {
		throw new CredentialFieldError(
			PASSPHRASE_FIELD,
			'The private key is encrypted, but Private Key Passphrase is empty. Enter the passphrase ' +
				'the key was encrypted with (or paste the unencrypted key, e.g. the output of ' +
				'`openssl pkey -in key.pem`).',
		);
	}
	// node:crypto reads every PEM key format and decrypts both PKCS#8 and legacy OpenSSL keys.
	const key = attempt(() => createPrivateKey({ key: toPem(block), format: 'pem', passphrase }));
	if (key.ok) return key.value;
	throw encrypted
		? new CredentialFieldError(
				PASSPHRASE_FIELD,
				'The private key could not be decrypted with Private Key Passphrase: the passphrase is ' +
					'wrong (or the key is damaged). Enter the passphrase the key was encrypted with.',
			)
		: new CredentialFieldError(
				KEY_FIELD,
				'The private key PEM is damaged and cannot be read. Paste the complete key.',
			);
}

/** The block as canonical PEM text, whatever a single-line field did to its line breaks. */
function toPem({ label, headers, der }: PemBlock): string {
	const body = (der.toString('base64').match(/.{1,64}/g) ?? []).join('\n');
	const head = headers ? `${headers}\n\n` : '';
	return `-----BEGIN ${label}-----\n${head}${body}\n-----END ${label}-----\n`;
}

/**
 * PEM blocks in `text`. Tolerates what single-line fields do to PEM: `\n` typed as two
 * characters, and line breaks turned into spaces (the base64 body is stripped of all whitespace).
 */
function pemBlocks(text: string, field: string): PemBlock[] {
	const normalised = text.replace(/\\r\\n|\\n|\\r/g, '\n');
	const blocks: PemBlock[] = [];
	const pattern = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
	for (let match = pattern.exec(normalised); match; match = pattern.exec(normalised)) {
		const [, label, inner] = match;
		// RFC 1421 headers (Proc-Type, DEK-Info) end at a blank line; only legacy encrypted keys
		// have them.
		const headerEnd = /^\s*Proc-Type:[\s\S]*?\n\s*\n/.exec(inner);
		const headers = (headerEnd?.[0] ?? '')
			.split('\n')
			.map((line) => line.trim())
			.filter((line) => line !== '')
			.join('\n');
		const body = inner.slice(headerEnd?.[0].length ?? 0).replace(/\s+/g, '');
		if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length === 0) {
			throw new CredentialFieldError(field, `The "${label}" PEM block is not valid base64.`);
		}
		blocks.push({ label, headers, der: Buffer.from(body, 'base64') });
	}
	return blocks;
}

// --- Shared -----------------------------------------------------------------------------------

function makeIdentity(
	privateKey: KeyObject,
	certificate: X509Certificate,
	subject: SubjectAttribute[][],
	keyField: string,
): SigningIdentity {
	if (privateKey.asymmetricKeyType !== 'rsa') {
		throw new CredentialFieldError(
			keyField,
			`The private key is a ${privateKey.asymmetricKeyType ?? 'unknown'} key; Cybersource JWT ` +
				'signing (RS256) needs an RSA key.',
		);
	}
	const serialAttribute = subject.flat().find((a) => a.type === 'serialNumber')?.value;
	// Business Center certificates carry the key serial as the subject's serialNumber attribute
	// (the JWT kid Cybersource looks up). Without it (e.g. a hand-made test certificate) we fall
	// back to the X.509 certificate serial number, in decimal, so there is still a stable kid.
	const serialNumber = serialAttribute ?? BigInt(`0x${certificate.serialNumber}`).toString(10);
	return { privateKey, certificate, serialNumber, subject: formatSubject(subject) };
}

function keyMatches(certificate: X509Certificate, key: KeyObject): boolean {
	try {
		return certificate.checkPrivateKey(key);
	} catch {
		return false;
	}
}

interface SubjectAttribute {
	/** OpenSSL's short name (`CN`, `serialNumber`, …), or the dotted OID of an unnamed type. */
	type: string;
	value: string;
}

/**
 * Subject RDNs in certificate order, from X509Certificate.subject: one RDN per line, ` + `
 * between the values of a multi-valued RDN, special characters escaped as in RFC 4514 (so a
 * value never contains an unescaped ` + ` or line break).
 */
function subjectOf(certificate: X509Certificate): SubjectAttribute[][] {
	return (certificate.subject ?? '')
		.split('\n')
		.filter((rdn) => rdn !== '')
		.map((rdn) =>
			rdn.split(' + ').map((pair) => {
				const equals = pair.indexOf('=');
				return { type: pair.slice(0, equals), value: unescapeRfc4514(pair.slice(equals + 1)) };
			}),
		);
}

/** `\,` → `,` and `\0A` → line feed, as OpenSSL escapes subject values. */
function unescapeRfc4514(value: string): string {
	return value.replace(/\\([0-9A-Fa-f]{2}|[\s\S])/g, (_, escaped: string) =>
		escaped.length === 2 ? String.fromCharCode(parseInt(escaped, 16)) : escaped,
	);
}

/** `type=value` joined with commas in certificate order; for display, not RFC 4514-escaped. */
function formatSubject(subject: SubjectAttribute[][]): string {
	return subject
		.map((rdn) => rdn.map((a) => `${a.type}=${a.value}`).join('+'))
		.join(',');
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function lowerFirst(text: string): string {
	return text.charAt(0).toLowerCase() + text.slice(1);
}
