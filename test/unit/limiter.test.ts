/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The request limiter of Parallel Requests: never more in flight than the setting, half as many
 * after a 429 / 503 with nothing started before Retry-After, then back up to the setting.
 */
import { RequestLimiter } from '../../nodes/shared/transport/limiter';

/** Runs `count` requests of `ms` each through the limiter; returns the most seen in flight. */
async function load(limiter: RequestLimiter, count: number, ms: number): Promise<number> {
	let active = 0;
	let most = 0;
	const request = async () => {
		active++;
		most = Math.max(most, active);
		await new Promise((resolve) => setTimeout(resolve, ms));
		active--;
	};
	await Promise.all(Array.from({ length: count }, async () => await limiter.run(request)));
	return most;
}

describe('RequestLimiter', () => {
	it('has exactly the setting in flight under load, never more', async () => {
		expect(await load(new RequestLimiter(4), 20, 5)).toBe(4);
		expect(await load(new RequestLimiter(1), 5, 2)).toBe(1);
	});

	it('halves once per burst of 429s and starts nothing before Retry-After', async () => {
		const limiter = new RequestLimiter(8);
		const now = Date.now();
		for (let i = 0; i < 8; i++) limiter.throttled(150, now);
		expect(limiter.allowed).toBe(4);

		const started = Date.now();
		let ranAt = 0;
		await limiter.run(async () => {
			ranAt = Date.now();
		});
		expect(ranAt - started).toBeGreaterThanOrEqual(140);
	});

	it('goes down to one, never zero, and climbs back to the setting (not beyond) as requests succeed', async () => {
		const limiter = new RequestLimiter(8);
		for (let i = 0; i < 4; i++) {
			limiter.throttled(undefined);
			await new Promise((resolve) => setTimeout(resolve, 110)); // a later burst halves again
		}
		expect(limiter.allowed).toBe(1);
		await load(limiter, 60, 1);
		expect(limiter.allowed).toBe(8);
		expect(await load(limiter, 40, 2)).toBe(8);
	});
});
