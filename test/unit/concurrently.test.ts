/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The item loop underneath the router: items start in order, at most `concurrency` at once;
 * outcomes come back by item index; after a failure with stopOnError nothing new starts.
 */
import { runConcurrently } from '../../nodes/CybersourceInvoice/actions/concurrently';

/** Work whose item `i` takes `delays[i]` ms and fails when `fails` holds i; records starts. */
function work(delays: number[], fails: number[] = []) {
	const started: number[] = [];
	let active = 0;
	let most = 0;
	const run = async (itemIndex: number) => {
		started.push(itemIndex);
		most = Math.max(most, ++active);
		await new Promise((resolve) => setTimeout(resolve, delays[itemIndex]));
		active--;
		if (fails.includes(itemIndex)) throw new Error(`item ${itemIndex} failed`);
		return itemIndex * 10;
	};
	return { run, started, most: () => most };
}

describe('runConcurrently', () => {
	it('returns outcomes by item index, whatever order they finish in', async () => {
		const { run, most } = work([30, 1, 15, 5]);
		const outcomes = await runConcurrently(4, 4, run, true);
		expect(outcomes).toEqual([0, 10, 20, 30].map((value) => ({ ok: true, value })));
		expect(most()).toBe(4);
	});

	it.each([
		[1, 1],
		[2, 2],
		[10, 5],
	])('with concurrency %i has at most %i in flight (5 items)', async (concurrency, expected) => {
		const { run, started, most } = work([5, 5, 5, 5, 5]);
		await runConcurrently(5, concurrency, run, false);
		expect(most()).toBe(expected);
		expect(started).toEqual([0, 1, 2, 3, 4]);
	});

	it('with stopOnError starts nothing after a failure; running items finish', async () => {
		const { run, started } = work([20, 1, 1, 1, 1], [1]);
		const outcomes = await runConcurrently(5, 2, run, true);
		expect(started).toEqual([0, 1]);
		expect(outcomes[0]).toEqual({ ok: true, value: 0 });
		expect(outcomes[1]).toEqual({ ok: false, error: new Error('item 1 failed') });
		expect(outcomes.slice(2)).toEqual([undefined, undefined, undefined]);
	});

	it('without stopOnError runs every item and keeps each failure in its place', async () => {
		const { run } = work([1, 1, 1], [0, 2]);
		const outcomes = await runConcurrently(3, 1, run, false);
		expect(outcomes.map((outcome) => outcome?.ok)).toEqual([false, true, false]);
	});

	it('runs nothing for no items', async () => {
		const { run, started } = work([]);
		expect(await runConcurrently(0, 4, run, true)).toEqual([]);
		expect(started).toEqual([]);
	});
});
