/**
 * Shared pieces of the idempotency tests: a fault proxy in front of the sandbox, a fast transport
 * (short timeout, short waits) and counters of what the sandbox really stores.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { DEFAULT_TUNING } from '../../nodes/shared/transport';
import { startFaultProxy, type FaultProxy } from '../harness/faultProxy';
import { sandboxCredentials, type Sandbox } from '../harness/sandbox';
import { runNode, type RunOptions, type RunResult } from '../harness/engine';
import { runOk } from './helpers';

/** Shortens the node's timeout and waits for this test file; restores them afterwards. */
export function useFastTransport(): void {
	const saved = { ...DEFAULT_TUNING };
	beforeAll(() => Object.assign(DEFAULT_TUNING, { timeoutMs: 2500, baseDelayMs: 20, maxTotalWaitMs: 3000, maxReadWaitMs: 3000 }));
	afterAll(() => Object.assign(DEFAULT_TUNING, saved));
}

/** A fault proxy in front of the file's sandbox. */
export function useFaultProxy(sandbox: () => Sandbox): () => FaultProxy {
	let proxy: FaultProxy | undefined;
	beforeAll(async () => {
		proxy = await startFaultProxy(sandbox().url);
	});
	afterAll(async () => await proxy?.close());
	return () => {
		if (!proxy) throw new Error('proxy not started');
		return proxy;
	};
}

/** Runs the node with a credential whose Base URL is the proxy. */
export async function runThrough(
	sandbox: Sandbox,
	proxy: FaultProxy,
	options: Omit<RunOptions, 'credentials'>,
): Promise<RunResult> {
	return await runNode({ ...options, credentials: { ...sandboxCredentials(sandbox), baseUrl: proxy.url } });
}

/** Every invoice the sandbox holds, read through the node's Get Many. */
export async function storedInvoices(sandbox: Sandbox): Promise<IDataObject[]> {
	const params: INodeParameters = { resource: 'invoice', operation: 'getAll', returnAll: true };
	const result = await runOk(sandbox, { parameters: params });
	return result.json;
}

/** `METHOD path status` of the API requests, for asserting what was sent and how often. */
export function calls(sandbox: Sandbox): string[] {
	return sandbox.requests().map((request) => `${request.method} ${request.path} ${request.status}`);
}

/** n8n's Retry On Fail with three tries and almost no wait between them. */
export const RETRY_3 = { retryOnFail: true, maxTries: 3, waitBetweenTries: 10 };
