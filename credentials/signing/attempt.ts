/**
 * The outcome of work that may throw. Callers decide what to throw from the outcome, outside any
 * catch block, which keeps error translation explicit (n8n's community lint reserves throwing
 * inside catch blocks for NodeApiError / NodeOperationError, which this pure module cannot use).
 */
export type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown };

export function attempt<T>(work: () => T): Attempt<T> {
	try {
		return { ok: true, value: work() };
	} catch (error) {
		return { ok: false, error };
	}
}
