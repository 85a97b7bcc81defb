/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Sandbox throughput and memory. The sandbox runs on the main thread; the load generator runs in
 * a worker thread (its own event loop and core) with an independent signer, a keep-alive agent
 * and a few concurrent connections. Prints a table; asserts nothing.
 *
 *   npm run bench:sandbox            (BENCH_SECONDS=5 BENCH_CONNECTIONS=8 by default)
 */

import { createHash, createHmac, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { startSandbox } from '../sandbox';

interface Scenario {
	name: string;
	method: 'GET' | 'POST';
	/** Path per request (may vary). */
	paths: string[];
	body?: string;
	auth: 'httpSignature' | 'jwtHS256';
}

interface LoadInput {
	url: string;
	merchantId: string;
	keyId: string;
	secret: string;
	seconds: number;
	connections: number;
	scenario: Scenario;
}

interface LoadResult {
	requests: number;
	errors: number;
	statuses: Record<string, number>;
	seconds: number;
	p50: number;
	p99: number;
}

// ---- worker: independent signer + load loop ---------------------------------------------------

function signHeaders(
	input: LoadInput,
	method: string,
	path: string,
	body: string | undefined,
	host: string,
): Record<string, string> {
	const secret = Buffer.from(input.secret, 'base64');
	if (input.scenario.auth === 'jwtHS256') {
		const now = Math.floor(Date.now() / 1000);
		const claims: Record<string, unknown> = {};
		if (body !== undefined) {
			claims.digest = createHash('sha256').update(body).digest('base64');
			claims['digest-algorithm'] = 'SHA-256';
		}
		Object.assign(claims, {
			iat: now,
			exp: now + 120,
			'request-host': host,
			'request-resource-path': path,
			'request-method': method.toLowerCase(),
			iss: input.merchantId,
			jti: randomUUID(),
			'v-c-jwt-version': '2',
			'v-c-merchant-id': input.merchantId,
		});
		const head = Buffer.from(
			JSON.stringify({ typ: 'JWT', alg: 'HS256', kid: input.keyId }),
		).toString('base64url');
		const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
		const signature = createHmac('sha256', secret).update(`${head}.${payload}`).digest('base64url');
		return {
			authorization: `Bearer ${head}.${payload}.${signature}`,
			'content-type': 'application/json',
		};
	}
	const date = new Date().toUTCString();
	const headers: Record<string, string> = { host, date, 'v-c-merchant-id': input.merchantId };
	const lines = [
		`host: ${host}`,
		`date: ${date}`,
		`request-target: ${method.toLowerCase()} ${path}`,
	];
	let names = 'host date request-target v-c-merchant-id';
	if (body !== undefined) {
		headers.digest = `SHA-256=${createHash('sha256').update(body).digest('base64')}`;
		headers['content-type'] = 'application/json;charset=utf-8';
		lines.push(`digest: ${headers.digest}`);
		names = 'host date request-target digest v-c-merchant-id';
	}
	lines.push(`v-c-merchant-id: ${input.merchantId}`);
	const signature = createHmac('sha256', secret).update(lines.join('\n')).digest('base64');
	headers.signature = `keyid="${input.keyId}", algorithm="HmacSHA256", headers="${names}", signature="${signature}"`;
	return headers;
}

async function runLoad(input: LoadInput): Promise<LoadResult> {
	const url = new URL(input.url);
	const agent = new Agent({ keepAlive: true, maxSockets: input.connections });
	const { scenario } = input;
	const latencies: number[] = [];
	const statuses: Record<string, number> = {};
	let requests = 0;
	let errors = 0;
	let index = 0;
	const deadline = performance.now() + input.seconds * 1000;
	const one = (): Promise<void> =>
		new Promise((resolve) => {
			const path = scenario.paths[index++ % scenario.paths.length];
			const headers = signHeaders(input, scenario.method, path, scenario.body, url.host);
			const started = performance.now();
			const req = request(
				{ host: url.hostname, port: url.port, method: scenario.method, path, headers, agent },
				(res) => {
					res.resume();
					res.on('end', () => {
						latencies.push(performance.now() - started);
						statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
						requests++;
						resolve();
					});
				},
			);
			req.on('error', () => {
				errors++;
				resolve();
			});
			req.end(scenario.body);
		});
	const started = performance.now();
	await Promise.all(
		Array.from({ length: input.connections }, async () => {
			while (performance.now() < deadline) await one();
		}),
	);
	const seconds = (performance.now() - started) / 1000;
	agent.destroy();
	latencies.sort((a, b) => a - b);
	const pick = (q: number) =>
		latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0;
	return { requests, errors, statuses, seconds, p50: pick(0.5), p99: pick(0.99) };
}

// ---- main: sandbox + table --------------------------------------------------------------------

function inWorker(input: LoadInput): Promise<LoadResult> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(__filename, { workerData: input });
		worker.once('message', resolve);
		worker.once('error', reject);
	});
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function memory(): { rss: number; heapUsed: number } {
	(globalThis as { gc?: () => void }).gc?.();
	const { rss, heapUsed } = process.memoryUsage();
	return { rss, heapUsed };
}

async function main(): Promise<void> {
	const seconds = Number(process.env.BENCH_SECONDS ?? 5);
	const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);

	// Memory first, in a clean process state.
	const before = memory();
	const memSandbox = await startSandbox({ port: 0, quiet: true });
	const afterStart = memory();
	const seedStarted = performance.now();
	memSandbox.seed(50000, { status: 'SENT' });
	const seedMs = performance.now() - seedStarted;
	const afterSeed = memory();
	await memSandbox.close();

	const sandbox = await startSandbox({ port: 0, quiet: true });
	const ids = sandbox.seed(1000, { status: 'SENT' });
	const base = {
		url: sandbox.url,
		merchantId: sandbox.merchant.merchantId,
		keyId: sandbox.merchant.keyId,
		secret: sandbox.merchant.sharedSecret,
		seconds,
		connections,
	};
	const createBody = JSON.stringify({
		customerInformation: { name: 'Bench Customer', email: 'bench@example.com' },
		invoiceInformation: {
			description: 'Benchmark invoice',
			dueDate: '2030-12-31',
			deliveryMode: 'email',
		},
		orderInformation: {
			amountDetails: { totalAmount: '100.00', currency: 'USD' },
			lineItems: Array.from({ length: 5 }, (_, i) => ({
				productName: `Item ${i}`,
				quantity: 2,
				unitPrice: '10.00',
				totalAmount: '20.00',
			})),
		},
	});
	const scenarios: Scenario[] = [
		{
			name: 'signed get (HTTP Signature)',
			method: 'GET',
			paths: ids.map((id) => `/invoicing/v2/invoices/${id}`),
			auth: 'httpSignature',
		},
		{
			name: 'signed get (JWT HS256)',
			method: 'GET',
			paths: ids.map((id) => `/invoicing/v2/invoices/${id}`),
			auth: 'jwtHS256',
		},
		{
			name: 'signed create (HTTP Signature)',
			method: 'POST',
			paths: ['/invoicing/v2/invoices'],
			body: createBody,
			auth: 'httpSignature',
		},
		{
			name: 'signed list limit=50 (HTTP Sig.)',
			method: 'GET',
			paths: ['/invoicing/v2/invoices?offset=0&limit=50'],
			auth: 'httpSignature',
		},
	];
	const rows: string[][] = [];
	for (const scenario of scenarios) {
		const result = await inWorker({ ...base, scenario });
		const ok = Object.entries(result.statuses)
			.map(([status, count]) => `${status}×${count}`)
			.join(' ');
		rows.push([
			scenario.name,
			(result.requests / result.seconds).toFixed(0),
			result.p50.toFixed(2),
			result.p99.toFixed(2),
			`${ok}${result.errors ? ` err×${result.errors}` : ''}`,
		]);
	}
	const afterLoad = memory();
	const stored = sandbox.requests().length;
	await sandbox.close();

	const widths = [34, 8, 9, 9, 20];
	const row = (cells: string[]) =>
		cells
			.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
			.join('  ');
	process.stdout.write(
		`\nSandbox throughput: ${seconds} s per scenario, ${connections} keep-alive connections, load in a worker thread\n\n` +
			`${row(['scenario', 'req/s', 'p50 ms', 'p99 ms', 'statuses'])}\n` +
			`${rows.map(row).join('\n')}\n\n` +
			`Memory (${(globalThis as { gc?: unknown }).gc ? 'after gc' : 'run with --expose-gc for post-gc figures'}):\n` +
			`  before start        rss ${mb(before.rss)}, heapUsed ${mb(before.heapUsed)}\n` +
			`  sandbox started     rss ${mb(afterStart.rss)}, heapUsed ${mb(afterStart.heapUsed)}\n` +
			`  + 50,000 seeded     rss ${mb(afterSeed.rss)}, heapUsed ${mb(afterSeed.heapUsed)}  (seeding took ${seedMs.toFixed(0)} ms)\n` +
			`  after load runs     rss ${mb(afterLoad.rss)}, heapUsed ${mb(afterLoad.heapUsed)}  (request log holds ${stored} entries)\n`,
	);
}

if (isMainThread) {
	main().catch((error) => {
		process.stderr.write(`${(error as Error).stack}\n`);
		process.exit(1);
	});
} else {
	runLoad(workerData as LoadInput).then((result) => parentPort!.postMessage(result));
}
