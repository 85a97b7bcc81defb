/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Calendar dates as n8n sees them. `$now` and `$today` in a workflow follow the instance's time
 * zone (GENERIC_TIMEZONE, America/New_York unless set), not UTC; so every date the e2e suite
 * expects is computed here, in that same zone. Between 00:00 and 05:00 UTC (winter) the UTC date
 * is already tomorrow in New York's eyes.
 */

/** The zone the e2e and demo instances run in: pinned, so expectations never guess it. */
export const N8N_TIME_ZONE = process.env.GENERIC_TIMEZONE ?? 'America/New_York';

/** `YYYY-MM-DD` of the instant `atMs` on the wall calendar of `zone`. */
export function calendarDateIn(zone: string, atMs: number): string {
	// en-CA formats dates as YYYY-MM-DD.
	return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
		new Date(atMs),
	);
}

/** `calendarDate` plus `days` calendar days (what Luxon's `plus({ days })` does to the date). */
export function addDays(calendarDate: string, days: number): string {
	const [year, month, day] = calendarDate.split('-').map(Number);
	return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** What `{{ $now.plus(days, 'days').toISODate() }}` gives in `zone` at the instant `atMs`. */
export function daysFromTodayIn(zone: string, days: number, atMs: number): string {
	return addDays(calendarDateIn(zone, atMs), days);
}

/**
 * The instants an execution started and ended. A run that crosses midnight in the instance's zone
 * may have used either day, so expectations accept the date at either end.
 */
export interface ExecutionWindow {
	startedAt: number;
	endedAt: number;
}

/** The dates `$now.plus(days, 'days')` may have produced during `window`. */
export function expectedDates(days: number, window: ExecutionWindow, zone = N8N_TIME_ZONE): string[] {
	return [...new Set([window.startedAt, window.endedAt].map((at) => daysFromTodayIn(zone, days, at)))];
}
