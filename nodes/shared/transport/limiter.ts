import { sleep } from 'n8n-workflow';

/**
 * How many requests one node run has in flight. Starts at the user's Parallel Requests setting and
 * never exceeds it. When Cybersource answers 429 (too many requests) or 503 (overloaded), the limit
 * halves and no request starts until the Retry-After time has passed; each request that completes
 * afterwards raises it a little (by 1/limit), so it climbs back to the setting.
 */
export class RequestLimiter {
	private limit: number;
	private active = 0;
	private pausedUntil = 0;
	private lastDecrease = Number.NEGATIVE_INFINITY;
	private waking = false;
	private readonly waiting: Array<() => void> = [];

	constructor(readonly max: number) {
		this.limit = max;
	}

	/** The current number allowed in flight (whole part). */
	get allowed(): number {
		return Math.max(1, Math.floor(this.limit));
	}

	/** Runs `send` once a slot is free, holding the slot until it settles. */
	async run<T>(send: () => Promise<T>): Promise<T> {
		await this.acquire();
		try {
			return await send();
		} finally {
			this.release();
		}
	}

	/** A 429 or 503: halve (once per pause, as the answers of one burst arrive together) and pause. */
	throttled(retryAfterMs: number | undefined, now = Date.now()): void {
		const pauseMs = retryAfterMs ?? 0;
		if (now >= this.lastDecrease + Math.max(pauseMs, 100)) {
			this.limit = Math.max(1, Math.floor(this.limit / 2));
			this.lastDecrease = now;
		}
		this.pausedUntil = Math.max(this.pausedUntil, now + pauseMs);
	}

	private acquire(): Promise<void> {
		if (this.waiting.length === 0 && this.canStart()) {
			this.active++;
			return Promise.resolve();
		}
		return new Promise((resolve) => {
			this.waiting.push(resolve);
			this.pump();
		});
	}

	private release(): void {
		this.active--;
		this.limit = Math.min(this.max, this.limit + 1 / this.allowed);
		this.pump();
	}

	private canStart(): boolean {
		return this.active < this.allowed && Date.now() >= this.pausedUntil;
	}

	private pump(): void {
		while (this.waiting.length > 0 && this.canStart()) {
			this.active++;
			this.waiting.shift()!();
		}
		const pauseLeft = this.pausedUntil - Date.now();
		if (this.waiting.length > 0 && pauseLeft > 0 && !this.waking) {
			this.waking = true;
			void sleep(pauseLeft).then(() => {
				this.waking = false;
				this.pump();
			});
		}
	}
}
