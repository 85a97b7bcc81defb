/** The field checker every request validation uses: it walks a body, collects `details[]` and returns normalised values. */

import { ErrorDetail, INVALID, MISSING } from './errors';
import { decimalPlaces, toAmountString } from './money';
import { isCalendarDate } from './time';

export type Json = Record<string, unknown>;

/** Collects details while walking a body; every helper returns the normalised value or undefined. */
export class Checker {
	readonly details: ErrorDetail[] = [];

	issue(field: string, reason: string): undefined {
		this.details.push({ field, reason });
		return undefined;
	}

	object(path: string, value: unknown, required = false): Json | undefined {
		if (value === undefined || value === null)
			return required ? this.issue(path, MISSING) : undefined;
		if (typeof value !== 'object' || Array.isArray(value)) return this.issue(path, INVALID);
		return value as Json;
	}

	string(
		path: string,
		value: unknown,
		opts: { max?: number; required?: boolean; pattern?: RegExp } = {},
	): string | undefined {
		if (value === undefined || value === null || (opts.required && value === '')) {
			return opts.required ? this.issue(path, MISSING) : undefined;
		}
		if (typeof value !== 'string') return this.issue(path, INVALID);
		if (opts.max !== undefined && value.length > opts.max) return this.issue(path, INVALID);
		if (opts.pattern && !opts.pattern.test(value)) return this.issue(path, INVALID);
		return value;
	}

	/** Non-negative decimal with `.`; JSON numbers are accepted as the live gateway does. */
	amount(
		path: string,
		value: unknown,
		opts: { max?: number; required?: boolean; maxDecimals?: number } = {},
	): string | undefined {
		if (value === undefined || value === null || value === '') {
			return opts.required ? this.issue(path, MISSING) : undefined;
		}
		const text = toAmountString(value);
		if (text === undefined) return this.issue(path, INVALID);
		if (opts.max !== undefined && text.length > opts.max) return this.issue(path, INVALID);
		if (opts.maxDecimals !== undefined && decimalPlaces(text) > opts.maxDecimals) {
			return this.issue(path, INVALID);
		}
		return text;
	}

	boolean(path: string, value: unknown): boolean | undefined {
		if (value === undefined || value === null) return undefined;
		if (typeof value !== 'boolean') return this.issue(path, INVALID);
		return value;
	}

	/** Integers; digit strings are coerced (spec examples send `"quantity": "20"`). */
	integer(
		path: string,
		value: unknown,
		opts: { min?: number; max?: number; required?: boolean } = {},
	): number | undefined {
		if (value === undefined || value === null || value === '') {
			return opts.required ? this.issue(path, MISSING) : undefined;
		}
		const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
		if (typeof number !== 'number' || !Number.isInteger(number)) return this.issue(path, INVALID);
		if (opts.min !== undefined && number < opts.min) return this.issue(path, INVALID);
		if (opts.max !== undefined && number > opts.max) return this.issue(path, INVALID);
		return number;
	}

	date(
		path: string,
		value: unknown,
		opts: { required?: boolean; notBefore?: string } = {},
	): string | undefined {
		const text = this.string(path, value, { required: opts.required, max: 10 });
		if (text === undefined) return undefined;
		if (!isCalendarDate(text)) return this.issue(path, INVALID);
		// Same format, so string order is date order.
		if (opts.notBefore !== undefined && text < opts.notBefore) return this.issue(path, INVALID);
		return text;
	}
}
