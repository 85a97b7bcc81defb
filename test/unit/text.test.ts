/** The text rules every field goes through: control characters, single lines, yes/no values. */
import { assertPrintable, flag, isOn, optionalText } from '../../nodes/shared/helpers/text';

describe('assertPrintable', () => {
	it('keeps ordinary text, accents and emoji as they are', () => {
		expect(assertPrintable('Café Müller 🍰 — Nº 5', 'Name', false)).toBe('Café Müller 🍰 — Nº 5');
	});

	it.each([
		['\u0000', 'U+0000'],
		['\u0007', 'U+0007'],
		['\u001b', 'U+001B'],
		['\u007f', 'U+007F'],
		['\u0085', 'U+0085'],
	])('refuses %j everywhere, naming it and its position', (char, name) => {
		const message = `Field: contains the invisible control character ${name} at position 3; remove it`;
		expect(() => assertPrintable(`ab${char}c`, 'Field', false)).toThrow(message);
		expect(() => assertPrintable(`ab${char}c`, 'Field', true)).toThrow(message);
	});

	it.each(['\t', '\n', '\r'])('allows %j only in multi-line fields', (char) => {
		expect(assertPrintable(`ab${char}c`, 'Description', true)).toBe(`ab${char}c`);
		expect(() => assertPrintable(`ab${char}c`, 'Name', false)).toThrow(
			'Name: must be a single line, but has a line break or tab at position 3',
		);
	});
});

describe('optionalText', () => {
	it('lets the description span lines, but not a customer name', () => {
		expect(optionalText('Line one\nLine two', 'Description', 'invoiceInformation.description')).toBe('Line one\nLine two');
		expect(() => optionalText('Tanya\nLee', 'Customer Name', 'customerInformation.name')).toThrow(
			'Customer Name: must be a single line, but has a line break or tab at position 6',
		);
	});

	it('trims surrounding whitespace, a trailing line break included, before checking', () => {
		expect(optionalText('  Tanya Lee\r\n', 'Customer Name', 'customerInformation.name')).toBe('Tanya Lee');
	});
});

describe('flag and isOn', () => {
	it.each([
		[true, true],
		[false, false],
		['true', true],
		['false', false],
		[' true ', true],
	])('read %j as %j', (value, expected) => {
		expect(flag(value, 'Field')).toBe(expected);
		expect(isOn(value, 'Field')).toBe(expected);
	});

	it('leave blank values unset (flag) or off (isOn)', () => {
		expect(flag(undefined, 'Field')).toBeUndefined();
		expect(flag('', 'Field')).toBeUndefined();
		expect(isOn(null, 'Field')).toBe(false);
	});

	it.each([
		['yes', '"yes"'],
		['no', '"no"'],
		['TRUE', '"TRUE"'],
		[1, '1'],
		[0, '0'],
		[{}, '{}'],
	])('refuse %j instead of guessing', (value, shown) => {
		expect(() => flag(value, 'Send After Update')).toThrow(`Send After Update: must be true or false, got ${shown}`);
	});
});
