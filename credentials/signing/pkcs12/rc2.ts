/**
 * RC2 decryption in CBC mode (RFC 2268). Needed for pbeWithSHAAnd40BitRC2-CBC, which legacy
 * PKCS#12 files use for their certificates and which OpenSSL 3 (hence node:crypto) only offers in
 * its legacy provider. Decryption only; the caller removes the padding.
 */

/** PITABLE of RFC 2268 section 2: a permutation of 0..255 derived from the digits of pi. */
const PITABLE = Buffer.from(
	'd978f9c419ddb5ed28e9fd794aa0d89dc67e37832b76538e624c6488448bfba2' +
		'179a59f587b34f1361456d8d09817d32bd8f40eb86b77b0bf09521225c6b4e82' +
		'54d66593ce60b21c7356c014a78cf1dc1275ca1f3bbee4d1423dd430a33cb626' +
		'6fbf0eda4669075727f21d9bbc944303f811c7f690ef3ee706c3d52fc8661ed7' +
		'08e8eade8052eef784aa72ac354d6a2a961ad2715a1549744b9fd05e0418a4ec' +
		'c2e0416e0f51cbcc2491af50a1f47039997c3a8523b8b47afc02365b25559731' +
		'2d5dfa98e38a92ae05df2910676cbac9d300e6cfe19ea82c6316013f58e289a9' +
		'0d38341bab33ffb0bb480c5fb9b1cd2ec5f3db47e5a59c770aa62068fe7fc1ad',
	'hex',
);

const BLOCK_SIZE = 8;
const ROTATIONS = [1, 2, 3, 5];

/** RFC 2268 section 2: expands a 1..128-byte key into 64 16-bit words. */
function rc2ExpandKey(key: Buffer, effectiveBits: number): Uint16Array {
	if (key.length < 1 || key.length > 128) throw new RangeError('RC2 key must be 1..128 bytes');
	if (!Number.isInteger(effectiveBits) || effectiveBits < 1 || effectiveBits > 1024) {
		throw new RangeError('RC2 effective key bits must be 1..1024');
	}
	const t = key.length;
	const t8 = Math.ceil(effectiveBits / 8);
	const tm = 0xff >> (8 * t8 - effectiveBits);
	const l = new Uint8Array(128);
	l.set(key);
	for (let i = t; i < 128; i++) l[i] = PITABLE[(l[i - 1] + l[i - t]) & 0xff];
	// Reducing the effective key size: squeeze the expansion through the first T8 bytes.
	l[128 - t8] = PITABLE[l[128 - t8] & tm];
	for (let i = 127 - t8; i >= 0; i--) l[i] = PITABLE[l[i + 1] ^ l[i + t8]];
	const k = new Uint16Array(64);
	for (let i = 0; i < 64; i++) k[i] = l[2 * i] | (l[2 * i + 1] << 8);
	return k;
}

/** RFC 2268 section 4: decrypts one 8-byte block in place (words are little-endian). */
function decryptBlock(k: Uint16Array, block: Uint16Array): void {
	const r = block;
	let j = 63;
	const mixRound = (): void => {
		for (let i = 3; i >= 0; i--) {
			const s = ROTATIONS[i];
			const x = r[i];
			r[i] = (x >>> s) | (x << (16 - s));
			const a = r[(i + 3) & 3];
			const b = r[(i + 2) & 3];
			const c = r[(i + 1) & 3];
			r[i] = r[i] - k[j] - (a & b) - (~a & c);
			j--;
		}
	};
	const mashRound = (): void => {
		for (let i = 3; i >= 0; i--) r[i] = r[i] - k[r[(i + 3) & 3] & 63];
	};
	for (let round = 0; round < 5; round++) mixRound();
	mashRound();
	for (let round = 0; round < 6; round++) mixRound();
	mashRound();
	for (let round = 0; round < 5; round++) mixRound();
}

/**
 * RC2-CBC decryption. `effectiveBits` is RC2's "effective key bits" (40 for
 * pbeWithSHAAnd40BitRC2-CBC, 128 for the 128-bit variant); it defaults to the key length.
 * Returns the plaintext with its padding still attached.
 */
export function rc2CbcDecrypt(
	key: Buffer,
	iv: Buffer,
	data: Buffer,
	effectiveBits = key.length * 8,
): Buffer {
	if (iv.length !== BLOCK_SIZE) throw new RangeError('RC2 IV must be 8 bytes');
	if (data.length % BLOCK_SIZE !== 0) {
		throw new RangeError('RC2 ciphertext length must be a multiple of 8');
	}
	const k = rc2ExpandKey(key, effectiveBits);
	const out = Buffer.alloc(data.length);
	const words = new Uint16Array(4);
	let previous = iv;
	for (let offset = 0; offset < data.length; offset += BLOCK_SIZE) {
		const cipherBlock = data.subarray(offset, offset + BLOCK_SIZE);
		for (let w = 0; w < 4; w++) words[w] = cipherBlock.readUInt16LE(w * 2);
		decryptBlock(k, words);
		for (let w = 0; w < 4; w++) out.writeUInt16LE(words[w], offset + w * 2);
		for (let b = 0; b < BLOCK_SIZE; b++) out[offset + b] ^= previous[b];
		previous = cipherBlock;
	}
	return out;
}
