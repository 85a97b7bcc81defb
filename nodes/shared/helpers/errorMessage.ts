/** An error's message as a sentence in a longer text: without its own final period. */
export function messageOf(error: unknown): string {
	return String((error as Error)?.message ?? error).replace(/\.+$/, '');
}
