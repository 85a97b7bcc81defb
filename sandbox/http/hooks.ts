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

export function handleHook(req: HookRequest, target: HookTarget): HookAnswer {
	const body = req.method === 'GET' || req.method === 'DELETE' ? {} : parseBody(req.body);
	const merchantId = req.query.get('merchantId') ?? optionalString(body.merchantId, 'merchantId');
	if (
		merchantId !== undefined &&
		!target.merchants.some((merchant) => merchant.merchantId === merchantId)
	) {
		throw new SandboxError(404, `unknown merchant ${merchantId}`);
	}
	const parts = req.pathname.split('/').slice(2).map(decodeURIComponent); // after '/__sandbox'
	// 'invoices/123/payments' → 'invoices/:id/payments'
	const shape = parts.map((part, index) => (parts[0] === 'invoices' && index === 1 ? ':id' : part));
	const route = `${req.method} ${shape.join('/')}`;
	const ok = (value: unknown, status = 200): HookAnswer => ({ status, body: value });

	switch (route) {
		case 'POST reset':
			target.reset();
			return ok({ ok: true });
		case 'POST invoices/:id/payments':
			return ok(
				target.pay(parts[1], {
					amount: body.amount as string | number | undefined,
					outcome: body.outcome as 'paid' | 'pending' | undefined,
					merchantId,
				}),
			);
		case 'POST invoices/:id/review':
			return ok(target.review(parts[1], body.decision as 'accept' | 'reject', { merchantId }));
		case 'GET invoices/:id': {
			const invoice = target.getInvoice(parts[1], merchantId);
			if (!invoice) throw new SandboxError(404, `invoice ${parts[1]} does not exist`);
			return ok(invoice);
		}
		case 'POST seed': {
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
		case 'GET requests': {
			const since = req.query.get('since');
			if (since !== null && !/^\d+$/.test(since))
				throw new SandboxError(400, 'since must be an integer');
			return ok({
				requests: target.requests({
					since: since === null ? undefined : Number(since),
					pathIncludes: req.query.get('pathIncludes') ?? undefined,
				}),
			});
		}
		case 'DELETE requests':
			target.clearRequests();
			return ok({ ok: true });
		case 'POST faults':
			try {
				target.injectFault(body as unknown as FaultSpec);
			} catch (error) {
				throw new SandboxError(400, (error as Error).message);
			}
			return ok({ faults: target.pendingFaults() }, 201);
		case 'GET faults':
			return ok({ faults: target.pendingFaults() });
		case 'DELETE faults':
			target.clearFaults();
			return ok({ ok: true });
		case 'GET merchant':
			return ok({
				...target.merchant,
				baseUrl: target.url,
				metaKey: target.metaKeys.find((meta) =>
					meta.merchantIds.includes(target.merchant.merchantId),
				),
			});
		case 'GET clock':
			return ok(clockState(target));
		case 'POST clock': {
			const seconds = body.offsetSeconds;
			if (typeof seconds !== 'number' || !Number.isFinite(seconds))
				throw new SandboxError(400, 'offsetSeconds must be a number (negative: behind)');
			target.setClockOffset(seconds * 1000);
			return ok(clockState(target));
		}
		case 'GET latency':
			return ok(target.latency());
		case 'POST latency':
			try {
				target.setLatency({ ms: body.ms as number | undefined, jitterMs: body.jitterMs as number | undefined });
			} catch (error) {
				throw new SandboxError(400, (error as Error).message);
			}
			return ok(target.latency());
		case 'GET merchants':
			return ok({ merchants: target.merchants, metaKeys: target.metaKeys });
		default: {
			const answer = handleWebhookHook(req.method, parts, body, merchantId, target.webhooks);
			if (answer) return answer;
			throw new SandboxError(404, `unknown sandbox hook ${req.method} ${req.pathname}`);
		}
	}
}
