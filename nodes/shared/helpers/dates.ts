import { InputError } from './inputError';

/*
 * Dates of an invoice: how a date field becomes the API's `YYYY-MM-DD` without a time-zone shift,
 * and the two rules for a date in the past, which differ on purpose: a payment link's expiration
 * date before yesterday (UTC) is refused (assertExpirationNotPast); a due date before today in
 * the workflow's time zone (isPastDueDate) gets a warning in version 1 and is refused in version 2
 * unless its option allows it.
 */

const ISO_DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

function isRealDate(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The API's `YYYY-MM-DD` from an n8n date field, an ISO string or a date object. The calendar
 * date the user picked is kept as is: no time-zone shift of "2026-12-01T00:00:00".
 */
export function toApiDate(value: unknown, field: string): string {
	let text: string;
	if (value instanceof Date) {
		text = value.toISOString();
	} else if (value && typeof value === 'object' && typeof (value as { toISODate?: unknown }).toISODate === 'function') {
		// Luxon DateTime, which n8n expressions such as {{ $now.plus(30, 'days') }} return.
		text = String((value as { toISODate: () => string }).toISODate());
	} else if (typeof value === 'string') {
		text = value.trim();
	} else {
		throw new InputError(field, `must be a date like 2026-12-31, got ${JSON.stringify(value)}`);
	}
	const match = ISO_DATE_PREFIX.exec(text);
	if (!match || !isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
		throw new InputError(field, `"${text}" is not a valid date. Use the format YYYY-MM-DD, like 2026-12-31`);
	}
	return `${match[1]}-${match[2]}-${match[3]}`;
}

/**
 * Refuses dates before yesterday (UTC). A day of slack because the merchant's "today" can be
 * the UTC day before; the gateway has the final word.
 */
export function assertExpirationNotPast(apiDate: string, field: string, now: Date = new Date()): void {
	const yesterday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1));
	if (apiDate < yesterday.toISOString().slice(0, 10)) {
		throw new InputError(field, `${apiDate} is in the past. The payment link expiration must be today or later`);
	}
}

/** Today's calendar date (`YYYY-MM-DD`) in `timeZone`, like the workflow's (n8n's default is America/New_York). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
	return calendarIn(timeZone)(now);
}

/**
 * `todayIn` for one time zone, as a function to call per item: making the Intl formatter costs
 * about as much as the node's own work on a create, so a node run makes it once (NodeRun.today).
 */
export function calendarIn(timeZone: string): (now?: Date) => string {
	const format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
	return (now = new Date()) => {
		const parts = format.formatToParts(now);
		const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
		return `${part('year')}-${part('month')}-${part('day')}`;
	};
}

/**
 * Whether a due date (`YYYY-MM-DD`) is before `today` (`YYYY-MM-DD`, see todayIn): such an invoice
 * is overdue from the start. Due today is not past.
 */
export function isPastDueDate(dueDate: string, today: string): boolean {
	return dueDate < today;
}

/** The output item's warning for a due date in the past. */
export function pastDueDateWarning(dueDate: string, today: string, timeZone: string): string {
	return `Due Date ${dueDate} is in the past (today is ${today} in ${timeZone}): the invoice is overdue from the start.`;
}
