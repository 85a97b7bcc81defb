/**
 * A small cache for things derived from credential text (a parsed key, a decoded secret). Entries
 * are keyed by the exact input strings, never by a hash of them, so a changed credential can never
 * be served what was built from the old one. Looking up the most recent inputs costs one string
 * comparison per input (usually the very same string, which compares at once); other inputs go
 * through a map keyed by the length-prefixed inputs. Bounded: least recently used first out.
 */
export class ContentCache<T> {
	private readonly entries = new Map<string, T>();

	private last: { inputs: readonly string[]; value: T } | undefined;

	constructor(private readonly limit: number) {}

	get(inputs: readonly string[], build: () => T): T {
		const last = this.last;
		if (last && sameInputs(last.inputs, inputs)) return last.value;
		const key = inputs.map((input) => `${input.length}:${input}`).join('');
		let value = this.entries.get(key);
		if (value === undefined) {
			value = build();
		} else {
			this.entries.delete(key);
		}
		this.entries.set(key, value);
		if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
		this.last = { inputs: [...inputs], value };
		return value;
	}

	clear(): void {
		this.entries.clear();
		this.last = undefined;
	}
}

function sameInputs(a: readonly string[], b: readonly string[]): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}
