/** Log of Cybersource API requests (not hooks), bounded so long runs and benchmarks stay small. */

import type { RequestLogEntry } from '../types';

export const MAX_LOG_ENTRIES = 10000;

export class RequestLog {
	private entries: RequestLogEntry[] = [];
	private seq = 0;

	/** Returns the entry so the caller can fill in status/verdict once the answer is known. */
	add(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
		const full: RequestLogEntry = { seq: ++this.seq, ...entry };
		this.entries.push(full);
		if (this.entries.length > MAX_LOG_ENTRIES * 1.1)
			this.entries = this.entries.slice(-MAX_LOG_ENTRIES);
		return full;
	}

	/** `since` is exclusive: entries with a larger seq. Copies, so callers cannot edit the log. */
	list(filter: { since?: number; pathIncludes?: string } = {}): RequestLogEntry[] {
		return this.entries
			.filter(
				(entry) =>
					(filter.since === undefined || entry.seq > filter.since) &&
					(filter.pathIncludes === undefined || entry.path.includes(filter.pathIncludes)),
			)
			.map((entry) => ({ ...entry, headers: { ...entry.headers } }));
	}

	/** Sequence numbers keep growing after a clear so `since` stays meaningful. */
	clear(): void {
		this.entries = [];
	}
}
