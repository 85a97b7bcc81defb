/**
 * A minimal ASN.1 reader for the structures in PKCS#12, PKCS#8 and X.509 (X.690 DER, plus the
 * BER features real PKCS#12 writers use: indefinite lengths and constructed OCTET STRINGs, as
 * written by Java keytool and Windows). It only reads; nothing here encodes.
 */

export class DerError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'DerError';
	}
}

/** Identifier octets of the universal and context-specific tags this package reads. */
export const Tag = {
	Boolean: 0x01,
	Integer: 0x02,
	BitString: 0x03,
	OctetString: 0x04,
	Null: 0x05,
	Oid: 0x06,
	Utf8String: 0x0c,
	Sequence: 0x30,
	Set: 0x31,
	NumericString: 0x12,
	PrintableString: 0x13,
	TeletexString: 0x14,
	Ia5String: 0x16,
	UtcTime: 0x17,
	GeneralizedTime: 0x18,
	VisibleString: 0x1a,
	UniversalString: 0x1c,
	BmpString: 0x1e,
	/** [n] with the constructed bit, i.e. EXPLICIT tagging or an IMPLICIT SEQUENCE/SET. */
	context: (n: number): number => 0xa0 | n,
	/** [n] primitive, i.e. an IMPLICIT primitive type. */
	contextPrimitive: (n: number): number => 0x80 | n,
} as const;

const CONSTRUCTED_BIT = 0x20;
const MAX_DEPTH = 32;

export interface DerNode {
	/**
	 * The first identifier octet (class, constructed bit, tag number). For tag numbers of 31 and
	 * above only the low five bits are set; `tagNumber` carries the real number.
	 */
	readonly tag: number;
	readonly tagNumber: number;
	readonly constructed: boolean;
	/** Content octets; for an indefinite length, everything before the end-of-contents marker. */
	readonly content: Buffer;
	/** The whole encoding, header included (e.g. a certificate's DER). */
	readonly raw: Buffer;
}

interface Header {
	tag: number;
	tagNumber: number;
	constructed: boolean;
	/** Offset of the first content octet. */
	start: number;
	/** Content length, or undefined for the BER indefinite form. */
	length: number | undefined;
}

function readHeader(buf: Buffer, offset: number): Header {
	if (offset >= buf.length) throw new DerError('unexpected end of data (tag)');
	const tag = buf[offset];
	let pos = offset + 1;
	let tagNumber = tag & 0x1f;
	if (tagNumber === 0x1f) {
		tagNumber = 0;
		for (let i = 0; ; i++) {
			if (pos >= buf.length || i === 4) throw new DerError('bad high tag number');
			const byte = buf[pos++];
			tagNumber = tagNumber * 128 + (byte & 0x7f);
			if ((byte & 0x80) === 0) break;
		}
	}
	if (pos >= buf.length) throw new DerError('unexpected end of data (length)');
	const first = buf[pos++];
	const constructed = (tag & CONSTRUCTED_BIT) !== 0;
	if (first < 0x80) return { tag, tagNumber, constructed, start: pos, length: first };
	if (first === 0x80) {
		if (!constructed) throw new DerError('indefinite length on a primitive value');
		return { tag, tagNumber, constructed, start: pos, length: undefined };
	}
	const count = first & 0x7f;
	// Four length octets already allow 4 GiB; anything longer is corrupt (0xff is reserved).
	if (count > 4) throw new DerError('length too large');
	if (pos + count > buf.length) throw new DerError('unexpected end of data (length)');
	let length = 0;
	for (let i = 0; i < count; i++) length = length * 256 + buf[pos++];
	return { tag, tagNumber, constructed, start: pos, length };
}

function readNode(buf: Buffer, offset: number, depth: number): { node: DerNode; end: number } {
	if (depth > MAX_DEPTH) throw new DerError('nesting too deep');
	const header = readHeader(buf, offset);
	let contentEnd: number;
	let end: number;
	if (header.length === undefined) {
		// Indefinite length: the content is the run of child elements up to 00 00.
		let pos = header.start;
		for (;;) {
			if (pos + 1 >= buf.length) throw new DerError('missing end-of-contents marker');
			if (buf[pos] === 0 && buf[pos + 1] === 0) break;
			pos = readNode(buf, pos, depth + 1).end;
		}
		contentEnd = pos;
		end = pos + 2;
	} else {
		contentEnd = header.start + header.length;
		if (contentEnd > buf.length) throw new DerError('length exceeds the available data');
		end = contentEnd;
	}
	const node: DerNode = {
		tag: header.tag,
		tagNumber: header.tagNumber,
		constructed: header.constructed,
		content: buf.subarray(header.start, contentEnd),
		raw: buf.subarray(offset, end),
	};
	return { node, end };
}

/** Parses exactly one element that must fill `buf` completely. */
export function parseDer(buf: Buffer): DerNode {
	const { node, end } = readNode(buf, 0, 0);
	if (end !== buf.length) throw new DerError('trailing data after the ASN.1 value');
	return node;
}

/** The elements inside a constructed value (SEQUENCE, SET, EXPLICIT tag, ...). */
export function children(node: DerNode): DerNode[] {
	if (!node.constructed) throw new DerError('expected a constructed value');
	const result: DerNode[] = [];
	let pos = 0;
	while (pos < node.content.length) {
		const { node: child, end } = readNode(node.content, pos, 1);
		result.push(child);
		pos = end;
	}
	return result;
}

export function expectTag(node: DerNode | undefined, tag: number, what: string): DerNode {
	if (!node) throw new DerError(`missing ${what}`);
	if (node.tag !== tag) {
		throw new DerError(`expected ${what} (tag 0x${hex(tag)}), found tag 0x${hex(node.tag)}`);
	}
	return node;
}

/** Children of a SEQUENCE, checking the tag. */
export function sequence(node: DerNode | undefined, what: string): DerNode[] {
	return children(expectTag(node, Tag.Sequence, what));
}

/** The single element inside an EXPLICIT context tag `[n]`. */
export function explicit(node: DerNode | undefined, n: number, what: string): DerNode {
	const inner = children(expectTag(node, Tag.context(n), what));
	if (inner.length !== 1) throw new DerError(`expected one element inside ${what}`);
	return inner[0];
}

export function readOid(node: DerNode | undefined): string {
	const { content } = expectTag(node, Tag.Oid, 'OBJECT IDENTIFIER');
	if (content.length === 0 || (content[content.length - 1] & 0x80) !== 0) {
		throw new DerError('bad OBJECT IDENTIFIER');
	}
	const arcs: bigint[] = [];
	let value = 0n;
	for (const byte of content) {
		value = (value << 7n) | BigInt(byte & 0x7f);
		if ((byte & 0x80) === 0) {
			arcs.push(value);
			value = 0n;
		}
	}
	// The first sub-identifier packs the first two arcs as 40 * first + second.
	const head = arcs[0];
	const first = head < 40n ? 0n : head < 80n ? 1n : 2n;
	return [first, head - first * 40n, ...arcs.slice(1)].join('.');
}

/** An INTEGER of any size, two's complement. */
export function readBigInteger(node: DerNode | undefined): bigint {
	const { content } = expectTag(node, Tag.Integer, 'INTEGER');
	if (content.length === 0) throw new DerError('empty INTEGER');
	let value = BigInt(`0x${content.toString('hex')}`);
	if (content[0] & 0x80) value -= 1n << BigInt(content.length * 8);
	return value;
}

/** A non-negative INTEGER that fits a JS number (versions, iteration counts, key lengths). */
export function readInteger(node: DerNode | undefined): number {
	const value = readBigInteger(node);
	if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) {
		throw new DerError('INTEGER out of range');
	}
	return Number(value);
}

/** OCTET STRING content; a BER constructed OCTET STRING is the concatenation of its parts. */
export function readOctetString(node: DerNode | undefined): Buffer {
	if (!node) throw new DerError('missing OCTET STRING');
	if (node.tag === Tag.OctetString) return node.content;
	if (node.tag === (Tag.OctetString | CONSTRUCTED_BIT)) return concatOctets(node);
	throw new DerError(`expected OCTET STRING, found tag 0x${hex(node.tag)}`);
}

/**
 * Content of an IMPLICIT OCTET STRING (e.g. `[0] IMPLICIT OCTET STRING`): primitive content, or
 * when the writer chose the constructed form, the concatenated OCTET STRING segments inside.
 */
export function readImplicitOctets(node: DerNode): Buffer {
	return node.constructed ? concatOctets(node) : node.content;
}

function concatOctets(node: DerNode): Buffer {
	return Buffer.concat(children(node).map((part) => readOctetString(part)));
}

/** BMPString (UCS-2/UTF-16 big-endian). Trailing NULs, written by some tools, are dropped. */
export function readBmpString(node: DerNode | undefined): string {
	const { content } = expectTag(node, Tag.BmpString, 'BMPString');
	return decodeUtf16Be(content).replace(/\0+$/, '');
}

/** Any of the ASN.1 character string types used in names and attributes. */
export function readString(node: DerNode | undefined): string {
	if (!node) throw new DerError('missing string');
	const { content } = node;
	switch (node.tag) {
		case Tag.Utf8String:
			return content.toString('utf8');
		case Tag.PrintableString:
		case Tag.NumericString:
		case Tag.Ia5String:
		case Tag.VisibleString:
			return content.toString('ascii');
		case Tag.TeletexString:
			// T.61 in theory; in practice Latin-1 is what writers put there.
			return content.toString('latin1');
		case Tag.BmpString:
			return readBmpString(node);
		case Tag.UniversalString:
			return decodeUtf32Be(content);
		default:
			throw new DerError(`expected a string, found tag 0x${hex(node.tag)}`);
	}
}

function decodeUtf16Be(bytes: Buffer): string {
	if (bytes.length % 2 !== 0) throw new DerError('odd-length BMPString');
	const swapped = Buffer.from(bytes);
	swapped.swap16();
	return swapped.toString('utf16le');
}

function decodeUtf32Be(bytes: Buffer): string {
	if (bytes.length % 4 !== 0) throw new DerError('bad UniversalString length');
	let text = '';
	for (let i = 0; i < bytes.length; i += 4) {
		const codePoint = bytes.readUInt32BE(i);
		if (codePoint > 0x10ffff) throw new DerError('bad UniversalString character');
		text += String.fromCodePoint(codePoint);
	}
	return text;
}

function hex(byte: number): string {
	return byte.toString(16).padStart(2, '0');
}
