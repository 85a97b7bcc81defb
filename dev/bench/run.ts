/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * `npm run bench`: the bulk-speed benchmark, in one process tree and one run. The sandbox runs in
 * a child process; every contender runs here, in interleaved rounds, and medians are printed with
 * the ratios the targets are about. Prints figures; asserts nothing.
 *
 *   BENCH_CREATES=1000 BENCH_ROUNDS=3 BENCH_LIST=50000 BENCH_LATENCY_MS=20 npm run bench
 *   (quick look: BENCH_CREATES=100 BENCH_ROUNDS=1 BENCH_LIST=5000 npm run bench;
 *   BENCH_ONLY=creates,list,signing,package runs only those sections;
 *   BENCH_SIGNING_ROUNDS is passed to the signing benchmark as its BENCH_ROUNDS)
 */
import './env';

import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { stopEngineTimers } from '../../test/harness/engine';
import { bodyMaker, floorCreates, nodeCreates, nodeReturnAll, rawCreates, rawReturnAll, sdkCreates, type Contender } from './contenders';
import { REPO_ROOT } from '../repoRoot';
import { startSandboxProcess, type SandboxProcess } from './sandboxProcess';

const CREATES = Number(process.env.BENCH_CREATES ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const LIST = Number(process.env.BENCH_LIST ?? 50_000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const ONLY = new Set((process.env.BENCH_ONLY ?? 'creates,list,signing,package').split(','));
const root = REPO_ROOT;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const line = (text = '') => process.stdout.write(`${text}\n`);
const verdict = (ok: boolean) => (ok ? '✔' : '✘');

function gc(): void {
	(globalThis as { gc?: () => void }).gc?.();
}

/** The node's create body, read from the sandbox's request log after one node create. */
async function nodeBody(sandbox: SandboxProcess): Promise<IDataObject> {
	await sandbox.reset(0);
	await nodeCreates(1)(sandbox, 1);
	const { requests } = (await sandbox.hook('GET', 'requests')) as { requests: Array<{ method: string; body: string }> };
	const post = requests.find((request) => request.method === 'POST');
	if (!post) throw new Error('the node sent no create');
	return JSON.parse(post.body) as IDataObject;
}

async function timeCreates(sandbox: SandboxProcess, contender: Contender, latencyMs: number): Promise<number> {
	await sandbox.reset(latencyMs);
	gc();
	const started = performance.now();
	await contender(sandbox, CREATES);
	return (performance.now() - started) / CREATES;
}

async function createsAt(sandbox: SandboxProcess, contenders: Record<string, Contender>, latencyMs: number) {
	const times: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
	// A short untimed run of each first, so that no contender pays for loading and JIT warm-up.
	for (const contender of Object.values(contenders)) {
		await sandbox.reset(0);
		await contender(sandbox, Math.min(50, CREATES));
	}
	for (let round = 0; round < ROUNDS; round++) {
		for (const [name, contender] of Object.entries(contenders)) times[name].push(await timeCreates(sandbox, contender, latencyMs));
	}
	const medians = Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));
	line(`\n${CREATES} creates, 3 line items, JWT shared secret, ${latencyMs ? `${latencyMs} ms sandbox latency` : 'loopback'} (median of ${ROUNDS}):`);
	for (const [name, ms] of Object.entries(medians)) line(`  ${name.padEnd(34)} ${ms.toFixed(3).padStart(8)} ms/create`);
	return medians;
}

async function createsSection(sandbox: SandboxProcess) {
	const body = bodyMaker(await nodeBody(sandbox));
	const contenders: Record<string, Contender> = {
		'node, Parallel Requests 1': nodeCreates(1),
		'node, Parallel Requests 8': nodeCreates(8),
		'n8n floor: bare node, same helper': floorCreates(body),
		'raw node:http, keep-alive': rawCreates(true, body),
		'raw node:http, no keep-alive': rawCreates(false, body),
		'cybersource-rest-client SDK': sdkCreates(body),
	};
	const loop = await createsAt(sandbox, contenders, 0);
	const far = await createsAt(sandbox, contenders, LATENCY_MS);
	const p1 = 'node, Parallel Requests 1';
	const p8 = 'node, Parallel Requests 8';
	const sdk = 'cybersource-rest-client SDK';
	const ratio = (a: number, b: number) => a / b;
	line('\nRatios:');
	const speedup = ratio(far[p1], far[p8]);
	const vsSdk = ratio(far[sdk], far[p8]);
	line(`  ${verdict(speedup >= 5)} at ${LATENCY_MS} ms: Parallel Requests 8 is ${speedup.toFixed(2)}× the node at 1 (target ≥ 5×)`);
	line(`  ${verdict(vsSdk >= 4)} at ${LATENCY_MS} ms: Parallel Requests 8 is ${vsSdk.toFixed(2)}× the SDK (target ≥ 4×)`);
	const vsRaw = ratio(loop[p1], loop['raw node:http, no keep-alive']);
	line(`  ${verdict(vsRaw <= 1.3)} loopback: Parallel Requests 1 costs ${vsRaw.toFixed(2)}× raw http without keep-alive (target ≤ 1.3×)`);
	line(`    loopback: node at 1 costs ${ratio(loop[p1], loop['raw node:http, keep-alive']).toFixed(2)}× raw http with keep-alive, the SDK ${ratio(loop[sdk], loop[p1]).toFixed(2)}× the node at 1`);
	const floor = loop['n8n floor: bare node, same helper'];
	line(`    loopback: the n8n floor costs ${ratio(floor, loop['raw node:http, no keep-alive']).toFixed(2)}× raw http without keep-alive; the node at 1 costs ${ratio(loop[p1], floor).toFixed(2)}× the floor`);
}

/** Runs `work` while sampling RSS; the peak growth over the post-gc baseline. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number; rssGrowth: number }> {
	gc();
	const cpu = process.cpuUsage();
	const baseline = process.memoryUsage.rss();
	let peak = baseline;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage.rss());
	}, 5);
	const started = performance.now();
	const value = await work();
	const ms = performance.now() - started;
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage.rss());
	const used = process.cpuUsage(cpu);
	return { value, ms, cpuMs: (used.user + used.system) / 1000, rssGrowth: peak - baseline };
}

async function returnAllSection(sandbox: SandboxProcess) {
	await sandbox.reset(0);
	await sandbox.hook('POST', 'seed', { count: LIST, status: 'SENT' });
	const runs = { node: [] as number[], raw: [] as number[], nodeCpu: [] as number[], rawCpu: [] as number[], rss: [] as number[], bytes: 0 };
	for (let round = 0; round < ROUNDS; round++) {
		const node = await withPeakRss(() => nodeReturnAll(sandbox, LIST));
		const raw = await withPeakRss(() => rawReturnAll(sandbox, LIST));
		runs.node.push(node.ms);
		runs.raw.push(raw.ms);
		runs.nodeCpu.push(node.cpuMs);
		runs.rawCpu.push(raw.cpuMs);
		runs.rss.push(node.rssGrowth);
		runs.bytes = Buffer.byteLength(JSON.stringify(node.value));
	}
	const ratio = median(runs.node) / median(runs.raw);
	const rss = median(runs.rss) / runs.bytes;
	line(`\nReturn All over ${LIST} invoices (median of ${ROUNDS}):`);
	line(`  node (Parallel Requests 4, default)  ${median(runs.node).toFixed(0).padStart(7)} ms`);
	line(`  raw sequential pages, keep-alive     ${median(runs.raw).toFixed(0).padStart(7)} ms`);
	line(`  ${verdict(ratio <= 0.7)} node / raw = ${ratio.toFixed(2)} (target ≤ 0.7)`);
	// The pages overlap with Cybersource's work, but parsing them is on this one thread: the
	// client's CPU time is the floor of the node's wall time.
	line(`    client CPU: node ${median(runs.nodeCpu).toFixed(0)} ms, raw ${median(runs.rawCpu).toFixed(0)} ms`);
	line(`  ${verdict(rss <= 5)} peak RSS growth ${(median(runs.rss) / 1e6).toFixed(1)} MB = ${rss.toFixed(2)}× the output JSON (${(runs.bytes / 1e6).toFixed(1)} MB; target ≤ 5×)`);
}

function coldLoadSection() {
	const script =
		"require('n8n-workflow');const t=performance.now();" +
		"require('./dist/nodes/CybersourceInvoice/CybersourceInvoice.node.js');require('./dist/credentials/CybersourceApi.credentials.js');" +
		'process.stdout.write(String(performance.now()-t))';
	const loads = Array.from({ length: 5 }, () => Number(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' })));
	const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], { cwd: root, encoding: 'utf8' })) as Array<{ size: number; entryCount: number }>;
	line('\nPackage:');
	line(`  cold load of node + credential (n8n-workflow already loaded): ${median(loads).toFixed(1)} ms (median of 5 fresh processes)`);
	line(`  ${verdict(packed.size <= 60 * 1024)} packed tarball ${(packed.size / 1024).toFixed(1)} kB, ${packed.entryCount} files (target ≤ 60 kB)`);
}

function signingSection() {
	line('\nSigning (dev/bench/signing.bench.ts):');
	const { BENCH_ROUNDS: _mine, BENCH_SIGNING_ROUNDS: rounds, ...env } = process.env;
	const run = spawnSync(process.execPath, [path.join(__dirname, 'signing.bench.js')], {
		stdio: 'inherit',
		env: rounds ? { ...env, BENCH_ROUNDS: rounds } : env,
	});
	if (run.status !== 0) line(`  the signing benchmark exited with ${run.status}`);
}

async function main() {
	line(`Bulk-speed benchmark: ${CREATES} creates, ${ROUNDS} rounds, Return All over ${LIST}; machine load counts, compare ratios`);
	const sandbox = await startSandboxProcess();
	try {
		if (ONLY.has('creates')) await createsSection(sandbox);
		if (ONLY.has('list')) await returnAllSection(sandbox);
	} finally {
		await sandbox.stop();
		stopEngineTimers();
	}
	if (ONLY.has('signing')) signingSection();
	if (ONLY.has('package')) coldLoadSection();
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack}\n`);
	process.exit(1);
});
