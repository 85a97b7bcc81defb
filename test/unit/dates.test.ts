/**
 * Dates: the calendar day the user picked goes to the API as YYYY-MM-DD, never shifted by a time
 * zone; impossible calendar dates and other formats are refused.
 */
import { assertExpirationNotPast, calendarIn, isPastDueDate, pastDueDateWarning, todayIn, toApiDate } from '../../nodes/shared/helpers/dates';

/** What n8n expressions like {{ $now.plus(30, 'days') }} return: an object with toISODate(). */
const luxonLike = (isoDate: string) => ({ toISODate: () => isoDate, toString: () => `${isoDate}T23:30:00.000-05:00` });

describe('toApiDate', () => {
	it.each([
		['2026-12-31', '2026-12-31'],
		[' 2026-12-31 ', '2026-12-31'],
		['2026-12-01T00:00:00', '2026-12-01'],
		['2026-12-01T23:30:00-05:00', '2026-12-01'],
		['2026-12-01 09:15', '2026-12-01'],
		['2028-02-29', '2028-02-29'],
	])('takes the string %j as %s', (value, date) => {
		expect(toApiDate(value, 'Due Date')).toBe(date);
	});

	it('takes a Luxon-like date by its own calendar day, whatever its time of day', () => {
		expect(toApiDate(luxonLike('2026-12-01'), 'Due Date')).toBe('2026-12-01');
	});

	it('takes a JavaScript Date by its UTC day', () => {
		expect(toApiDate(new Date(Date.UTC(2026, 11, 1, 12)), 'Due Date')).toBe('2026-12-01');
	});

	it.each(['2026-02-30', '2027-02-29', '2026-13-01', '2026-00-10', '2026-04-31'])(
		'refuses the impossible calendar date %j',
		(value) => {
			expect(() => toApiDate(value, 'Due Date')).toThrow(
				`Due Date: "${value}" is not a valid date. Use the format YYYY-MM-DD, like 2026-12-31`,
			);
		},
	);

	it.each(['12/31/2026', '31.12.2026', '2026-1-5', 'tomorrow', '20261231', ''])('refuses %j, which would have to be guessed', (value) => {
		expect(() => toApiDate(value, 'Due Date')).toThrow(`Due Date: "${value}" is not a valid date`);
	});

	it('refuses an invalid Luxon-like date and values that are not dates', () => {
		expect(() => toApiDate(luxonLike('2026-02-30'), 'Due Date')).toThrow('Due Date: "2026-02-30" is not a valid date');
		expect(() => toApiDate(20261231, 'Due Date')).toThrow('Due Date: must be a date like 2026-12-31, got 20261231');
		expect(() => toApiDate({ date: '2026-12-31' }, 'Due Date')).toThrow(
			'Due Date: must be a date like 2026-12-31, got {"date":"2026-12-31"}',
		);
	});
});

describe('assertExpirationNotPast', () => {
	const now = new Date(Date.UTC(2026, 5, 15, 3, 0)); // 15 June 2026, 03:00 UTC

	it.each(['2026-06-14', '2026-06-15', '2027-01-01'])('accepts %s (yesterday in UTC or later)', (date) => {
		expect(() => assertExpirationNotPast(date, 'Expiration Date', now)).not.toThrow();
	});

	it('refuses the day before yesterday', () => {
		expect(() => assertExpirationNotPast('2026-06-13', 'Expiration Date', now)).toThrow(
			'Expiration Date: 2026-06-13 is in the past. The payment link expiration must be today or later',
		);
	});
});

describe('todayIn: the calendar date of the workflow\'s time zone, not UTC', () => {
	// 03:30 UTC on 6 December is still the evening of the 5th in New York (UTC-5 in winter).
	const lateEveningInNewYork = new Date('2026-12-06T03:30:00Z');

	it.each([
		['America/New_York', '2026-12-05'],
		['UTC', '2026-12-06'],
		['Asia/Tokyo', '2026-12-06'],
		['Pacific/Honolulu', '2026-12-05'],
	])('in %s it is %s', (zone, date) => {
		expect(todayIn(zone, lateEveningInNewYork)).toBe(date);
	});

	it('follows summer time (UTC-4 in New York in July)', () => {
		expect(todayIn('America/New_York', new Date('2026-07-01T03:59:00Z'))).toBe('2026-06-30');
		expect(todayIn('America/New_York', new Date('2026-07-01T04:00:00Z'))).toBe('2026-07-01');
	});

	it('a run keeps one calendar per time zone and asks it for each item: the date moves on at midnight', () => {
		const today = calendarIn('America/New_York');
		expect(today(new Date('2026-07-01T03:59:00Z'))).toBe('2026-06-30');
		expect(today(new Date('2026-07-01T04:00:00Z'))).toBe('2026-07-01');
		expect(today(lateEveningInNewYork)).toBe(todayIn('America/New_York', lateEveningInNewYork));
	});
});

describe('isPastDueDate', () => {
	it.each([
		['2025-11-28', '2026-12-05', true],
		['2026-12-04', '2026-12-05', true],
		['2026-12-05', '2026-12-05', false],
		['2026-12-06', '2026-12-05', false],
		['2027-01-01', '2026-12-31', false],
	])('due %s with today %s: %s', (due, today, past) => {
		expect(isPastDueDate(due, today)).toBe(past);
	});

	it('judges by the zone\'s today: due on the 5th is not past at 03:30 UTC on the 6th in New York', () => {
		const now = new Date('2026-12-06T03:30:00Z');
		expect(isPastDueDate('2026-12-05', todayIn('America/New_York', now))).toBe(false);
		expect(isPastDueDate('2026-12-05', todayIn('UTC', now))).toBe(true);
	});
});

test('the warning says which date, what today is and where, and what it means', () => {
	expect(pastDueDateWarning('2025-11-28', '2026-12-05', 'America/New_York')).toBe(
		'Due Date 2025-11-28 is in the past (today is 2026-12-05 in America/New_York): the invoice is overdue from the start.',
	);
});
