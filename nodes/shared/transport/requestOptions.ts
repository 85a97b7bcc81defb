/**
 * What a caller says about one Cybersource request besides the request itself: the node run it
 * belongs to, its item, its retry budget and extra headers. Apart from index.ts, so that
 * requestScope.ts and index.ts do not import each other.
 */
import { RequestScope } from './requestScope';

/** Knobs of the request chokepoint. Tests shorten them; the node uses the defaults. */
export interface TransportTuning {
	timeoutMs: number;
	/** Attempts of a write (POST, PUT). */
	maxAttempts: number;
	/**
	 * Attempts of a read (GET). Reading is safe to repeat, and a read often settles what a write
	 * whose answer was lost did, so it gets more tries and more waiting than a write.
	 */
	maxReadAttempts: number;
	baseDelayMs: number;
	/** Upper bound on all waiting between attempts of a write, Retry-After included. */
	maxTotalWaitMs: number;
	/** The same for a read. */
	maxReadWaitMs: number;
}

/**
 * The retry budget, stated in the README ("Creating each invoice once"): a write is tried at most
 * 3 times with at most 15 s of waiting; a read at most 8 times with at most 30 s of waiting
 * (backoff 0.5, 1, 2, then 4 s, or Cybersource's Retry-After), each attempt within 30 s.
 * Under 18 % transient faults per request, all 8 tries of a read fail about once in a million.
 */
export const DEFAULT_TUNING: TransportTuning = {
	timeoutMs: 30_000,
	maxAttempts: 3,
	maxReadAttempts: 8,
	baseDelayMs: 500,
	maxTotalWaitMs: 15_000,
	maxReadWaitMs: 30_000,
};

/**
 * For a read that must end soon, like the webhook trigger's, which Cybersource waits for only a few
 * seconds before it gives up and delivers the notification again: a write's budget.
 */
export const QUICK_READ: Partial<TransportTuning> = { maxReadAttempts: 3, maxReadWaitMs: 5_000 };

export interface RequestOptions {
	/** The node run the request belongs to: its Parallel Requests and its items' warnings (requestScope.ts). */
	scope: RequestScope;
	itemIndex?: number;
	tuning?: Partial<TransportTuning>;
	/** Extra headers some endpoints ask for (e.g. the key API's v-c-sender-organization-id). */
	headers?: Record<string, string>;
}

/**
 * Options for a call made on its own, outside a node run's item loop (triggers, dropdown lists):
 * a scope of its own with one request in flight, and no output item for warnings (the response's
 * `warnings` still has them). Such callers send their requests one after another.
 */
export function singleRequest(options: Omit<RequestOptions, 'scope'> = {}): RequestOptions {
	return { ...options, scope: new RequestScope(1) };
}
