import { isBlank } from './amounts';
import { InputError } from './inputError';
import { MAX_LENGTH } from './limits';

/** Trimmed text of an optional parameter, or undefined when blank. Enforces the API's maxLength. */
export function optionalText(value: unknown, field: string, apiPath: string): string | undefined {
	if (isBlank(value)) return undefined;
	if (typeof value === 'object') {
		throw new InputError(field, `must be text, got ${JSON.stringify(value).slice(0, 60)}`);
	}
	const text = String(value).trim();
	const max = MAX_LENGTH[apiPath];
	if (max !== undefined && text.length > max) {
		throw new InputError(field, `is ${text.length} characters long; Cybersource accepts at most ${max}`);
	}
	return text;
}

export function requiredText(value: unknown, field: string, apiPath: string, hint = ''): string {
	const text = optionalText(value, field, apiPath);
	if (text === undefined) throw new InputError(field, `is required${hint ? `. ${hint}` : ''}`);
	return text;
}

// Deliberately simple: one @, no spaces, a dot in the domain. The gateway does the real check.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function optionalEmail(
	value: unknown,
	field: string,
	apiPath = 'customerInformation.email',
): string | undefined {
	const email = optionalText(value, field, apiPath);
	if (email !== undefined && !EMAIL.test(email)) {
		throw new InputError(field, `"${email}" is not a valid email address`);
	}
	return email;
}

/** Letters and digits only (reference §4.1, transactionReferenceNumber). */
export function optionalAlphanumeric(value: unknown, field: string, apiPath: string): string | undefined {
	const text = optionalText(value, field, apiPath);
	if (text !== undefined && !/^[A-Za-z0-9]+$/.test(text)) {
		throw new InputError(field, `"${text}" may only contain letters and digits`);
	}
	return text;
}

/** Values computed by the node (amounts, rates) must also fit the API's maxLength. */
export function assertFits(text: string, field: string, apiPath: string): string {
	const max = MAX_LENGTH[apiPath];
	if (max !== undefined && text.length > max) {
		throw new InputError(field, `${text} is ${text.length} characters long; Cybersource accepts at most ${max}`);
	}
	return text;
}

/** A yes/no parameter: true, or the text "true" an expression may produce; undefined when blank. */
export function flag(value: unknown): boolean | undefined {
	if (isBlank(value)) return undefined;
	return value === true || value === 'true';
}
