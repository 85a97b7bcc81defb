/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Test hooks under `/__sandbox/` (no Cybersource auth, loopback clients only): reset, payments,
 * review, seeding, request log, faults, latency, stored invoices and the default merchant's credentials.
 */

import { SandboxError } from '../domain/sandboxError';
import type { Sandbox } from '../sandbox';
import type { FaultSpec } from '../types';
import { handleWebhookHook } from './webhookHooks';

/** What the hooks may use: the whole in-process API except closing the sandbox. */
export type HookTarget = Omit<Sandbox, 'close'>;

export interface HookRequest {
	method: string;
	pathname: string;
	query: URLSearchParams;
	body: Buffer;
}

export interface HookAnswer {
	status: number;
	body: unknown;
}

function parseBody(body: Buffer): Record<string, unknown> {
	const text = body.toString('utf8').trim();
	if (!text) return {};
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new SandboxError(400, 'body is not JSON');
	}
	if (!value || typeof value !== 'object' || Array.isArray(value))
		throw new SandboxError(400, 'body must be a JSON object');
	return value as Record<string, unknown>;
}

function optionalString(value: unknown, name: string): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw new SandboxError(400, `${name} must be a string`);
	return value;
}

/** The offset, and the real time shifted by it (what the Date header shows unless `now` is injected). */
function clockState(target: HookTarget): { now: string; offsetSeconds: number } {
	return {
		now: new Date(Date.now() + target.clockOffsetMs()).toISOString(),
		offsetSeconds: target.clockOffsetMs() / 1000,
	};
}

/** One hook call: the sandbox, the JSON body, the merchant it names, the invoice id in the path. */
interface HookCall {
	target: HookTarget;
	body: Record<string, unknown>;
	merchantId: string | undefined;
	id: string;
	query: URLSearchParams;
}

const ok = (value: unknown, status = 200): HookAnswer => ({ status, body: value });
const done = (): HookAnswer => ok({ ok: true });

/** Rethrows a setter's complaint about its input as the hook's 400. */
function asBadRequest<T>(work: () => T): T {
	try {
		return work();
	} catch (error) {
		throw new SandboxError(400, (error as Error).message);
	}
}

function seed({ target, body, merchantId }: HookCall): HookAnswer {
	const template = body.template;
	if (template !== undefined && (typeof template !== 'object' || template === null)) {
		throw new SandboxError(400, 'template must be an object');
	}
	const ids = target.seed(Number(body.count), {
		merchantId,
		status: optionalString(body.status, 'status'),
		template: template as object | undefined,
	});
	return ok({ ids }, 201);
}

function requestLog({ target, query }: HookCall): HookAnswer {
	const since = query.get('since');
	if (since !== null && !/^\d+$/.test(since)) throw new SandboxError(400, 'since must be an integer');
	const filter = { since: since === null ? undefined : Number(since), pathIncludes: query.get('pathIncludes') ?? undefined };
	return ok({ requests: target.requests(filter) });
}

function setClock({ target, body }: HookCall): HookAnswer {
	const seconds = body.offsetSeconds;
	if (typeof seconds !== 'number' || !Number.isFinite(seconds))
		throw new SandboxError(400, 'offsetSeconds must be a number (negative: behind)');
	target.setClockOffset(seconds * 1000);
	return ok(clockState(target));
}

/** `<METHOD> <path after /__sandbox/>`, with an invoice id as `:id`. */
const HOOKS: Record<string, (call: HookCall) => HookAnswer> = {
	'POST reset': ({ target }) => {
		target.reset();
		return done();
	},
	'POST invoices/:id/payments': ({ target, body, merchantId, id }) =>
		ok(target.pay(id, { amount: body.amount as string | number | undefined, outcome: body.outcome as 'paid' | 'pending' | undefined, merchantId })),
	'POST invoices/:id/review': ({ target, body, merchantId, id }) =>
		ok(target.review(id, body.decision as 'accept' | 'reject', { merchantId })),
	'GET invoices/:id': ({ target, merchantId, id }) => {
		const invoice = target.getInvoice(id, merchantId);
		if (!invoice) throw new SandboxError(404, `invoice ${id} does not exist`);
		return ok(invoice);
	},
	'POST seed': seed,
	'GET requests': requestLog,
	'DELETE requests': ({ target }) => {
		target.clearRequests();
		return done();
	},
	'POST faults': ({ target, body }) => {
		asBadRequest(() => target.injectFault(body as unknown as FaultSpec));
		return ok({ faults: target.pendingFaults() }, 201);
	},
	'GET faults': ({ target }) => ok({ faults: target.pendingFaults() }),
	'DELETE faults': ({ target }) => {
		target.clearFaults();
		return done();
	},
	'GET merchant': ({ target }) =>
		ok({
			...target.merchant,
			baseUrl: target.url,
			metaKey: target.metaKeys.find((meta) => meta.merchantIds.includes(target.merchant.merchantId)),
		}),
	'GET clock': ({ target }) => ok(clockState(target)),
	'POST clock': setClock,
	'GET latency': ({ target }) => ok(target.latency()),
	'POST latency': ({ target, body }) => {
		asBadRequest(() => target.setLatency({ ms: body.ms as number | undefined, jitterMs: body.jitterMs as number | undefined }));
		return ok(target.latency());
	},
	'GET merchants': ({ target }) => ok({ merchants: target.merchants, metaKeys: target.metaKeys }),
};

export function handleHook(req: HookRequest, target: HookTarget): HookAnswer {
	const body = req.method === 'GET' || req.method === 'DELETE' ? {} : parseBody(req.body);
	const merchantId = req.query.get('merchantId') ?? optionalString(body.merchantId, 'merchantId');
	if (merchantId !== undefined && !target.merchants.some((merchant) => merchant.merchantId === merchantId)) {
		throw new SandboxError(404, `unknown merchant ${merchantId}`);
	}
	const parts = req.pathname.split('/').slice(2).map(decodeURIComponent); // after '/__sandbox'
	// 'invoices/123/payments' → 'invoices/:id/payments'
	const shape = parts.map((part, index) => (parts[0] === 'invoices' && index === 1 ? ':id' : part));
	const hook = HOOKS[`${req.method} ${shape.join('/')}`];
	if (hook) return hook({ target, body, merchantId, id: parts[1], query: req.query });
	const answer = handleWebhookHook(req.method, parts, body, merchantId, target.webhooks);
	if (answer) return answer;
	throw new SandboxError(404, `unknown sandbox hook ${req.method} ${req.pathname}`);
}
