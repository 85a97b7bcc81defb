import { createHash } from 'node:crypto';

import { isBlank } from './values';
import { InputError } from './inputError';

/** Invoice numbers come back as the invoice `id`, which is at most 26 characters long. */
export const MAX_INVOICE_NUMBER = 26;

const FIELD = 'Invoice Number';

/** U+0000 to U+001F or DEL (a code loop, not a regex: ESLint's no-control-regex refuses one). */
function hasControlCharacter(text: string): boolean {
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code <= 0x1f || code === 0x7f) return true;
	}
	return false;
}

/**
 * A number the user gave, checked before anything is sent. It becomes the invoice's path in every
 * later call, so `/ ? #` (which would change the path), control characters and anything URL
 * normalisation would change (`.`, `..`) are refused.
 */
export function optionalInvoiceNumber(value: unknown): string | undefined {
	if (isBlank(value)) return undefined;
	if (typeof value === 'object') {
		throw new InputError(FIELD, `must be text, got ${JSON.stringify(value).slice(0, 60)}`);
	}
	const number = String(value).trim();
	if (number.length > MAX_INVOICE_NUMBER) {
		throw new InputError(FIELD, `"${number}" is ${number.length} characters long; Cybersource accepts at most ${MAX_INVOICE_NUMBER}`);
	}
	if (hasControlCharacter(number)) {
		throw new InputError(FIELD, 'contains a control character (like a line break or a tab); remove it');
	}
	const reserved = /[/?#]/.exec(number);
	if (reserved) {
		throw new InputError(FIELD, `"${number}" contains "${reserved[0]}"; an invoice number may not contain / ? or #`);
	}
	assertStablePath(number);
	return number;
}

/**
 * The number must come back unchanged as the last segment of its invoice's path. URL
 * normalisation drops `.` and `..` segments (`/invoices/..` is another endpoint), so a number of
 * dots only is refused; so is text that Unicode normalisation (NFC) would change, as the same
 * number could then be stored and looked up in two forms, and text that cannot be percent-encoded
 * (a lone half of a surrogate pair). Everything else survives encodeURIComponent and the server's
 * decoding unchanged.
 */
function assertStablePath(number: string): void {
	if (/^\.+$/.test(number)) {
		throw new InputError(FIELD, `"${number}" is only dots, which a web address drops or reads as "go up"; use letters or digits`);
	}
	if (number.normalize('NFC') !== number) {
		throw new InputError(FIELD, `"${number}" contains characters with more than one encoding (like an accent typed separately); retype it`);
	}
	if (!canEncode(number)) {
		throw new InputError(FIELD, `"${number}" contains a broken character (half of an emoji or symbol); retype it`);
	}
}

/** encodeURIComponent fails on a lone surrogate, the only text it cannot encode. */
function canEncode(text: string): boolean {
	try {
		encodeURIComponent(text);
		return true;
	} catch {
		return false;
	}
}

export type Numbering = 'node' | 'cybersource';

/** Invoice Numbering, which an expression may also set: only its two values, never a guess. */
export function readNumbering(value: unknown): Numbering {
	if (isBlank(value) || value === 'node') return 'node';
	if (value === 'cybersource') return 'cybersource';
	throw new InputError('Invoice Numbering', `must be "node" or "cybersource", got ${JSON.stringify(value)}`);
}

/**
 * Where an item's create runs: the same on every try of the item in one execution, different
 * otherwise. n8n's ids alone are not enough: execution ids start again at 1 in a new database,
 * while the instance id (derived from the encryption key) and workflow ids survive an export and
 * import, a restored backup or a staging copy. `executionSeed` tells those executions apart.
 */
export interface NumberOrigin {
	/**
	 * Random, made on the node's first run in this execution and kept in the node's execution
	 * context, which n8n keeps for the whole execution (Retry On Fail, loops) and nowhere else.
	 */
	executionSeed: string;
	/** n8n's instance and workflow ids, so two instances or workflows never share a number. */
	instanceId: string;
	workflowId: string;
	/** Also in the hash: n8n's Retry button copies the execution context into a new execution. */
	executionId: string;
	nodeId: string;
	/** Which run of the node in this execution: a loop runs it again with item indexes from 0. */
	runIndex: number;
	itemIndex: number;
}

/** 12 letters and digits: 36^12 values, so two runs practically never share one. The same for every item of a run. */
export function runCode(origin: Omit<NumberOrigin, 'itemIndex'>): string {
	const { executionSeed, instanceId, workflowId, executionId, nodeId, runIndex } = origin;
	const parts = [executionSeed, instanceId, workflowId, executionId, nodeId, runIndex];
	const digest = createHash('sha256').update(parts.join('\n')).digest();
	return BigInt(`0x${digest.subarray(0, 8).toString('hex')}`).toString(36).padStart(13, '0').slice(-12).toUpperCase();
}

/**
 * The number the node gives an invoice when the user gives none: `N8N-<code>-<item>`, e.g.
 * `N8N-7K2QX9M4TB1C-0`. `<code>` is derived from a random value kept for this execution and from
 * the n8n instance, workflow, execution, node and run; `<item>` is the item index from 0. Every try
 * within the same execution (Retry On Fail, a lost answer) gives the same number, so Cybersource
 * refuses a second invoice for the same item; another execution, in this database or any other,
 * gives another number.
 */
export function assignedInvoiceNumber(origin: NumberOrigin): string {
	return numberForItem(runCode(origin), origin.itemIndex);
}

/** `assignedInvoiceNumber` from the run's code (runCode, computed once per run) and the item index. */
export function numberForItem(code: string, itemIndex: number): string {
	const number = `N8N-${code}-${itemIndex}`;
	// 4 + 12 + 1 leaves 9 digits for the item index.
	if (number.length > MAX_INVOICE_NUMBER) {
		throw new InputError(FIELD, `cannot be assigned to this item (the number would be over ${MAX_INVOICE_NUMBER} characters): give one yourself`);
	}
	return number;
}
