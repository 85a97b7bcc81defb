/**
 * Amounts: plain decimals only, in the currency's own number of decimals (JPY 0, USD 2, BHD 3);
 * anything that would have to be guessed (thousands separators, signs, exponents) is refused.
 */
import { Money, parseMoney, parsePercent } from '../../nodes/shared/money/amounts';
import { isKnownCurrency, minorUnits, parseCurrency } from '../../nodes/shared/money/currencies';

describe('parseMoney', () => {
	it.each([
		['1250.5', 'USD', '1250.50'],
		['12', 'USD', '12.00'],
		[' 0.99 ', 'USD', '0.99'],
		['10.000', 'USD', '10.00'],
		[12.5, 'USD', '12.50'],
		[0.1 + 0.2, 'USD', '0.30'],
		['1500', 'JPY', '1500'],
		['1500.00', 'JPY', '1500'],
		[1500, 'JPY', '1500'],
		['1.234', 'BHD', '1.234'],
		['7', 'BHD', '7.000'],
		['0', 'EUR', '0.00'],
	])('reads %j in %s as %s', (value, currency, text) => {
		expect(parseMoney(value, currency, 'Unit Price').toString()).toBe(text);
	});

	const NOT_PLAIN = 'is not a plain amount. Use digits with an optional "." for decimals, like 1234.50';
	it.each(['1.234,50', '1,000', '$12', '12 USD', '12abc', '-5', '1e3', '.5', '5.', ''])('refuses %j instead of guessing', (value) => {
		expect(() => parseMoney(value, 'USD', 'Unit Price')).toThrow(`Unit Price: "${value}" ${NOT_PLAIN}`);
	});

	it.each([
		['10.005', 'USD', 'Unit Price: "10.005" has more decimals than USD allows (2)'],
		['1500.5', 'JPY', 'Unit Price: "1500.5" has more decimals than JPY allows (0)'],
		['1.2345', 'BHD', 'Unit Price: "1.2345" has more decimals than BHD allows (3)'],
		[10.005, 'USD', 'Unit Price: 10.005 has more decimals than USD allows (2)'],
		[1500.5, 'JPY', 'Unit Price: 1500.5 has more decimals than JPY allows (0)'],
	])('refuses %j in %s: more decimals than the currency has', (value, currency, message) => {
		expect(() => parseMoney(value, currency, 'Unit Price')).toThrow(message);
	});

	it.each([
		[-1, 'Unit Price: must be a positive amount, got -1'],
		[Number.NaN, 'Unit Price: must be a positive amount, got NaN'],
		[Number.POSITIVE_INFINITY, 'Unit Price: must be a positive amount, got Infinity'],
		[true, 'Unit Price: must be an amount like 12.50, got true'],
		[{ amount: 5 }, 'Unit Price: must be an amount like 12.50, got {"amount":5}'],
		['99999999999999999999', 'Unit Price: "99999999999999999999" is too large'],
	])('refuses %j', (value, message) => {
		expect(() => parseMoney(value, 'USD', 'Unit Price')).toThrow(message);
	});
});

describe('Money', () => {
	it('adds, subtracts and multiplies exactly in minor units', () => {
		const price = parseMoney('0.10', 'USD', 'Unit Price');
		expect(price.times(3).toString()).toBe('0.30');
		expect(price.plus(parseMoney('0.20', 'USD', 'X')).equals(price.times(3))).toBe(true);
		expect(Money.zero('USD').minus(price).toString()).toBe('-0.10');
		expect(Money.ofMinor(5, 'BHD').toString()).toBe('0.005');
		expect(Money.ofMinor(123456, 'USD').toNumber()).toBe(1234.56);
	});

	it.each([
		[100000, 8.25, '82.50'],
		[1000, 8.25, '0.83'],
		[1, 50, '0.01'],
		[3, 50, '0.02'],
		[19999, 10, '20.00'],
	])('%i cents × %s %% rounds half up to the cent: %s', (minor, percent, text) => {
		expect(Money.ofMinor(minor, 'USD').percent(percent).toString()).toBe(text);
	});
});

describe('parsePercent', () => {
	it.each([
		['8.25', '8.25'],
		[5, '5'],
		['10.50', '10.5'],
		['100', '100'],
		['0', '0'],
	])('reads %j as %s', (value, text) => {
		expect(parsePercent(value, 'Tax Rate').text).toBe(text);
	});

	it.each([
		['8%', 'Tax Rate: "8%" is not a plain percentage. Use a number like 8.25 (without the % sign)'],
		['8,5', 'Tax Rate: "8,5" is not a plain percentage'],
		['-1', 'Tax Rate: "-1" is not a plain percentage'],
		['100.5', 'Tax Rate: must be at most 100, got 100.5'],
		['1.1234567', 'Tax Rate: "1.1234567" has more than 6 decimals'],
	])('refuses %j', (value, message) => {
		expect(() => parsePercent(value, 'Tax Rate')).toThrow(message);
	});
});

describe('Currencies', () => {
	it.each([
		['JPY', 0],
		['KRW', 0],
		['USD', 2],
		['EUR', 2],
		['BHD', 3],
		['KWD', 3],
		['CLF', 4],
	])('%s has %i decimals', (code, decimals) => {
		expect(minorUnits(code)).toBe(decimals);
	});

	it('knows active ISO 4217 codes only', () => {
		expect(isKnownCurrency('USD')).toBe(true);
		expect(isKnownCurrency('XXX')).toBe(false);
		expect(isKnownCurrency('usd')).toBe(false);
	});

	it.each([
		['usd', 'USD'],
		[' eur ', 'EUR'],
		['JPY', 'JPY'],
	])('Currency %j is read as %s', (value, code) => {
		expect(parseCurrency(value)).toBe(code);
	});

	it.each(['US', 'EUR0', 'ABC', '€'])('Currency %j is refused', (value) => {
		expect(() => parseCurrency(value)).toThrow(`Currency: "${value}" is not an ISO 4217 currency code. Use 3 letters like USD, EUR or JPY`);
	});

	it('Currency is required', () => {
		expect(() => parseCurrency('  ')).toThrow('Currency: is required: a 3-letter ISO 4217 code like USD or EUR');
	});
});
