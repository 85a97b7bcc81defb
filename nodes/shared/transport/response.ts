/**
 * Reading an answer within a deadline. n8n's `timeout` only limits silence, so a server that
 * sends a byte every few seconds could hold a request forever; the transport asks n8n for the
 * answer as a stream and reads it here, giving up (and closing the connection) at the deadline.
 */
import { jsonParse } from 'n8n-workflow';

/** What n8n hands over for `encoding: 'stream'`: a readable stream (typed here, not imported). */
interface BodyStream extends AsyncIterable<unknown> {
	pipe: unknown;
	destroy(error?: Error): void;
}

/** The attempt's deadline passed before the whole answer arrived. */
export class DeadlineExceeded extends Error {
	readonly code = 'ETIMEDOUT';

	constructor(timeoutMs: number) {
		super(`no complete answer within ${Math.round(timeoutMs / 1000)} s`);
	}
}

function isStream(value: unknown): value is BodyStream {
	return !!value && typeof (value as BodyStream).pipe === 'function' && typeof (value as BodyStream).destroy === 'function';
}

/** Drops an answer nobody waits for any more, so its connection is closed. */
export function discard(body: unknown): void {
	if (isStream(body)) body.destroy();
}

/**
 * `promise`, or DeadlineExceeded at `deadline` (epoch ms), when `onExpire` also runs (to close
 * what is still open).
 */
export async function beforeDeadline<T>(
	promise: Promise<T>,
	deadline: number,
	timeoutMs: number,
	onExpire: () => void,
): Promise<T> {
	// AbortSignal.timeout, not n8n-workflow's sleepWithAbort (missing from n8n 2.40's n8n-workflow)
	// nor timers (not allowed in community nodes). Its timer does not keep the process alive.
	const timer = AbortSignal.timeout(Math.max(0, deadline - Date.now()));
	let onExpired = (): void => {};
	const expired = new Promise<never>((_resolve, reject) => {
		onExpired = () => {
			onExpire();
			reject(new DeadlineExceeded(timeoutMs));
		};
		timer.addEventListener('abort', onExpired, { once: true });
	});
	try {
		return await Promise.race([promise, expired]);
	} finally {
		// Answered in time: the deadline no longer matters and never settles the race. (Removing the
		// listener, not aborting a second controller: each abort() builds a DOMException, which cost
		// more than the rest of the node's own work on a create.)
		timer.removeEventListener('abort', onExpired);
	}
}

async function collect(body: BodyStream): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
	return Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
}

/** JSON when it parses, else the text itself (an empty body stays ''), like n8n's own parsing. */
export function parseBody(text: string): unknown {
	if (!text.trim()) return text;
	return jsonParse<unknown>(text, { fallbackValue: text });
}

/** A body n8n handed over: a stream is read within the deadline (else destroyed); anything else is kept. */
export async function bodyOf(body: unknown, deadline: number, timeoutMs: number): Promise<unknown> {
	if (!isStream(body)) return body;
	const text = await beforeDeadline(collect(body), deadline, timeoutMs, () => body.destroy());
	return parseBody(text);
}
