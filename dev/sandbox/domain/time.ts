/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** The sandbox clock and the timestamp formats the gateway uses. */

let lastNano = 0;

/**
 * `submitTimeUtc` as the live gateway prints it: ISO-8601 with nanoseconds
 * (`2024-07-24T18:36:18.863175539Z`). The sub-millisecond digits come from hrtime so that two
 * answers in the same millisecond still differ, like the real thing.
 */
export function submitTimeUtc(nowMs: number): string {
	const iso = new Date(nowMs).toISOString(); // ...ss.mmmZ
	let nano = Number(process.hrtime.bigint() % 1000000n);
	if (nano === lastNano) nano = (nano + 1) % 1000000;
	lastNano = nano;
	return `${iso.slice(0, -1)}${String(nano).padStart(6, '0')}Z`;
}

/** History dates: ISO-8601 with milliseconds. */
export function isoMillis(ms: number): string {
	return new Date(ms).toISOString();
}

/** List `createdDate`: `YYYY-MM-DDThh:mm:ssZ`. */
export function isoSeconds(ms: number): string {
	return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** Today's date (UTC) as `YYYY-MM-DD`. */
export function utcDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/** True for a `YYYY-MM-DD` string naming a day that exists (no 2025-02-30). */
export function isCalendarDate(text: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

/**
 * The sandbox's clock: a base clock plus an offset that can be changed while it runs, to play a
 * gateway whose time differs from the client's (signatures are then rejected as too old or too new).
 */
export class SandboxClock {
	private offset: number;

	constructor(
		private readonly base: () => number,
		private readonly startOffsetMs = 0,
	) {
		this.offset = startOffsetMs;
	}

	readonly now = (): number => this.base() + this.offset;

	get offsetMs(): number {
		return this.offset;
	}

	setOffset(ms: number): void {
		if (!Number.isFinite(ms)) throw new Error('clock offset must be a finite number');
		this.offset = ms;
	}

	/** Back to the offset the sandbox was started with. */
	reset(): void {
		this.offset = this.startOffsetMs;
	}
}

/** A `Date` header value (`Sun, 29 Nov 2026 02:30:00 GMT`). */
export function httpDate(ms: number): string {
	return new Date(ms).toUTCString();
}
