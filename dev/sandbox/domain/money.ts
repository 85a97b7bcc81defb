/**
 * Exact decimal arithmetic for amounts. Amounts travel as strings ("100.00") or JSON numbers
 * (the live gateway accepts both); floats would make balances drift, so we use scaled BigInts.
 */

const DECIMAL = /^\d+(\.\d+)?$/;

interface Scaled {
	units: bigint;
	scale: number;
}

/** Canonical string for a money value, or undefined when it is not a non-negative decimal. */
export function toAmountString(value: unknown): string | undefined {
	if (typeof value === 'number') {
		if (!Number.isFinite(value) || value < 0) return undefined;
		const text = String(value);
		return DECIMAL.test(text) ? text : undefined; // rejects 1e+21 and friends
	}
	if (typeof value === 'string' && DECIMAL.test(value)) return value;
	return undefined;
}

export function isAmount(text: string): boolean {
	return DECIMAL.test(text);
}

function parse(text: string): Scaled {
	const [whole, fraction = ''] = text.split('.');
	return { units: BigInt(whole + fraction), scale: fraction.length };
}

function align(a: Scaled, b: Scaled): [bigint, bigint, number] {
	const scale = Math.max(a.scale, b.scale);
	return [
		a.units * 10n ** BigInt(scale - a.scale),
		b.units * 10n ** BigInt(scale - b.scale),
		scale,
	];
}

function format(units: bigint, scale: number): string {
	if (units === 0n) return '0'; // the spec shows a paid balance as "0"
	const negative = units < 0n;
	let digits = (negative ? -units : units).toString();
	if (scale > 0) {
		digits = digits.padStart(scale + 1, '0');
		digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
	}
	return negative ? `-${digits}` : digits;
}

export function compareAmounts(a: string, b: string): number {
	const [x, y] = align(parse(a), parse(b));
	return x < y ? -1 : x > y ? 1 : 0;
}

export function subtractAmounts(a: string, b: string): string {
	const [x, y, scale] = align(parse(a), parse(b));
	return format(x - y, scale);
}

export function isZeroAmount(a: string): boolean {
	return parse(a).units === 0n;
}

export function decimalPlaces(a: string): number {
	return parse(a).scale;
}
