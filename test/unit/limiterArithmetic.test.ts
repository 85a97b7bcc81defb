/**
 * The limiter's arithmetic, with the clock passed in: one halving per burst of 429 / 503 answers
 * (a burst lasts the Retry-After time, at least 100 ms), never below one, and a climb back of one
 * step per `allowed` completed requests, never above the setting.
 */
import { RequestLimiter } from '../../nodes/shared/transport/limiter';

const T = 1_000_000; // any clock reading; the limiter only compares readings
const complete = async (limiter: RequestLimiter, count: number) => {
	for (let i = 0; i < count; i++) await limiter.run(async () => undefined);
};

describe('RequestLimiter arithmetic', () => {
	it.each([
		[8, 4],
		[7, 3],
		[2, 1],
		[1, 1],
	])('a burst against a setting of %i leaves %i allowed', (setting, allowed) => {
		const limiter = new RequestLimiter(setting);
		for (let i = 0; i < 10; i++) limiter.throttled(undefined, T);
		expect(limiter.allowed).toBe(allowed);
	});

	it.each([
		[undefined, 99, 8],
		[undefined, 100, 4],
		[2000, 1999, 8],
		[2000, 2000, 4],
	])('with Retry-After %j, another 429 %i ms later halves again only past the burst (%i → allowed)', (retryAfter, later, allowedAfterSecond) => {
		const limiter = new RequestLimiter(16);
		limiter.throttled(retryAfter, T);
		expect(limiter.allowed).toBe(8);
		limiter.throttled(retryAfter, T + later);
		expect(limiter.allowed).toBe(allowedAfterSecond);
	});

	it('climbs back one step per `allowed` completions, and stops at the setting', async () => {
		const limiter = new RequestLimiter(8);
		limiter.throttled(undefined, T);
		expect(limiter.allowed).toBe(4);
		await complete(limiter, 3);
		expect(limiter.allowed).toBe(4);
		await complete(limiter, 1);
		expect(limiter.allowed).toBe(5);
		await complete(limiter, 100);
		expect(limiter.allowed).toBe(8);
	});

	it('frees the slot of a request that failed', async () => {
		const limiter = new RequestLimiter(1);
		await expect(limiter.run(async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
		await expect(limiter.run(async () => 'next')).resolves.toBe('next');
	});
});
