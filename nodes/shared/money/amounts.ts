import { InputError } from '../helpers/inputError';
import { minorUnits } from './currencies';

/*
 * Amounts of money: exact arithmetic in minor units (`Money`), how an amount or a percentage field
 * is read (plain decimals only, nothing guessed), and how an amount in an API answer becomes a
 * number with the currency's decimals.
 */

/**
 * Money as an integer count of the currency's minor units (cents for USD), so sums and
 * comparisons are exact. `toString` gives the API's string form with the currency's decimals.
 */
export class Money {
	private constructor(
		readonly minor: number,
		readonly currency: string,
	) {}

	static zero(currency: string): Money {
		return new Money(0, currency);
	}

	static ofMinor(minor: number, currency: string): Money {
		return new Money(minor, currency);
	}

	plus(other: Money): Money {
		return new Money(this.minor + other.minor, this.currency);
	}

	minus(other: Money): Money {
		return new Money(this.minor - other.minor, this.currency);
	}

	times(quantity: number): Money {
		return new Money(this.minor * quantity, this.currency);
	}

	/** `percent` of this amount, rounded half away from zero to the currency's minor unit. */
	percent(percent: number): Money {
		return new Money(Math.round((this.minor * percent) / 100), this.currency);
	}

	equals(other: Money): boolean {
		return this.minor === other.minor;
	}

	isNegative(): boolean {
		return this.minor < 0;
	}

	toString(): string {
		const decimals = minorUnits(this.currency);
		const sign = this.minor < 0 ? '-' : '';
		const digits = String(Math.abs(this.minor)).padStart(decimals + 1, '0');
		if (decimals === 0) return `${sign}${digits}`;
		return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
	}

	toNumber(): number {
		return this.minor / 10 ** minorUnits(this.currency);
	}
}

const PLAIN_DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * A non-negative amount given as a number or a plain decimal string ("12", "12.5", "0.99").
 * Anything ambiguous ("1.234,50", "1,000", "12abc", "-5", "1e3") is refused rather than guessed.
 */
export function parseMoney(value: unknown, currency: string, field: string): Money {
	const decimals = minorUnits(currency);
	if (typeof value === 'number') {
		if (!Number.isFinite(value) || value < 0) {
			throw new InputError(field, `must be a positive amount, got ${value}`);
		}
		const scaled = value * 10 ** decimals;
		const minor = Math.round(scaled);
		// Tolerate float noise from expressions (0.1 + 0.2), not real extra decimals (10.005 USD).
		if (Math.abs(scaled - minor) > 1e-6) {
			throw new InputError(field, `${value} has more decimals than ${currency} allows (${decimals})`);
		}
		if (!Number.isSafeInteger(minor)) throw new InputError(field, `${value} is too large`);
		return Money.ofMinor(minor, currency);
	}
	if (typeof value !== 'string') {
		throw new InputError(field, `must be an amount like 12.50, got ${JSON.stringify(value)}`);
	}
	const text = value.trim();
	const match = PLAIN_DECIMAL.exec(text);
	if (!match) {
		throw new InputError(
			field,
			`"${value}" is not a plain amount. Use digits with an optional "." for decimals, like 1234.50 (no thousands separators, currency signs or minus)`,
		);
	}
	const fraction = (match[2] ?? '').replace(/0+$/, '');
	if (fraction.length > decimals) {
		throw new InputError(field, `"${value}" has more decimals than ${currency} allows (${decimals})`);
	}
	const minor = Number(match[1] + fraction.padEnd(decimals, '0'));
	if (!Number.isSafeInteger(minor)) throw new InputError(field, `"${value}" is too large`);
	return Money.ofMinor(minor, currency);
}

/**
 * A non-negative percentage or rate ("8.25", 5). Returned as a normalised decimal string; the
 * API takes rates as strings.
 */
export function parsePercent(value: unknown, field: string, maxDecimals = 6): { text: string; value: number } {
	const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : String(value ?? '').trim();
	const match = PLAIN_DECIMAL.exec(text);
	if (!match) {
		throw new InputError(field, `"${String(value)}" is not a plain percentage. Use a number like 8.25 (without the % sign)`);
	}
	const fraction = (match[2] ?? '').replace(/0+$/, '');
	if (fraction.length > maxDecimals) {
		throw new InputError(field, `"${String(value)}" has more than ${maxDecimals} decimals`);
	}
	const number = Number(text);
	if (number > 100) throw new InputError(field, `must be at most 100, got ${text}`);
	return { text: fraction ? `${match[1]}.${fraction}` : match[1], value: number };
}

/** An amount of an answer (a number or a string, docs/cybersource-api.md#amounts) as a number with the currency's decimals. */
export function answerAmount(value: unknown, currency: string): number | null {
	if (value === undefined || value === null || value === '') return null;
	const number = Number(value);
	if (!Number.isFinite(number)) return null;
	const scale = 10 ** minorUnits(currency);
	return Math.round(number * scale) / scale;
}
