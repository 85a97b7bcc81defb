/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Test merchants and meta keys: credential generation (openssl for the Cybersource-shaped
 * certificate and P12) and the lookup tables authentication needs, with secrets and public keys
 * decoded once.
 */

import { execFile } from 'node:child_process';
import {
	KeyObject,
	X509Certificate,
	createPublicKey,
	randomBytes,
	randomInt,
	randomUUID,
} from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { SandboxMerchant, SandboxMetaKey } from '../types';

const run = promisify(execFile);

export const DEFAULT_MERCHANT_ID = 'sandbox_merchant';
export const DEFAULT_PORTFOLIO_ID = 'sandbox_portfolio';

type CertMaterial = Pick<
	SandboxMerchant,
	'p12Base64' | 'p12Password' | 'privateKeyPem' | 'certificatePem' | 'certificateSerialNumber'
>;

/** Cybersource certificate serial numbers are long digit strings (e.g. 22 digits). */
function randomSerial(): string {
	let digits = String(randomInt(1, 10));
	while (digits.length < 22) digits += String(randomInt(0, 10));
	return digits;
}

export function serialFromCertificate(certificatePem: string): string | undefined {
	const subject = new X509Certificate(certificatePem).subject;
	return /(?:^|\n)serialNumber=([^\n]+)/.exec(subject)?.[1];
}

/** Key, self-signed cert `/serialNumber=<digits>/CN=<mid>` and a password-protected P12. */
async function generateCertificate(
	alias: string,
	existing?: { privateKeyPem: string; certificatePem: string; p12Password?: string },
): Promise<CertMaterial> {
	const dir = await mkdtemp(join(tmpdir(), 'cybs-sandbox-'));
	try {
		const keyFile = join(dir, 'key.pem');
		const certFile = join(dir, 'cert.pem');
		const p12File = join(dir, 'key.p12');
		let serial: string;
		if (existing) {
			await writeFile(keyFile, existing.privateKeyPem);
			await writeFile(certFile, existing.certificatePem);
			serial = serialFromCertificate(existing.certificatePem) ?? '';
		} else {
			serial = randomSerial();
			await run('openssl', [
				'req',
				'-x509',
				'-newkey',
				'rsa:2048',
				'-nodes',
				'-sha256',
				'-days',
				'3650',
				'-keyout',
				keyFile,
				'-out',
				certFile,
				'-subj',
				`/serialNumber=${serial}/CN=${alias}`,
			]);
		}
		const password = existing?.p12Password ?? randomBytes(12).toString('base64url');
		// Modern default P12 (PBES2/AES-256, SHA-256 MAC); password via env, not argv.
		await run(
			'openssl',
			[
				'pkcs12',
				'-export',
				'-inkey',
				keyFile,
				'-in',
				certFile,
				'-out',
				p12File,
				'-name',
				`serialNumber=${serial},CN=${alias}`,
				'-passout',
				'env:SANDBOX_P12_PASS',
			],
			{ env: { ...process.env, SANDBOX_P12_PASS: password } },
		);
		return {
			privateKeyPem: await readFile(keyFile, 'utf8'),
			certificatePem: await readFile(certFile, 'utf8'),
			p12Base64: (await readFile(p12File)).toString('base64'),
			p12Password: password,
			certificateSerialNumber: serial,
		};
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

/**
 * Key generation costs a few hundred ms of openssl; sandboxes started in the same process (tests)
 * reuse the material generated for an alias.
 */
const generated = new Map<string, Promise<CertMaterial>>();
function certificateFor(alias: string): Promise<CertMaterial> {
	let material = generated.get(alias);
	if (!material) {
		material = generateCertificate(alias);
		material.catch(() => generated.delete(alias));
		generated.set(alias, material);
	}
	return material;
}

function newSecret(): string {
	return randomBytes(32).toString('base64');
}

/** Fills every missing credential of a merchant: explicit fields win over stored ones. */
export async function completeMerchant(
	given: Partial<SandboxMerchant> & { merchantId: string },
	stored?: SandboxMerchant,
): Promise<SandboxMerchant> {
	const merged = { ...stored, ...stripUndefined(given), merchantId: given.merchantId };
	let cert: CertMaterial;
	if (merged.p12Base64 && merged.privateKeyPem && merged.certificatePem && merged.p12Password) {
		cert = {
			p12Base64: merged.p12Base64,
			p12Password: merged.p12Password,
			privateKeyPem: merged.privateKeyPem,
			certificatePem: merged.certificatePem,
			certificateSerialNumber:
				merged.certificateSerialNumber ?? serialFromCertificate(merged.certificatePem) ?? '',
		};
	} else if (merged.privateKeyPem && merged.certificatePem) {
		cert = await generateCertificate(merged.merchantId, {
			privateKeyPem: merged.privateKeyPem,
			certificatePem: merged.certificatePem,
			p12Password: merged.p12Password,
		});
	} else {
		cert = await certificateFor(merged.merchantId);
	}
	const merchant: SandboxMerchant = {
		merchantId: merged.merchantId,
		keyId: merged.keyId ?? randomUUID(),
		sharedSecret: merged.sharedSecret ?? newSecret(),
		...cert,
		keyAlias: merged.keyAlias ?? merged.merchantId,
	};
	if (merged.portfolioId) merchant.portfolioId = merged.portfolioId;
	return merchant;
}

export function completeMetaKey(
	given: Partial<SandboxMetaKey> & { portfolioId: string; merchantIds: string[] },
	stored?: SandboxMetaKey,
): SandboxMetaKey {
	const merged = { ...stored, ...stripUndefined(given), portfolioId: given.portfolioId };
	return {
		portfolioId: merged.portfolioId,
		keyId: merged.keyId ?? randomUUID(),
		sharedSecret: merged.sharedSecret ?? newSecret(),
		merchantIds: [...new Set(merged.merchantIds)],
	};
}

function stripUndefined<T extends object>(value: T): Partial<T> {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** One way to verify a key id: a merchant's own key or a portfolio meta key (they may share ids). */
export type KeyCandidate =
	| { kind: 'merchant'; keyId: string; merchantId: string; secret: Buffer }
	| { kind: 'meta'; keyId: string; portfolioId: string; merchantIds: Set<string>; secret: Buffer };

export interface CertEntry {
	merchantId: string;
	publicKey: KeyObject;
	/** base64 DER, to recognise a v1 JWT `x5c`. */
	derBase64: string;
}

export class MerchantRegistry {
	readonly merchants = new Map<string, SandboxMerchant>();
	readonly metaKeys: SandboxMetaKey[] = [];
	private readonly byKeyId = new Map<string, KeyCandidate[]>();
	private readonly bySerial = new Map<string, CertEntry>();
	private readonly byDer = new Map<string, CertEntry>();

	constructor(merchants: SandboxMerchant[], metaKeys: SandboxMetaKey[]) {
		for (const merchant of merchants) this.addMerchant(merchant);
		for (const meta of metaKeys) this.addMetaKey(meta);
	}

	private addMerchant(merchant: SandboxMerchant): void {
		this.merchants.set(merchant.merchantId, merchant);
		this.addCandidate({
			kind: 'merchant',
			keyId: merchant.keyId,
			merchantId: merchant.merchantId,
			secret: Buffer.from(merchant.sharedSecret, 'base64'),
		});
		const cert = new X509Certificate(merchant.certificatePem);
		const entry: CertEntry = {
			merchantId: merchant.merchantId,
			publicKey: createPublicKey(merchant.certificatePem),
			derBase64: cert.raw.toString('base64'),
		};
		this.bySerial.set(merchant.certificateSerialNumber, entry);
		this.byDer.set(entry.derBase64, entry);
	}

	private addMetaKey(meta: SandboxMetaKey): void {
		this.metaKeys.push(meta);
		this.addCandidate({
			kind: 'meta',
			keyId: meta.keyId,
			portfolioId: meta.portfolioId,
			merchantIds: new Set(meta.merchantIds),
			secret: Buffer.from(meta.sharedSecret, 'base64'),
		});
	}

	private addCandidate(candidate: KeyCandidate): void {
		const list = this.byKeyId.get(candidate.keyId) ?? [];
		list.push(candidate);
		this.byKeyId.set(candidate.keyId, list);
	}

	keyCandidates(keyId: string): KeyCandidate[] {
		return this.byKeyId.get(keyId) ?? [];
	}

	certBySerial(serial: string): CertEntry | undefined {
		return this.bySerial.get(serial);
	}

	certByDer(derBase64: string): CertEntry | undefined {
		return this.byDer.get(derBase64);
	}

	list(): SandboxMerchant[] {
		return [...this.merchants.values()];
	}
}
