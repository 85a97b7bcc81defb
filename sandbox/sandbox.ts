/** Assembles the sandbox: merchants, store, persistence, faults, request log and the HTTP dispatcher. */

import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate } from './auth';
import { AUTH_FAILED_BODY, ApiError, serverErrorBody } from './errors';
import { FaultQueue } from './faults';
import { Latency, type LatencySetting } from './latency';
import { handleHook, isLoopbackAddress } from './hooks';
import { InvoiceService, SandboxError } from './invoices';
import {
	DEFAULT_MERCHANT_ID,
	DEFAULT_PORTFOLIO_ID,
	MerchantRegistry,
	completeMerchant,
	completeMetaKey,
} from './merchants';
import { RequestLog } from './requestLog';
import { routeApi } from './routes';
import { WebhookService } from './webhooks';
import type { SandboxWebhooks } from './webhooks/hooks';
import { BodyTooLarge, TrackedServer, createTrackedServer, readBody, sendJson } from './server';
import { Persistence, Snapshot, Store, readSnapshot } from './store';
import { SandboxClock, submitTimeUtc } from './time';
import type {
	FaultSpec,
	RequestLogEntry,
	SandboxMerchant,
	SandboxMetaKey,
	SandboxOptions,
} from './types';

export interface Sandbox {
	/** e.g. http://127.0.0.1:8787 */
	url: string;
	/** The ready default merchant ('sandbox_merchant'). */
	merchant: SandboxMerchant;
	merchants: SandboxMerchant[];
	metaKeys: SandboxMetaKey[];
	/** Also destroys hanging sockets and flushes the data file. */
	close(): Promise<void>;
	/** Invoices, settings, MDF definitions, log and faults cleared; merchants kept. */
	reset(): void;
	/** Cybersource API requests only (not hooks); `since` is exclusive. */
	requests(filter?: { since?: number; pathIncludes?: string }): RequestLogEntry[];
	clearRequests(): void;
	injectFault(spec: FaultSpec): void;
	clearFaults(): void;
	pendingFaults(): Array<FaultSpec & { remaining: number }>;
	/** Default amount = full balance. Throws SandboxError (with an HTTP-ish `status`) on misuse. */
	pay(
		invoiceId: string,
		opts?: { amount?: string | number; merchantId?: string; outcome?: 'paid' | 'pending' },
	): object;
	/** Resolves a PENDING payment. */
	review(invoiceId: string, decision: 'accept' | 'reject', opts?: { merchantId?: string }): object;
	/** Fast bulk creation; returns the ids. */
	seed(count: number, opts?: { merchantId?: string; status?: string; template?: object }): string[];
	/** Stored state as GET would render it (with history). */
	getInvoice(invoiceId: string, merchantId?: string): object | undefined;
	/** How far the sandbox's clock is ahead of the real one (negative: behind), in ms. */
	clockOffsetMs(): number;
	/** Runs the sandbox's clock `ms` ahead (negative: behind); reset() restores the start offset. */
	setClockOffset(ms: number): void;
	/** The delay added to every API answer: `ms` plus a random 0..`jitterMs`. */
	latency(): LatencySetting;
	/** Changes it (missing fields: 0); reset() restores the start latency. */
	setLatency(value: Partial<LatencySetting>): void;
	/** Notification subscriptions, signed deliveries and reminders (see webhooks/). */
	webhooks: SandboxWebhooks;
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return out;
}

/** The request-target as received; absolute-form (proxy style) is reduced to path + query. */
function rawTarget(url: string | undefined): string {
	const target = url ?? '/';
	if (/^https?:\/\//i.test(target)) {
		const parsed = new URL(target);
		return `${parsed.pathname}${parsed.search}`;
	}
	return target;
}

async function loadMerchants(
	options: SandboxOptions,
	snapshot: Snapshot | undefined,
): Promise<{ merchants: SandboxMerchant[]; metaKeys: SandboxMetaKey[] }> {
	const metaSpecs = [
		{ portfolioId: DEFAULT_PORTFOLIO_ID, merchantIds: [DEFAULT_MERCHANT_ID] },
		...(options.metaKeys ?? []),
	];
	const metaKeys: SandboxMetaKey[] = [];
	for (const spec of metaSpecs) {
		const stored = snapshot?.metaKeys.find((meta) => meta.portfolioId === spec.portfolioId);
		const existing = metaKeys.findIndex((meta) => meta.portfolioId === spec.portfolioId);
		const meta = completeMetaKey(spec, existing >= 0 ? metaKeys[existing] : stored);
		if (existing >= 0) metaKeys[existing] = meta;
		else metaKeys.push(meta);
	}
	// Default merchant, explicit ones, and any merchant a meta key names.
	const specs = new Map<string, Partial<SandboxMerchant> & { merchantId: string }>();
	specs.set(DEFAULT_MERCHANT_ID, { merchantId: DEFAULT_MERCHANT_ID });
	for (const spec of options.merchants ?? [])
		specs.set(spec.merchantId, { ...specs.get(spec.merchantId), ...spec });
	for (const meta of metaKeys) {
		for (const merchantId of meta.merchantIds) {
			const spec = specs.get(merchantId) ?? { merchantId };
			if (!spec.portfolioId) spec.portfolioId = meta.portfolioId;
			specs.set(merchantId, spec);
		}
	}
	const merchants = await Promise.all(
		[...specs.values()].map((spec) =>
			completeMerchant(
				spec,
				snapshot?.merchants.find((merchant) => merchant.merchantId === spec.merchantId),
			),
		),
	);
	return { merchants, metaKeys };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const sandboxClock = new SandboxClock(options.now ?? Date.now, options.clockOffsetMs ?? 0);
	const clock = sandboxClock.now;
	const snapshot = options.dataFile ? readSnapshot(options.dataFile) : undefined;
	const { merchants, metaKeys } = await loadMerchants(options, snapshot);
	const registry = new MerchantRegistry(merchants, metaKeys);
	const store = new Store();
	if (snapshot) store.load(snapshot.state);
	const persistence = options.dataFile
		? new Persistence(options.dataFile, () => ({
				version: 1,
				merchants,
				metaKeys,
				state: store.toJSON(),
			}))
		: undefined;
	const changed = (): void => persistence?.changed();
	const invoices = new InvoiceService(store, clock, options.amountsAs ?? 'number', changed);
	const faults = new FaultQueue();
	const webhooks = new WebhookService({
		store,
		now: clock,
		dataFile: options.dataFile && `${options.dataFile}.webhooks.json`,
		retryUnitMs: options.webhookRetryUnitMs,
		keyEncoding: options.webhookKeyEncoding,
	});
	const latency = new Latency({ ms: options.latencyMs ?? 0, jitterMs: options.latencyJitterMs ?? 0 });
	const log = new RequestLog();
	const defaultMerchant = registry.merchants.get(DEFAULT_MERCHANT_ID)!;
	const quiet = options.quiet ?? false;
	const merchantIdOf = (merchantId?: string): string => merchantId ?? DEFAULT_MERCHANT_ID;

	const sandbox: Sandbox = {
		url: '',
		merchant: defaultMerchant,
		merchants,
		metaKeys,
		close: async () => {
			webhooks.deliverer.close();
			await tracked.close();
			persistence?.flush();
		},
		reset: () => {
			store.reset();
			sandboxClock.reset();
			latency.reset();
			log.clear();
			faults.clear();
			webhooks.reset();
			changed();
		},
		requests: (filter) => log.list(filter),
		clearRequests: () => log.clear(),
		injectFault: (spec) => faults.add(spec),
		clearFaults: () => faults.clear(),
		pendingFaults: () => faults.pending(),
		pay: (id, opts = {}) =>
			webhooks.watch(merchantIdOf(opts.merchantId), id, () => invoices.pay(merchantIdOf(opts.merchantId), id, opts)),
		review: (id, decision, opts = {}) =>
			webhooks.watch(merchantIdOf(opts.merchantId), id, () =>
				invoices.review(merchantIdOf(opts.merchantId), id, decision),
			),
		seed: (count, opts = {}) => invoices.seed(merchantIdOf(opts.merchantId), count, opts),
		getInvoice: (id, merchantId) => invoices.peek(merchantIdOf(merchantId), id),
		clockOffsetMs: () => sandboxClock.offsetMs,
		setClockOffset: (ms) => sandboxClock.setOffset(ms),
		latency: () => latency.current,
		setLatency: (value) => latency.set(value),
		webhooks: webhooks.hooks(merchantIdOf),
	};

	const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		const method = (req.method ?? 'GET').toUpperCase();
		const rawPath = rawTarget(req.url);
		const queryIndex = rawPath.indexOf('?');
		const pathname = queryIndex < 0 ? rawPath : rawPath.slice(0, queryIndex);
		const query = new URLSearchParams(queryIndex < 0 ? '' : rawPath.slice(queryIndex + 1));
		let body: Buffer;
		try {
			body = await readBody(req);
		} catch (error) {
			if (error instanceof BodyTooLarge)
				sendJson(res, 413, { message: 'Request body too large.' }, { connection: 'close' });
			else res.destroy();
			return;
		}

		if (pathname === '/__sandbox' || pathname.startsWith('/__sandbox/')) {
			if (!isLoopbackAddress(req.socket.remoteAddress)) {
				sendJson(res, 403, { error: 'sandbox hooks only answer loopback clients' });
				return;
			}
			try {
				const answer = handleHook({ method, pathname, query, body }, sandbox);
				sendJson(res, answer.status, answer.body);
			} catch (error) {
				const status = error instanceof SandboxError ? error.status : 400;
				sendJson(res, status, { error: (error as Error).message });
			}
			return;
		}

		// The simulated round trip comes first, so state changes and timestamps follow it.
		await latency.wait();
		const now = clock();
		const entry = log.add({
			time: new Date(now).toISOString(),
			method,
			path: rawPath,
			headers: flattenHeaders(req.headers),
			body: body.toString('utf8'),
			status: 0,
			verdict: 'pending',
		});
		const finish = (status: number, verdict: string): void => {
			entry.status = status;
			entry.verdict = verdict;
			if (!quiet)
				process.stdout.write(`[sandbox] ${method} ${rawPath} -> ${status || '-'} ${verdict}\n`);
		};

		const fault = faults.take(method, rawPath, 'transport');
		if (fault) {
			finish(applyFault(fault, res, now), `fault:${fault.kind}`);
			return;
		}

		const auth = authenticate({ method, rawPath, headers: req.headers, body, now }, registry);
		entry.authMode = auth.mode;
		entry.merchantId = auth.merchantId;
		if (!auth.ok) {
			sendJson(res, 401, AUTH_FAILED_BODY, correlation());
			finish(401, auth.verdict);
			return;
		}

		try {
			const merchantId = auth.merchantId;
			const answer = webhooks.watch(merchantId, invoiceIdOf(pathname), () =>
				routeApi(
					{ method, pathname, query, body, merchantId, now },
					{
						invoices,
						store,
						webhooks,
						onChange: changed,
						emailFails: () => faults.take(method, rawPath, 'email') !== undefined,
					},
				),
			);
			sendJson(res, answer.status, answer.body, correlation());
			finish(answer.status, 'ok');
		} catch (error) {
			if (error instanceof ApiError) {
				sendJson(res, error.status, error.body, { ...correlation(), ...error.headers });
				finish(error.status, error.verdict);
				return;
			}
			// A sandbox bug: answer like the gateway's generic failure, but say what happened.
			sendJson(res, 502, serverErrorBody(now, 502), correlation());
			finish(502, `sandbox error: ${(error as Error).stack ?? String(error)}`);
		}
	};

	const tracked: TrackedServer = createTrackedServer((req, res) => {
		handle(req, res).catch((error) => {
			res.destroy();
			if (!quiet) process.stderr.write(`[sandbox] ${String(error)}\n`);
		});
	}, clock);

	const host = options.host ?? '127.0.0.1';
	await new Promise<void>((resolve, reject) => {
		tracked.server.once('error', reject);
		tracked.server.listen(options.port ?? 8787, host, () => {
			tracked.server.off('error', reject);
			resolve();
		});
	});
	const { port } = tracked.server.address() as AddressInfo;
	sandbox.url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
	// Write the merchants right away so a restart with the same data file accepts the same keys.
	if (persistence) {
		persistence.changed();
		persistence.flush();
	}
	return sandbox;
}

/** The invoice an API path acts on, so the webhooks can tell which history grew. */
function invoiceIdOf(pathname: string): string | undefined {
	const match = /^\/invoicing\/v2\/invoices\/([^/]+)/.exec(pathname);
	if (!match) return undefined;
	try {
		return decodeURIComponent(match[1]);
	} catch {
		return undefined;
	}
}

function correlation(): Record<string, string> {
	return { 'v-c-correlation-id': randomUUID() };
}

/** Answers (or deliberately does not answer) a transport fault; returns the status sent, 0 for none. */
function applyFault(fault: FaultSpec, res: ServerResponse, now: number): number {
	switch (fault.kind) {
		case '502':
		case '503':
		case '504': {
			const status = Number(fault.kind);
			sendJson(res, status, serverErrorBody(now, status), correlation());
			return status;
		}
		case '429':
			sendJson(
				res,
				429,
				{
					submitTimeUtc: submitTimeUtc(now),
					status: 'TOO_MANY_REQUESTS',
					reason: 'TOO_MANY_REQUESTS',
					message: 'Too many requests. Retry later.',
				},
				{ 'retry-after': String(fault.retryAfterSeconds ?? 1), ...correlation() },
			);
			return 429;
		case 'malformed': {
			// Claims JSON, delivers a truncated document: the nastiest case for a client parser.
			const text = '{"submitTimeUtc":"' + submitTimeUtc(now) + '","status":"CREA';
			res.writeHead(200, {
				'content-type': 'application/json;charset=utf-8',
				'content-length': Buffer.byteLength(text),
			});
			res.end(text);
			return 200;
		}
		case 'reset':
			res.socket?.destroy();
			return 0;
		case 'hang':
		default:
			return 0; // never answered; close() destroys the socket
	}
}
