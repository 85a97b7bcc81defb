/**
 * What the credential keeps in the n8n process's memory beyond one request: its caches and the
 * clock offsets, in one place. Each store is named below with what it holds, why it is
 * process-wide, its bound, and what a restart (which empties it) does. The webhook trigger's
 * stores have their own owner (nodes/CybersourceInvoiceTrigger/helpers/triggerMemory.ts).
 *
 * n8n loads the credential and the nodes from this same package, so the transport's clock-skew
 * healing sees the same instance as the credential's signing. Tests call
 * `forgetCredentialMemory()` to start as a freshly started n8n would.
 */
import { createHash } from 'node:crypto';

import type { IdentityOutcome, PreparedCredential } from './credentialTypes';

/**
 * A cache of things derived from credential text (a decoded secret, a parsed key), keyed by the
 * SHA-256 digest of the length-prefixed inputs, so no secret is ever a key. A digest is still
 * exact for this purpose: a changed credential (any input, by one character) gives a different
 * digest, so it is never served what was built from the old one. The most recent inputs (not a
 * key: one entry, forgotten with the cache) are compared first, as nearly every request repeats
 * them: a digest on every request made HMAC signing 1.6 to 2 times slower than the minimal
 * signer in dev/bench/signing.bench.ts. Bounded: least recently used first out.
 */
export class ContentCache<T> {
	private readonly entries = new Map<string, T>();

	private last: { inputs: readonly string[]; value: T } | undefined;

	constructor(readonly limit: number) {}

	get(inputs: readonly string[], build: () => T): T {
		const last = this.last;
		if (last && sameInputs(last.inputs, inputs)) return last.value;
		const key = contentDigest(inputs);
		let value = this.entries.get(key);
		if (value === undefined) {
			value = build();
		} else {
			this.entries.delete(key);
		}
		this.entries.set(key, value);
		if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
		this.last = { inputs: [...inputs], value };
		return value;
	}

	/** The digests it is keyed by (tests check that no secret is among them). */
	keys(): string[] {
		return [...this.entries.keys()];
	}

	clear(): void {
		this.entries.clear();
		this.last = undefined;
	}
}

/** Hex SHA-256 of `length:text` per input: no two input lists share their hashed text. */
export function contentDigest(inputs: readonly string[]): string {
	const hash = createHash('sha256');
	for (const input of inputs) hash.update(`${input.length}:`).update(input);
	return hash.digest('hex');
}

function sameInputs(a: readonly string[], b: readonly string[]): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

export const credentialMemory = {
	/**
	 * Cybersource's clock minus this machine's, per credential identity, no secret in the key
	 * (clockOffset.ts). Process-wide: the machine's clock is the same for every run. Bound: 100
	 * credentials. Restart: learnt again from the first 401 that shows the clock is off.
	 */
	clockOffsets: new Map<string, number>(),
	/**
	 * Checked credential fields and decoded secret, per credential content (preparedCredential.ts).
	 * Process-wide: every request signs with them. Bound: 32 credentials. Restart: prepared again.
	 */
	preparedCredentials: new ContentCache<PreparedCredential>(32),
	/**
	 * Private keys read from a P12 or PEM, or the field error of one that cannot be read, per
	 * content and password (signingIdentity.ts). Process-wide: reading a P12 takes tens of ms.
	 * Bound: 32 credentials. Restart: read again on the first request.
	 */
	signingIdentities: new ContentCache<IdentityOutcome>(32),
	/**
	 * Encoded JWT headers by algorithm and key id (jwt.ts; the key id is not secret). Process-wide:
	 * the same few for every request. Bound: 64, then emptied. Restart: encoded again.
	 */
	joseHeaders: new Map<string, string>(),
};

/** Empties every store above, as a restart of n8n does (tests start from here). */
export function forgetCredentialMemory(): void {
	const { clockOffsets, preparedCredentials, signingIdentities, joseHeaders } = credentialMemory;
	for (const store of [clockOffsets, preparedCredentials, signingIdentities, joseHeaders]) store.clear();
}
