/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The request dispatcher: hooks for loopback clients, then for the Cybersource API the simulated
 * latency, the request log, armed transport faults, authentication and the routes, in that order.
 */

import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { authenticate } from '../auth';
import { AUTH_FAILED_BODY, ApiError, serverErrorBody } from '../domain/errors';
import type { InvoiceService } from '../domain/invoices';
import { isLoopbackAddress } from '../domain/loopback';
import type { MerchantRegistry } from '../domain/merchants';
import { SandboxError } from '../domain/sandboxError';
import type { Store } from '../domain/store';
import type { WebhookService } from '../domain/webhooks';
import { applyFault, correlation } from './faultAnswer';
import type { FaultQueue } from './faults';
import { handleHook, type HookTarget } from './hooks';
import type { Latency } from './latency';
import type { RequestLog } from './requestLog';
import { routeApi } from './routes';
import { BodyTooLarge, readBody, sendJson } from './server';

/** Everything the dispatcher answers from; built once by startSandbox. */
export interface DispatchContext {
	hookTarget: HookTarget;
	registry: MerchantRegistry;
	invoices: InvoiceService;
	store: Store;
	webhooks: WebhookService;
	faults: FaultQueue;
	latency: Latency;
	log: RequestLog;
	clock: () => number;
	quiet: boolean;
	onChange: () => void;
}

interface ReceivedRequest {
	req: IncomingMessage;
	method: string;
	rawPath: string;
	pathname: string;
	query: URLSearchParams;
	body: Buffer;
}

export function createDispatcher(ctx: DispatchContext) {
	return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		const received = await receive(req, res);
		if (!received) return;
		if (received.pathname === '/__sandbox' || received.pathname.startsWith('/__sandbox/')) {
			answerHook(received, res, ctx.hookTarget);
			return;
		}
		await answerApi(received, res, ctx);
	};
}

/** Reads the whole body; a body over the limit gets a 413, a broken stream is dropped (undefined). */
async function receive(req: IncomingMessage, res: ServerResponse): Promise<ReceivedRequest | undefined> {
	const rawPath = rawTarget(req.url);
	const queryIndex = rawPath.indexOf('?');
	try {
		return {
			req,
			method: (req.method ?? 'GET').toUpperCase(),
			rawPath,
			pathname: queryIndex < 0 ? rawPath : rawPath.slice(0, queryIndex),
			query: new URLSearchParams(queryIndex < 0 ? '' : rawPath.slice(queryIndex + 1)),
			body: await readBody(req),
		};
	} catch (error) {
		if (error instanceof BodyTooLarge)
			sendJson(res, 413, { message: 'Request body too large.' }, { connection: 'close' });
		else res.destroy();
		return undefined;
	}
}

function answerHook(received: ReceivedRequest, res: ServerResponse, target: HookTarget): void {
	if (!isLoopbackAddress(received.req.socket.remoteAddress)) {
		sendJson(res, 403, { error: 'sandbox hooks only answer loopback clients' });
		return;
	}
	try {
		const answer = handleHook(received, target);
		sendJson(res, answer.status, answer.body);
	} catch (error) {
		const status = error instanceof SandboxError ? error.status : 400;
		sendJson(res, status, { error: (error as Error).message });
	}
}

async function answerApi(received: ReceivedRequest, res: ServerResponse, ctx: DispatchContext): Promise<void> {
	const { req, method, rawPath, pathname, query, body } = received;
	// The simulated round trip comes first, so state changes and timestamps follow it.
	await ctx.latency.wait();
	const now = ctx.clock();
	const entry = ctx.log.add({
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
		if (!ctx.quiet) process.stdout.write(`[sandbox] ${method} ${rawPath} -> ${status || '-'} ${verdict}\n`);
	};

	const fault = ctx.faults.take(method, rawPath, 'transport');
	if (fault) {
		finish(applyFault(fault, res, now), `fault:${fault.kind}`);
		return;
	}
	const auth = authenticate({ method, rawPath, headers: req.headers, body, now }, ctx.registry);
	entry.authMode = auth.mode;
	entry.merchantId = auth.merchantId;
	if (!auth.ok) {
		sendJson(res, 401, AUTH_FAILED_BODY, correlation());
		finish(401, auth.verdict);
		return;
	}
	const merchantId = auth.merchantId;
	try {
		const answer = ctx.webhooks.watch(merchantId, invoiceIdOf(pathname), () =>
			routeApi(
				{ method, pathname, query, body, merchantId, now },
				{
					invoices: ctx.invoices,
					store: ctx.store,
					webhooks: ctx.webhooks,
					onChange: ctx.onChange,
					emailFails: () => ctx.faults.take(method, rawPath, 'email') !== undefined,
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
