/**
 * Simulated latency: every API answer waits the configured time (option, hook, CLI flag), hooks do
 * not, and reset() restores the start value.
 */

import type { Sandbox } from '../index';
import { parseArgs } from '../cli';
import { Latency } from '../http/latency';
import { Client, rawRequest } from '../client';
import { startQuiet } from './helpers';

const LIST = '/invoicing/v2/invoices?offset=0&limit=1';

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
	const started = performance.now();
	const value = await work();
	return { ms: performance.now() - started, value };
}

describe('sandbox latency', () => {
	let sandbox: Sandbox;
	const hook = (method: string, body?: unknown) =>
		rawRequest(sandbox.url, {
			method,
			path: '/__sandbox/latency',
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});

	beforeAll(async () => {
		sandbox = await startQuiet({ latencyMs: 60 });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	it('delays every API answer by the start option, success and failure alike', async () => {
		const signed = await timed(() => new Client(sandbox).get(LIST));
		const unsigned = await timed(() => rawRequest(sandbox.url, { method: 'GET', path: LIST }));
		expect(signed.value.status).toBe(200);
		expect(unsigned.value.status).toBe(401);
		expect(signed.ms).toBeGreaterThanOrEqual(55);
		expect(unsigned.ms).toBeGreaterThanOrEqual(55);
	});

	it('answers hooks at once', async () => {
		// With a minute of latency, a delayed hook would outlast the test's 30 s timeout.
		await hook('POST', { ms: 60_000 });
		expect((await hook('GET')).json).toEqual({ ms: 60_000, jitterMs: 0 });
	});

	it('overlaps the waits of concurrent requests, as a distant gateway does', async () => {
		// One after another, 8 answers of a second each take at least 8 s; overlapped, about one.
		await hook('POST', { ms: 1000 });
		const client = new Client(sandbox);
		const { ms, value } = await timed(() => Promise.all(Array.from({ length: 8 }, () => client.get(LIST))));
		expect(value.map((response) => response.status)).toEqual(Array(8).fill(200));
		expect(ms).toBeLessThan(8 * 1000);
	});

	it('changes through the hook (fixed plus jitter) and back to the start value on reset', async () => {
		expect((await hook('POST', { ms: 0, jitterMs: 40 })).json).toEqual({ ms: 0, jitterMs: 40 });
		expect(sandbox.latency()).toEqual({ ms: 0, jitterMs: 40 });
		expect((await new Client(sandbox).get(LIST)).status).toBe(200);
		sandbox.reset();
		expect(sandbox.latency()).toEqual({ ms: 60, jitterMs: 0 });
	});

	it('refuses a latency that is not a number of milliseconds', async () => {
		const answer = await hook('POST', { ms: -5 });
		expect(answer.status).toBe(400);
		expect(answer.json.error).toBe('latency ms must be a number of milliseconds from 0 to 60000');
		expect(sandbox.latency()).toEqual({ ms: 60, jitterMs: 0 });
	});

	it('is set from the command line', () => {
		expect(parseArgs(['--latency-ms', '20', '--latency-jitter-ms', '5'])).toEqual({ latencyMs: 20, latencyJitterMs: 5 });
		expect(() => parseArgs(['--latency-ms', 'fast'])).toThrow('--latency-ms is a number of milliseconds from 0 to 60000');
	});
});

describe('latency with jitter, on a fake clock', () => {
	afterEach(() => {
		jest.useRealTimers();
		jest.restoreAllMocks();
	});

	it.each([
		[0, 100],
		[0.5, 120],
		[0.975, 139],
	])('random %s gives a wait of %s ms (100 ms plus up to 40 ms jitter)', async (random, expected) => {
		jest.useFakeTimers();
		jest.spyOn(Math, 'random').mockReturnValue(random);
		let done = false;
		void new Latency({ ms: 100, jitterMs: 40 }).wait().then(() => (done = true));
		await jest.advanceTimersByTimeAsync(Math.ceil(expected) - 1);
		expect(done).toBe(false);
		await jest.advanceTimersByTimeAsync(1);
		expect(done).toBe(true);
	});
});
