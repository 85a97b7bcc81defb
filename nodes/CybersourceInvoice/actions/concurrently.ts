import type { Outcome } from '../../../credentials/signing/outcome';

/**
 * Runs `work` for items 0..count-1 with up to `concurrency` at once, starting them in item order.
 * Outcomes come back by index, so the caller's output order does not depend on which item finished
 * first. With `stopOnError`, no item starts after one has failed; those already running finish, so
 * every item before the first failure has run (as when items run one at a time).
 */
export async function runConcurrently<T>(
	count: number,
	concurrency: number,
	work: (itemIndex: number) => Promise<T>,
	stopOnError: boolean,
): Promise<Array<Outcome<T> | undefined>> {
	// `undefined` for an item that never started (the run stopped before it).
	const outcomes: Array<Outcome<T> | undefined> = new Array(count);
	let next = 0;
	let stopped = false;
	const worker = async (): Promise<void> => {
		while (next < count && !stopped) {
			const itemIndex = next++;
			try {
				outcomes[itemIndex] = { ok: true, value: await work(itemIndex) };
			} catch (error) {
				outcomes[itemIndex] = { ok: false, error };
				if (stopOnError) stopped = true;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
	return outcomes;
}
