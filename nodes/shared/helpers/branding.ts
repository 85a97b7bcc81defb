import { InputError } from './inputError';
import { MAX_LOGO_BYTES } from './limits';

/** A hex color like #1A1F71 or #FFF, trimmed; anything else is refused naming `field`. */
export function hexColor(value: unknown, field: string): string {
	const text = String(value).trim();
	if (!/^#(?:[0-9a-fA-F]{3}){1,2}$/.test(text)) {
		throw new InputError(field, `"${text}" is not a hex color. Use # and 3 or 6 hex digits, like #1A1F71`);
	}
	return text;
}

/** PNG, JPEG or GIF, recognised by their first bytes rather than by a file name. */
function imageKind(data: Buffer): string | undefined {
	if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
	if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpg';
	if (data.subarray(0, 6).toString('latin1') === 'GIF87a' || data.subarray(0, 6).toString('latin1') === 'GIF89a') return 'gif';
	return undefined;
}

/** A logo Cybersource accepts: a PNG, JPG or GIF of at most 1 MB; returned as base64. */
export function logoBase64(data: Buffer, field: string): string {
	if (!imageKind(data)) throw new InputError(field, 'the file is not a PNG, JPG or GIF image');
	if (data.length > MAX_LOGO_BYTES) {
		// Rounded up, so an image just over the limit does not read "1.00 MB".
		const megabytes = (Math.ceil((data.length / MAX_LOGO_BYTES) * 100) / 100).toFixed(2);
		throw new InputError(field, `the image is ${megabytes} MB; Cybersource accepts at most 1 MB`);
	}
	return data.toString('base64');
}
