/** The invoice id rule shared by Get, Send, Publish, Cancel and Update. */
import { parseInvoiceId } from '../../nodes/shared/helpers/invoiceId';

const NOT_A_NUMBER = 'is not an invoice number. Use the number shown by Create or Get Many, like 98753';

describe('parseInvoiceId', () => {
	it.each([
		['98753', '98753'],
		[' INV-2026-0042 ', 'INV-2026-0042'],
		[98753, '98753'],
		['...', '...'],
		['a.b', 'a.b'],
		['INV 7/A', 'INV 7/A'],
	])('takes %j as %j', (value, id) => {
		expect(parseInvoiceId(value)).toBe(id);
	});

	it.each(['.', '..', ' . ', '\t..\n'])('refuses %j, which URL normalisation would remove from the path', (value) => {
		expect(() => parseInvoiceId(value)).toThrow(`Invoice: "${value.trim()}" ${NOT_A_NUMBER}`);
	});

	it.each(['', '   ', null, undefined])('asks for an id when given %j', (value) => {
		expect(() => parseInvoiceId(value)).toThrow('Invoice: is required: pick one from the list or enter its number');
	});

	it('refuses objects, lists, booleans and numbers that are not whole', () => {
		const hint = 'Point the expression at the number itself, like {{ $json.id }}';
		expect(() => parseInvoiceId({ id: '1' })).toThrow(`Invoice: must be an invoice number, got an object. ${hint}`);
		expect(() => parseInvoiceId(['1'])).toThrow(`Invoice: must be an invoice number, got a list. ${hint}`);
		expect(() => parseInvoiceId(true)).toThrow('Invoice: must be an invoice number, got true');
		expect(() => parseInvoiceId(12.5)).toThrow('Invoice: must be an invoice number, got 12.5');
		expect(() => parseInvoiceId(Number.NaN)).toThrow('Invoice: must be an invoice number, got NaN');
	});

	it('refuses control characters and line breaks inside the id', () => {
		expect(() => parseInvoiceId('A\u0000B')).toThrow('Invoice: contains the invisible control character U+0000 at position 2; remove it');
		expect(() => parseInvoiceId('A\nB')).toThrow('Invoice: must be a single line, but has a line break or tab at position 2');
	});
});
