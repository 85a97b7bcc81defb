/**
 * `Outcome`, the package's one type for work that may or may not have worked: its value, or the
 * error it failed with. The caller decides what a failure means (name the credential field to fix,
 * look the invoice up, pass the error on) in plain code outside any catch block; inside one, only
 * NodeApiError / NodeOperationError may be thrown, which the pure signing code cannot use.
 * `attempt` runs synchronous work, `settle` awaits a call. They live on the credential's side
 * because the node's code imports the credential's, never the other way round.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export function attempt<T>(work: () => T): Outcome<T> {
	try {
		return { ok: true, value: work() };
	} catch (error) {
		return { ok: false, error };
	}
}

/** The value of an asynchronous call (the node's calls to the API), or the error it failed with. */
export async function settle<T>(call: Promise<T>): Promise<Outcome<T>> {
	try {
		return { ok: true, value: await call };
	} catch (error) {
		return { ok: false, error };
	}
}
