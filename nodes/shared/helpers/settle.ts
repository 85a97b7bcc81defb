import type { Outcome } from '../../../credentials/signing/attempt';

/**
 * The value of an asynchronous call, or the error it failed with (`attempt` does the same for
 * synchronous work), so that the caller decides what the failure means (look the invoice up, or
 * pass the error on) in plain code rather than inside a catch.
 */
export async function settle<T>(call: Promise<T>): Promise<Outcome<T>> {
	try {
		return { ok: true, value: await call };
	} catch (error) {
		return { ok: false, error };
	}
}

/** An error's message as a sentence in a longer text: without its own final period. */
export function messageOf(error: unknown): string {
	return String((error as Error)?.message ?? error).replace(/\.+$/, '');
}
