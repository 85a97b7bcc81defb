/**
 * The real n8n the e2e suite and the demo run: installed on first use into e2e/runtime (its own
 * package.json and lockfile, never part of the node package), started headless per run.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Repository root (this file runs from .dev-dist/e2e). */
export const ROOT = path.resolve(__dirname, '..', '..');
export const RUNTIME_DIR = path.join(ROOT, 'e2e', 'runtime');
export const N8N_BIN = path.join(RUNTIME_DIR, 'node_modules', '.bin', 'n8n');
export const PACKAGE_NAME = 'n8n-nodes-cybersource-invoice';

export function n8nVersion(): string {
	const manifest = readFileSync(path.join(RUNTIME_DIR, 'node_modules', 'n8n', 'package.json'), 'utf8');
	return (JSON.parse(manifest) as { version: string }).version;
}

/** First run only: about 4 minutes and 2.3 GB on a 2-core machine. */
export function ensureRuntime(): void {
	const sqliteBinding = path.join(RUNTIME_DIR, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
	if (existsSync(N8N_BIN) && existsSync(sqliteBinding)) return;
	const started = Date.now();
	console.log('[e2e] installing the n8n runtime into e2e/runtime (first run only, a few minutes)…');
	// `npm install` (not `ci`): it follows the committed lockfile, but npm ci refuses that lockfile
	// because of optional platform packages of other systems it does not list.
	const install = spawnSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: RUNTIME_DIR,
		stdio: 'inherit',
	});
	if (install.status !== 0) throw new Error('installing the n8n runtime failed');
	// npm may skip dependency install scripts; n8n cannot start without the sqlite3 binding.
	if (!existsSync(sqliteBinding)) {
		const rebuild = spawnSync('npm', ['rebuild', 'sqlite3'], { cwd: RUNTIME_DIR, stdio: 'inherit' });
		if (rebuild.status !== 0) throw new Error('building sqlite3 for the n8n runtime failed');
	}
	console.log(`[e2e] n8n runtime installed in ${Math.round((Date.now() - started) / 1000)} s`);
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
		...extra,
	};
}

export interface CommandResult {
	status: number | null;
	output: string;
}

/** Runs an n8n CLI command (async, so an in-process sandbox keeps answering meanwhile). */
export function runN8n(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 180_000): Promise<CommandResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(N8N_BIN, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
		const chunks: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', reject);
		child.on('close', (status) => {
			clearTimeout(timer);
			resolve({ status, output: Buffer.concat(chunks).toString('utf8') });
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

/** `n8n execute --rawOutput` prints log lines, then the run as JSON from its first `{` line. */
export async function executeWorkflow(workflowId: string, env: NodeJS.ProcessEnv): Promise<ExecutionResult> {
	const result = await runN8n(['execute', `--id=${workflowId}`, '--rawOutput'], env);
	const start = result.output.search(/^\{/m);
	if (start < 0) throw new Error(`n8n execute ${workflowId} printed no result (exit ${result.status}):\n${result.output.slice(-4000)}`);
	const run = JSON.parse(result.output.slice(start)) as {
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
