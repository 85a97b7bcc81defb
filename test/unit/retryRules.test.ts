/** Which failed attempt is tried again, and after how long: reading is safe to repeat, writing is not. */
import { DEFAULT_TUNING } from '../../nodes/shared/transport';
import { retryDelay, type AttemptOutcome } from '../../nodes/shared/transport/retry';

const answer = (statusCode: number, body: unknown = {}, headers = {}): AttemptOutcome => ({ kind: 'response', statusCode, body, headers });
const dropped = (code: string): AttemptOutcome => ({ kind: 'network', failure: { code, message: code } });

describe('retryDelay', () => {
	it('a read is tried again after a broken 2xx, a gateway error, a 429 and a dropped connection', () => {
		expect(retryDelay('GET', answer(200, '{"id":"'), 1, 500)).toBe(500);
		expect(retryDelay('GET', answer(201, ''), 3, 500)).toBe(2000);
		expect(retryDelay('GET', answer(502), 2, 500)).toBe(1000);
		expect(retryDelay('GET', answer(429, {}, { 'retry-after': '3' }), 1, 500)).toBe(3000);
		expect(retryDelay('GET', dropped('ECONNRESET'), 1, 500)).toBe(500);
		expect(retryDelay('GET', answer(400), 1, 500)).toBeUndefined();
	});

	it('a write whose answer arrived broken or not at all is not sent again: it may have been applied', () => {
		expect(retryDelay('POST', answer(201, '{"id":"'), 1, 500)).toBeUndefined();
		expect(retryDelay('POST', answer(502), 1, 500)).toBeUndefined();
		expect(retryDelay('POST', dropped('ECONNRESET'), 1, 500)).toBeUndefined();
		// Turned away unread, or never left: nothing can have been applied.
		expect(retryDelay('POST', answer(429, {}, { 'retry-after': '0' }), 1, 500)).toBe(0);
		expect(retryDelay('POST', dropped('ECONNREFUSED'), 1, 500)).toBe(500);
	});

	it('the stated budget: a read 8 tries within 30 s of waiting (no wait over 4 s), a write 3 within 15 s', () => {
		expect(DEFAULT_TUNING).toMatchObject({ maxReadAttempts: 8, maxReadWaitMs: 30_000, maxAttempts: 3, maxTotalWaitMs: 15_000, baseDelayMs: 500 });
		const waits = [1, 2, 3, 4, 5, 6, 7].map((attempt) => retryDelay('GET', answer(503), attempt, DEFAULT_TUNING.baseDelayMs) ?? 0);
		expect(waits).toEqual([500, 1000, 2000, 4000, 4000, 4000, 4000]);
		expect(waits.reduce((sum, wait) => sum + wait, 0)).toBeLessThanOrEqual(DEFAULT_TUNING.maxReadWaitMs);
	});
});
