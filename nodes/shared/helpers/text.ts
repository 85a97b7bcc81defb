import { isBlank } from './values';
import { InputError } from './inputError';
import { MAX_LENGTH } from './limits';

/** The only fields whose text may span several lines (line breaks and tabs kept). */
const MULTI_LINE_PATHS = new Set(['invoiceInformation.description', 'invoiceSettingsInformation.customEmailMessage']);

/** C0 controls, DEL and C1 controls: invisible, and mangled or refused by payment pages and emails. */
function isControl(code: number): boolean {
	return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * The one rule for control characters in texts: NUL and the other control characters are refused
 * everywhere; tab, line feed and carriage return only in single-line fields (names, emails, ids).
 */
export function assertPrintable(text: string, field: string, multiLine: boolean): string {
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (!isControl(code)) continue;
		if (code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN) {
			if (multiLine) continue;
			throw new InputError(field, `must be a single line, but has a line break or tab at position ${index + 1}`);
		}
		const hex = code.toString(16).toUpperCase().padStart(4, '0');
		throw new InputError(field, `contains the invisible control character U+${hex} at position ${index + 1}; remove it`);
	}
	return text;
}

/**
 * Trimmed text of an optional parameter, or undefined when blank. Enforces the API's maxLength
 * and the control-character rule (multi-line only for the fields listed above).
 */
export function optionalText(value: unknown, field: string, apiPath: string): string | undefined {
	if (isBlank(value)) return undefined;
	if (typeof value === 'object') {
		throw new InputError(field, `must be text, got ${JSON.stringify(value).slice(0, 60)}`);
	}
	const text = assertPrintable(String(value).trim(), field, MULTI_LINE_PATHS.has(apiPath));
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

/** Letters and digits only, as the API requires for the transaction reference number. */
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

/**
 * A yes/no parameter; undefined when blank. An expression may give the text "true" or "false";
 * anything else ("yes", 1, "on") is refused rather than read as false.
 */
export function flag(value: unknown, field: string): boolean | undefined {
	if (isBlank(value)) return undefined;
	if (typeof value === 'boolean') return value;
	const text = typeof value === 'string' ? value.trim() : undefined;
	if (text === 'true' || text === 'false') return text === 'true';
	throw new InputError(field, `must be true or false, got ${JSON.stringify(value)}`);
}

/** A yes/no parameter that is off when blank. */
export function isOn(value: unknown, field: string): boolean {
	return flag(value, field) ?? false;
}
