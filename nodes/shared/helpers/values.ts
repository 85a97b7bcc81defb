import { InputError } from './inputError';

/*
 * Plain input values that are not money: blank or not, whole numbers in a range. Every field
 * reader uses these, so they live apart from the money rules in ../money/.
 */

/** Empty parameters (left blank in the UI, or null/undefined from an expression). */
export function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * A whole number from `min` to `max`, given as a number or as digits ("12"). Fractions, signs,
 * words and out-of-range values are refused; `range` words the allowed values for the message.
 */
export function parseWholeNumber(value: unknown, field: string, min: number, max: number, range: string): number {
	const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
		throw new InputError(field, `must be ${range}, got ${JSON.stringify(value)}`);
	}
	return number;
}
