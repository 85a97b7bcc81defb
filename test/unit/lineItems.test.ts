/**
 * Line items: a line total left empty is quantity × unit price − discount + tax (a rate applies to
 * the discounted amount); lines from an array may use the UI names or the API's own.
 */
import { buildLineItems, lineItemsFromArray, type LineItemInput } from '../../nodes/shared/helpers/lineItems';

const check = { skipTotalCheck: false };
const totalOf = (line: LineItemInput, currency = 'USD') => buildLineItems([line], currency, check).items[0].totalAmount;

describe('Line total computed from the line', () => {
	it.each<[string, LineItemInput, string, string]>([
		['quantity defaults to 1', { name: 'A', unitPrice: '150' }, 'USD', '150.00'],
		['quantity × unit price', { name: 'A', quantity: 3, unitPrice: '19.99' }, 'USD', '59.97'],
		['minus a discount amount', { name: 'A', quantity: 2, unitPrice: '50', discountAmount: '15' }, 'USD', '85.00'],
		['minus a discount percent', { name: 'A', quantity: 4, unitPrice: '25', discountPercent: '10' }, 'USD', '90.00'],
		['plus a tax amount', { name: 'A', unitPrice: '100', taxAmount: '7.5' }, 'USD', '107.50'],
		['plus a tax rate on the discounted amount', { name: 'A', unitPrice: '200', discountPercent: '50', taxRate: '10' }, 'USD', '110.00'],
		['a tax rate rounded half up to the cent', { name: 'A', unitPrice: '200.00', taxRate: '8.25' }, 'USD', '216.50'],
		['in yen, no decimals', { name: 'A', quantity: 3, unitPrice: '333', taxRate: '10' }, 'JPY', '1099'],
		['in dinars, three decimals', { name: 'A', quantity: 2, unitPrice: '1.005', taxRate: '10' }, 'BHD', '2.211'],
	])('%s', (_rule, line, currency, total) => {
		expect(totalOf(line, currency)).toBe(total);
	});

	it('sends the line in the API\'s shape, and sums the lines', () => {
		const built = buildLineItems(
			[
				{ sku: 'SKU-1', name: 'Consulting', quantity: '2', unitPrice: '150', taxRate: '8.25' },
				{ name: 'Travel', unitPrice: 80, discountAmount: '5' },
			],
			'USD',
			check,
		);
		expect(built.items).toEqual([
			{ productSku: 'SKU-1', productName: 'Consulting', quantity: 2, unitPrice: '150.00', taxRate: '8.25', totalAmount: '324.75' },
			{ productName: 'Travel', quantity: 1, unitPrice: '80.00', discountAmount: '5.00', totalAmount: '75.00' },
		]);
		expect(built.sum.toString()).toBe('399.75');
	});
});

describe('Line item refusals name the line', () => {
	it.each<[LineItemInput, string]>([
		[{ unitPrice: '10' }, 'Line 2 › Name: is required: what is being invoiced on this line'],
		[{ name: 'A' }, 'Line 2 › Unit Price: is required'],
		[{ name: 'A', unitPrice: '1.234,50' }, 'Line 2 › Unit Price: "1.234,50" is not a plain amount'],
		[{ name: 'A', quantity: 0, unitPrice: '10' }, 'Line 2 › Quantity: must be a whole number from 1 to'],
		[{ name: 'A', quantity: 1.5, unitPrice: '10' }, 'Line 2 › Quantity: must be a whole number from 1 to'],
		[{ name: 'A', unitPrice: '10', discountAmount: '11' }, 'Line 2 › Discount Amount: is larger than the line amount (10.00 USD)'],
		[{ name: 'A', unitPrice: '10', taxRate: '7%' }, 'Line 2 › Tax Rate: "7%" is not a plain percentage'],
	])('%j', (line, message) => {
		expect(() => buildLineItems([{ name: 'Fine', unitPrice: '1' }, line], 'USD', check)).toThrow(message);
	});
});

describe('lineItemsFromArray', () => {
	it('reads the UI names and the API names, ignoring extra columns', () => {
		expect(
			lineItemsFromArray([
				{ name: 'A', quantity: 2, unitPrice: '5', lineTotal: '10', notes: 'ignored' },
				{ productName: 'B', productSku: 'X1', unitPrice: '3', totalAmount: '3.00' },
			]),
		).toEqual([
			{ name: 'A', quantity: 2, unitPrice: '5', totalAmount: '10' },
			{ name: 'B', sku: 'X1', unitPrice: '3', totalAmount: '3.00' },
		]);
	});

	it.each([
		['', []],
		[null, []],
		[undefined, []],
		['[{"name":"A","unitPrice":"1"}]', [{ name: 'A', unitPrice: '1' }]],
	])('reads %j', (value, lines) => {
		expect(lineItemsFromArray(value)).toEqual(lines);
	});

	it.each([
		['[{"name":', 'Line Items (Array): is not valid JSON'],
		[{ name: 'A' }, 'Line Items (Array): must be an array of line objects, got an object. If the lines are inside a field, point at it'],
		[42, 'Line Items (Array): must be an array of line objects, got number'],
		[[{ name: 'A' }, 'B'], 'Line 2 › Line Items (Array): must be an object with name, quantity and unitPrice, got "B"'],
	])('refuses %j', (value, message) => {
		expect(() => lineItemsFromArray(value)).toThrow(message);
	});
});
