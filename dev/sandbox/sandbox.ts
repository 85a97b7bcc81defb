/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** Assembles the sandbox: merchants, store, persistence, webhooks, faults, latency, request log and the HTTP dispatcher (http/dispatch.ts). */

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvoiceService } from './domain/invoices';
import {
	DEFAULT_MERCHANT_ID,
	DEFAULT_PORTFOLIO_ID,
	MerchantRegistry,
	completeMerchant,
	completeMetaKey,
} from './domain/merchants';
import { Persistence, Snapshot, Store, readSnapshot } from './domain/store';
import { SandboxClock } from './domain/time';
import { WebhookService } from './domain/webhooks';
import type { SandboxWebhooks } from './domain/webhooks/types';
import { createDispatcher } from './http/dispatch';
import { FaultQueue } from './http/faults';
import { Latency, type LatencySetting } from './http/latency';
import { RequestLog } from './http/requestLog';
import { TrackedServer, createTrackedServer } from './http/server';
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

/** The parts one sandbox is made of; `onChange` schedules a write of the data file. */
interface Parts {
	sandboxClock: SandboxClock;
	clock: () => number;
	registry: MerchantRegistry;
	merchants: SandboxMerchant[];
	metaKeys: SandboxMetaKey[];
	store: Store;
	persistence?: Persistence;
	onChange: () => void;
	invoices: InvoiceService;
	faults: FaultQueue;
	webhooks: WebhookService;
	latency: Latency;
	log: RequestLog;
	quiet: boolean;
}

async function buildParts(options: SandboxOptions): Promise<Parts> {
	const sandboxClock = new SandboxClock(options.now ?? Date.now, options.clockOffsetMs ?? 0);
	const clock = sandboxClock.now;
	const snapshot = options.dataFile ? readSnapshot(options.dataFile) : undefined;
	const { merchants, metaKeys } = await loadMerchants(options, snapshot);
	const store = new Store();
	if (snapshot) store.load(snapshot.state);
	const persistence = options.dataFile
		? new Persistence(options.dataFile, () => ({ version: 1, merchants, metaKeys, state: store.toJSON() }))
		: undefined;
	const onChange = (): void => persistence?.changed();
	return {
		sandboxClock,
		clock,
		registry: new MerchantRegistry(merchants, metaKeys),
		merchants,
		metaKeys,
		store,
		persistence,
		onChange,
		invoices: new InvoiceService(store, clock, options.amountsAs ?? 'number', onChange),
		faults: new FaultQueue(),
		webhooks: new WebhookService({
			store,
			now: clock,
			dataFile: options.dataFile && `${options.dataFile}.webhooks.json`,
			retryUnitMs: options.webhookRetryUnitMs,
			timeoutMs: options.webhookTimeoutMs,
			keyEncoding: options.webhookKeyEncoding,
		}),
		latency: new Latency({ ms: options.latencyMs ?? 0, jitterMs: options.latencyJitterMs ?? 0 }),
		log: new RequestLog(),
		quiet: options.quiet ?? false,
	};
}

/** The in-process API over the parts (`url` is filled in once the server listens). */
function sandboxApi(parts: Parts, close: () => Promise<void>): Sandbox {
	const { sandboxClock, store, invoices, faults, webhooks, latency, log } = parts;
	const merchantIdOf = (merchantId?: string): string => merchantId ?? DEFAULT_MERCHANT_ID;
	return {
		url: '',
		merchant: parts.registry.merchants.get(DEFAULT_MERCHANT_ID)!,
		merchants: parts.merchants,
		metaKeys: parts.metaKeys,
		close,
		reset: () => {
			store.reset();
			sandboxClock.reset();
			latency.reset();
			log.clear();
			faults.clear();
			webhooks.reset();
			parts.onChange();
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
}

/** Listens on the options' host and port (0: any free one); resolves to the base URL. */
async function listen(server: Server, options: SandboxOptions): Promise<string> {
	const host = options.host ?? '127.0.0.1';
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 8787, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.address() as AddressInfo;
	return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const parts = await buildParts(options);
	// Requests arrive only after listen(), by which time `handle` exists.
	const tracked: TrackedServer = createTrackedServer((req, res) => {
		handle(req, res).catch((error) => {
			res.destroy();
			if (!parts.quiet) process.stderr.write(`[sandbox] ${String(error)}\n`);
		});
	}, parts.clock);
	const sandbox = sandboxApi(parts, async () => {
		parts.webhooks.deliverer.close();
		await tracked.close();
		parts.persistence?.flush();
	});
	const handle = createDispatcher({ ...parts, hookTarget: sandbox });
	sandbox.url = await listen(tracked.server, options);
	// Write the merchants right away so a restart with the same data file accepts the same keys.
	if (parts.persistence) {
		parts.persistence.changed();
		parts.persistence.flush();
	}
	return sandbox;
}
