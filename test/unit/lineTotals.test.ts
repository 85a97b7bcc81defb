/**
 * Totals: a given line total must equal quantity × unit price − discount + tax, and an invoice
 * must be for more than 0; Skip Total Check lets a different line total through.
 */
import { parseWholeNumber } from '../../nodes/shared/helpers/values';
import { buildAmountDetails } from '../../nodes/shared/money/amountDetails';
import { buildLineItems } from '../../nodes/shared/helpers/lineItems';

const check = { skipTotalCheck: false };

describe('Line totals', () => {
	it('accepts a given total that matches, in the currency\'s decimals', () => {
		const usd = buildLineItems(
			[{ name: 'A', quantity: 3, unitPrice: '10', discountPercent: '10', taxRate: '10', totalAmount: '29.70' }],
			'USD',
			check,
		);
		expect(usd.items[0].totalAmount).toBe('29.70');
		const jpy = buildLineItems([{ name: 'B', quantity: 2, unitPrice: '1500', taxAmount: '240', totalAmount: 3240 }], 'JPY', check);
		expect(jpy.items[0].totalAmount).toBe('3240');
	});

	it('refuses a given total that differs by one cent, showing the computation', () => {
		expect(() =>
			buildLineItems([{ name: 'A', quantity: 1, unitPrice: '200.00', taxRate: '8.25', totalAmount: '216.51' }], 'USD', check),
		).toThrow(
			'Line 1 › Line Total: is 216.51 USD but 1 × 200.00 − discount 0.00 + tax 16.50 = 216.50 USD. Leave Line Total empty to compute it, fix the line, or turn on Skip Total Check',
		);
	});

	it('keeps a differing total when the check is skipped', () => {
		const lines = buildLineItems([{ name: 'A', quantity: 2, unitPrice: '10', totalAmount: '25' }], 'USD', { skipTotalCheck: true });
		expect(lines.items[0].totalAmount).toBe('25.00');
		expect(lines.sum.toString()).toBe('25.00');
	});
});

describe('Invoice total', () => {
	const options = { allowPartialPayments: false, skipTotalCheck: false };

	it('must be more than 0, given or computed', () => {
		expect(() => buildAmountDetails('USD', { totalAmount: '0.00' }, undefined, options)).toThrow('Total Amount: must be more than 0');
		const free = buildLineItems([{ name: 'Gift', unitPrice: '0' }], 'USD', check);
		expect(() => buildAmountDetails('USD', {}, free, options)).toThrow(
			'Total Amount: the line items add up to 0.00 USD; an invoice must be for more than 0',
		);
		expect(() => buildAmountDetails('USD', { totalAmount: '0' }, free, { ...options, skipTotalCheck: true })).toThrow(
			'Total Amount: must be more than 0',
		);
	});

	it('may include free lines', () => {
		const lines = buildLineItems([{ name: 'Gift', unitPrice: '0' }, { name: 'Work', unitPrice: '5' }], 'USD', check);
		expect(buildAmountDetails('USD', {}, lines, options).totalAmount).toBe('5.00');
	});
});

describe('parseWholeNumber', () => {
	const read = (value: unknown) => parseWholeNumber(value, 'Limit', 1, 1000, 'a whole number from 1 to 1000');

	it.each([[1, 1], ['25', 25], [' 7 ', 7], [1000, 1000]])('reads %j as %j', (value, expected) => {
		expect(read(value)).toBe(expected);
	});

	it.each([[0, '0'], [-1, '-1'], [2.5, '2.5'], ['ten', '"ten"'], ['1e3', '"1e3"'], [1001, '1001'], [null, 'null'], [Number.NaN, 'null']])(
		'refuses %j',
		(value, shown) => {
			expect(() => read(value)).toThrow(`Limit: must be a whole number from 1 to 1000, got ${shown}`);
		},
	);
});
