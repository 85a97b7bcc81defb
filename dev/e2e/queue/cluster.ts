/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * n8n in queue mode the way a scaled-out install runs it: one main (editor, REST API, trigger
 * activation, queue recovery), two `n8n worker` processes that run every execution, and one
 * `n8n webhook` process that takes the production webhook calls and enqueues them. All share the
 * PostgreSQL database, redis and the encryption key; each has its own user folder with the package
 * installed in `.n8n/nodes`, as n8n's community-package install leaves it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { OWNER } from '../../realN8n/instance';
import { n8nEnv, NODE_BINARY, PACKAGE_NAME, ROOT, RUNTIME, runN8nOrThrow } from '../../realN8n/runtime';
import type { Postgres } from './services';

/** Every port this harness uses: 5900-5999, away from the other e2e suites. */
export const PORTS = {
	main: 5900,
	webhook: 5901,
	workerHealth: [5902, 5903],
	broker: { main: 5910, webhook: 5911, workers: [5912, 5913] },
	postgres: 5990,
	redis: 5991,
} as const;

export type Role = 'main' | 'webhook' | 'worker';

export interface N8nProcess {
	name: string;
	role: Role;
	readonly child: ChildProcess;
	/** Everything the process printed so far. */
	log(): string;
	/** Execution ids this process logged as started ("Worker started execution 12 (job 5)"). */
	startedExecutions(): string[];
	/** SIGKILL to the process group (n8n and its task runner), like a machine that dies. */
	crash(): Promise<void>;
	/** Starts it again after a crash, with the same settings. */
	restart(): Promise<void>;
	stop(): Promise<void>;
}

export interface QueueCluster {
	mainUrl: string;
	webhookUrl: string;
	main: N8nProcess;
	webhook: N8nProcess;
	workers: N8nProcess[];
	/** The env of the main, for one-off n8n CLI commands (import, publish). */
	env: NodeJS.ProcessEnv;
	/** Calls the main's REST API as the owner. */
	rest(method: string, route: string, body?: unknown): Promise<{ status: number; body: any }>;
	/** Starts a crashed worker again and waits until it is ready. */
	restartWorker(worker: N8nProcess): Promise<void>;
	/** Stops the main (SIGTERM) and starts it again, as an operator would; logs in again. */
	restartMain(): Promise<void>;
	stop(): Promise<void>;
}

const N8N_ENTRY = path.join(RUNTIME.dir, 'node_modules', 'n8n', 'bin', 'n8n');

/** `npm pack` once; the same tarball is unpacked into every process's nodes folder. */
export function packPackage(workDir: string): string {
	execFileSync('npm', ['pack', '--pack-destination', workDir, '--loglevel=error'], { cwd: ROOT, stdio: 'ignore' });
	const tarball = readdirSync(workDir).find((name) => name.endsWith('.tgz'));
	if (!tarball) throw new Error('npm pack produced no tarball');
	return path.join(workDir, tarball);
}

function installPackage(tarball: string, userFolder: string): void {
	const target = path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
	mkdirSync(target, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
}

/** What every process shares: database, redis, encryption key (hence the same instance id). */
function sharedEnv(userFolder: string, postgres: Postgres, extra: Record<string, string>): NodeJS.ProcessEnv {
	return n8nEnv(userFolder, {
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(PORTS.redis),
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		// Production webhook URLs (and the trigger's subscription) point at the webhook process.
		WEBHOOK_URL: `http://127.0.0.1:${PORTS.webhook}/`,
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${PORTS.main}`,
		N8N_LOG_LEVEL: 'info',
		// A dead worker's job is failed within seconds instead of after a minute. The main's queue
		// recovery keeps its 3-hour default: checked more often, it races with the webhook process
		// (an execution stored but not yet enqueued is marked crashed, and no worker runs it).
		QUEUE_WORKER_LOCK_DURATION: '6000',
		QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
		QUEUE_WORKER_STALLED_INTERVAL: '3000',
		...extra,
	});
}

function processEnv(workDir: string, name: string, tarball: string, postgres: Postgres, extra: Record<string, string>): NodeJS.ProcessEnv {
	const userFolder = path.join(workDir, name);
	installPackage(tarball, userFolder);
	return sharedEnv(userFolder, postgres, extra);
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function spawnProcess(name: string, role: Role, args: string[], env: NodeJS.ProcessEnv, logDir: string): N8nProcess {
	const chunks: string[] = [];
	// Own process group, so a crash takes n8n's task runner with it and nothing is left behind.
	const launch = () => {
		const file = createWriteStream(path.join(logDir, `${name}.log`), { flags: 'a' });
		const child = spawn(NODE_BINARY, [N8N_ENTRY, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		child.once('close', () => file.end());
		for (const stream of [child.stdout, child.stderr]) {
			stream?.on('data', (chunk: Buffer) => {
				chunks.push(chunk.toString('utf8'));
				file.write(chunk);
			});
		}
		return child;
	};
	let child = launch();
	const alive = () => child.exitCode === null && child.signalCode === null;
	const signal = (sig: NodeJS.Signals) => {
		try {
			if (child.pid) process.kill(-child.pid, sig);
		} catch {
			// already gone
		}
	};
	const exited = () => new Promise<void>((resolve) => (alive() ? child.once('exit', () => resolve()) : resolve()));
	// The log of every life of the process, so what a crashed worker did stays visible.
	const log = () => chunks.join('');
	return {
		name,
		role,
		get child() {
			return child;
		},
		log,
		startedExecutions: () => [...log().matchAll(/Worker started execution (\d+) /g)].map((match) => match[1]),
		async crash() {
			signal('SIGKILL');
			await exited();
		},
		async restart() {
			if (alive()) throw new Error(`${name} is still running`);
			await exited();
			chunks.push(`\n--- ${name} restarted ---\n`);
			child = launch();
		},
		async stop() {
			if (alive()) {
				const done = exited();
				signal('SIGTERM');
				const forced = setTimeout(() => signal('SIGKILL'), 20_000);
				await done;
				clearTimeout(forced);
			}
			signal('SIGKILL');
		},
	};
}

async function waitUntilUp(proc: N8nProcess, url: string): Promise<void> {
	for (let attempt = 0; attempt < 360; attempt++) {
		if (proc.child.exitCode !== null) {
			throw new Error(`${proc.name} exited with code ${proc.child.exitCode} while starting:\n${proc.log().slice(-3000)}`);
		}
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await sleep(500);
	}
	throw new Error(`${proc.name} did not answer ${url} within 3 minutes:\n${proc.log().slice(-3000)}`);
}

async function ownerSession(mainUrl: string): Promise<string> {
	const settings = (await (await fetch(`${mainUrl}/rest/settings`)).json()) as { data: { userManagement?: { showSetupOnFirstLoad?: boolean } } };
	const headers = { 'content-type': 'application/json', 'browser-id': 'queue-e2e' };
	if (settings.data.userManagement?.showSetupOnFirstLoad) {
		const setup = await fetch(`${mainUrl}/rest/owner/setup`, { method: 'POST', headers, body: JSON.stringify(OWNER) });
		if (!setup.ok) throw new Error(`owner setup failed: ${setup.status} ${await setup.text()}`);
	}
	const login = await fetch(`${mainUrl}/rest/login`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
	});
	if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
	const cookie = login.headers.getSetCookie().find((value) => value.startsWith('n8n-auth='));
	if (!cookie) throw new Error('login answered without an n8n-auth cookie');
	return cookie.split(';')[0];
}

export interface ClusterOptions {
	workDir: string;
	postgres: Postgres;
	/** Runs after the database exists and before any n8n process starts (imports, publishing). */
	prepare(env: NodeJS.ProcessEnv): Promise<void>;
}

/** Starts main, then the two workers and the webhook process; stops whatever started on failure. */
export async function startCluster({ workDir, postgres, prepare }: ClusterOptions): Promise<QueueCluster> {
	const logDir = path.join(workDir, 'logs');
	mkdirSync(logDir, { recursive: true });
	const packDir = mkdtempSync(path.join(tmpdir(), 'cs-queue-pack-'));
	const started: N8nProcess[] = [];
	const stop = async () => {
		await Promise.all(started.map((proc) => proc.stop()));
	};
	try {
		const tarball = packPackage(packDir);
		const mainEnv = processEnv(workDir, 'main', tarball, postgres, {
			N8N_PORT: String(PORTS.main),
			N8N_RUNNERS_BROKER_PORT: String(PORTS.broker.main),
			// Production webhooks are the webhook process's job; the main keeps the editor and test URLs.
			N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		});
		// The first CLI command runs the database migrations.
		await prepare(mainEnv);
		const mainUrl = `http://127.0.0.1:${PORTS.main}`;
		const main = spawnProcess('main', 'main', ['start'], mainEnv, logDir);
		started.push(main);
		await waitUntilUp(main, `${mainUrl}/rest/settings`);

		const workers = PORTS.workerHealth.map((healthPort, index) => {
			const env = processEnv(workDir, `worker-${index + 1}`, tarball, postgres, {
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(healthPort),
				N8N_RUNNERS_BROKER_PORT: String(PORTS.broker.workers[index]),
			});
			return spawnProcess(`worker-${index + 1}`, 'worker', ['worker', '--concurrency=10'], env, logDir);
		});
		started.push(...workers);
		const webhookEnv = processEnv(workDir, 'webhook', tarball, postgres, {
			N8N_PORT: String(PORTS.webhook),
			N8N_RUNNERS_BROKER_PORT: String(PORTS.broker.webhook),
		});
		const webhook = spawnProcess('webhook', 'webhook', ['webhook'], webhookEnv, logDir);
		started.push(webhook);
		const webhookUrl = `http://127.0.0.1:${PORTS.webhook}`;
		await Promise.all([
			...workers.map((worker, index) => waitUntilUp(worker, `http://127.0.0.1:${PORTS.workerHealth[index]}/healthz/readiness`)),
			waitUntilUp(webhook, `${webhookUrl}/healthz/readiness`),
		]);

		let cookie = await ownerSession(mainUrl);
		const rest = async (method: string, route: string, body?: unknown) => {
			const response = await fetch(`${mainUrl}/rest${route}`, {
				method,
				headers: { cookie, 'browser-id': 'queue-e2e', 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await response.text();
			return { status: response.status, body: text ? JSON.parse(text) : undefined };
		};
		const restartWorker = async (worker: N8nProcess) => {
			await worker.restart();
			await waitUntilUp(worker, `http://127.0.0.1:${PORTS.workerHealth[workers.indexOf(worker)]}/healthz/readiness`);
		};
		const restartMain = async () => {
			await main.stop();
			await main.restart();
			await waitUntilUp(main, `${mainUrl}/rest/settings`);
			cookie = await ownerSession(mainUrl);
		};
		return { mainUrl, webhookUrl, main, webhook, workers, env: mainEnv, rest, restartWorker, restartMain, stop };
	} catch (error) {
		await stop();
		throw error;
	} finally {
		rmSync(packDir, { recursive: true, force: true });
	}
}

/** `n8n import:workflow` of workflow objects, then `publish:workflow` for the ones to activate. */
export async function importWorkflows(env: NodeJS.ProcessEnv, file: string, workflows: object[], publish: string[]): Promise<void> {
	writeFileSync(file, JSON.stringify(workflows));
	await runN8nOrThrow(['import:workflow', `--input=${file}`], env);
	for (const id of publish) await runN8nOrThrow(['publish:workflow', `--id=${id}`], env);
}

/** The last lines of every process's log, for a failure report. */
export function tailLogs(cluster: Pick<QueueCluster, 'main' | 'webhook' | 'workers'>, lines = 25): string {
	return [cluster.main, cluster.webhook, ...cluster.workers]
		.map((proc) => `--- ${proc.name} ---\n${proc.log().split('\n').slice(-lines).join('\n')}`)
		.join('\n');
}
