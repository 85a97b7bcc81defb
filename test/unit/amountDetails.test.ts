/**
 * Invoice amounts: without line items the Total Amount is required; with them it is computed as
 * lines − discount + tax + freight (+ freight tax when taxable), and a given total must match.
 */
import { buildAmountDetails, type AmountInputs } from '../../nodes/shared/money/amountDetails';
import { buildLineItems } from '../../nodes/shared/helpers/lineItems';

const options = { allowPartialPayments: false, skipTotalCheck: false };
/** Lines worth 100.00 USD. */
const lines = () => buildLineItems([{ name: 'Work', quantity: 4, unitPrice: '25' }], 'USD', { skipTotalCheck: false });

describe('Invoice total from the line items', () => {
	it.each<[string, AmountInputs, string]>([
		['the lines alone', {}, '100.00'],
		['minus a discount amount', { discountAmount: '10' }, '90.00'],
		['minus a discount percent', { discountPercent: '15' }, '85.00'],
		['plus a tax amount', { taxAmount: '8' }, '108.00'],
		['plus a tax rate on the discounted amount', { discountAmount: '20', taxRate: '10' }, '88.00'],
		['plus freight', { freightAmount: '12.5' }, '112.50'],
		['plus freight, untaxed when it is not taxable', { freightAmount: '10', freightTaxRate: '10' }, '110.00'],
		['plus freight and its tax when taxable', { freightAmount: '10', freightTaxable: true, freightTaxRate: '10' }, '111.00'],
		['everything together', { discountPercent: '10', taxRate: '5', freightAmount: '5', freightTaxable: 'true', freightTaxRate: '20' }, '100.50'],
	])('%s', (_rule, inputs, total) => {
		expect(buildAmountDetails('USD', inputs, lines(), options).totalAmount).toBe(total);
	});

	it('puts what the user gave in the API\'s shape', () => {
		expect(
			buildAmountDetails('USD', { discountPercent: '10', taxType: 'VAT', taxRate: '5', freightAmount: '5', freightTaxable: true, freightTaxRate: '20' }, lines(), options),
		).toEqual({
			currency: 'USD',
			discountPercent: '10',
			taxDetails: { type: 'VAT', rate: '5' },
			freight: { amount: '5.00', taxable: true, taxRate: '20' },
			totalAmount: '100.50',
		});
	});

	it('refuses a given total that differs, showing the computation', () => {
		expect(() => buildAmountDetails('USD', { totalAmount: '110', taxRate: '8.25' }, lines(), options)).toThrow(
			'Total Amount: is 110.00 USD but the line items add up to 108.25 USD (lines 100.00 − discount 0.00 + tax 8.25 + freight 0.00). Leave Total Amount empty to use the computed total, fix the lines, or turn on Skip Total Check',
		);
	});

	it('keeps a given total that differs when the check is skipped', () => {
		expect(buildAmountDetails('USD', { totalAmount: '110' }, lines(), { ...options, skipTotalCheck: true }).totalAmount).toBe('110.00');
	});

	it('refuses a discount larger than the lines', () => {
		expect(() => buildAmountDetails('USD', { discountAmount: '100.01' }, lines(), options)).toThrow(
			'Discount Amount: is larger than the line items (100.00 USD)',
		);
	});
});

describe('Invoice total without line items', () => {
	it('is the given Total Amount, in the currency\'s decimals', () => {
		expect(buildAmountDetails('JPY', { totalAmount: '5000' }, undefined, options).totalAmount).toBe('5000');
		expect(buildAmountDetails('BHD', { totalAmount: 12.5 }, undefined, options).totalAmount).toBe('12.500');
	});

	it('is required', () => {
		expect(() => buildAmountDetails('USD', {}, undefined, options)).toThrow('Total Amount: is required when the invoice has no line items');
	});
});

describe('Minimum Partial Amount', () => {
	const partial = { ...options, allowPartialPayments: true };

	it('is sent when partial payments are allowed and it is within the total', () => {
		expect(buildAmountDetails('USD', { totalAmount: '100', minimumPartialAmount: '25' }, undefined, partial).minimumPartialAmount).toBe('25.00');
	});

	it.each<[AmountInputs, typeof options, string]>([
		[{ totalAmount: '100', minimumPartialAmount: '25' }, options, 'Minimum Partial Amount: only applies when Allow Partial Payments is on'],
		[{ totalAmount: '100', minimumPartialAmount: '100.01' }, partial, 'Minimum Partial Amount: must be more than 0 and at most the total (100.00 USD), got 100.01'],
		[{ totalAmount: '100', minimumPartialAmount: '0' }, partial, 'Minimum Partial Amount: must be more than 0 and at most the total (100.00 USD), got 0.00'],
	])('refuses %j', (inputs, chosen, message) => {
		expect(() => buildAmountDetails('USD', inputs, undefined, chosen)).toThrow(message);
	});
});
