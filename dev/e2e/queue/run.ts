/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The package in n8n's queue mode: PostgreSQL and redis started here on loopback, n8n as main, two
 * workers and a webhook process, the package installed in each one's nodes folder. Scenarios:
 * concurrent webhook calls spread over both workers; a worker killed in the middle of 300 creates;
 * the invoice triggers. Everything started is stopped at the end, also on failure.
 *
 *   npm run test:e2e:queue        (QUEUE_E2E_KEEP=1 keeps the temp folder with every process's log)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startSandbox, type Sandbox } from '../../sandbox';
import { ensureRuntime, n8nVersion, nodeVersion, runN8nOrThrow } from '../../realN8n/runtime';
import { importWorkflows, PORTS, startCluster, tailLogs, type QueueCluster } from './cluster';
import { runConcurrentScenario } from './concurrent';
import { runCrashScenario, type QueueServices } from './crash';
import { startPostgres, startRedis, type Service } from './services';
import { runTriggerScenario, triggerWorkflows } from './triggers';
import { PUBLISHED, queueWorkflows, writeCredentials } from './workflows';

interface Step {
	step: string;
	seconds: number;
	result: string;
}

const steps: Step[] = [];

async function timed<T>(step: string, work: () => Promise<T>, describe: (value: T) => string = () => ''): Promise<T> {
	const started = Date.now();
	const value = await work();
	steps.push({ step, seconds: (Date.now() - started) / 1000, result: describe(value) });
	console.log(`[queue] ✔ ${step} (${((Date.now() - started) / 1000).toFixed(1)} s) ${describe(value)}`);
	return value;
}

async function prepare(env: NodeJS.ProcessEnv, workDir: string, sandbox: Sandbox): Promise<void> {
	await runN8nOrThrow(['import:credentials', `--input=${writeCredentials(path.join(workDir, 'credentials.json'), sandbox)}`], env);
	await importWorkflows(env, path.join(workDir, 'workflows.json'), [...queueWorkflows(), ...triggerWorkflows()], PUBLISHED);
}

async function scenarios(services: QueueServices): Promise<void> {
	await timed('1. 40 concurrent webhook calls → 40 emailed invoices (P12, gateway clock +20 min)', () =>
		runConcurrentScenario(services.cluster, services.sandbox, services.postgres), (report) => JSON.stringify(report));
	for (const numbering of ['row id', 'assigned'] as const) {
		await timed(`2. 300 creates, worker killed mid-way, operator retry (${numbering} numbers)`, () =>
			runCrashScenario(services, numbering), (report) => JSON.stringify(report));
	}
	await timed('3. invoice triggers: webhook mode through the webhook process, polling on the main only', () =>
		runTriggerScenario(services.cluster, services.sandbox, services.postgres), (report) => JSON.stringify(report));
}

/** Stops whatever was started, in reverse order; also on Ctrl-C or a timeout's SIGTERM. */
function cleanupOnSignal(cleanup: () => Promise<void>): void {
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			console.error(`[queue] ${signal}: stopping n8n, redis and PostgreSQL`);
			void cleanup().finally(() => process.exit(130));
		});
	}
}

async function main(): Promise<void> {
	const started = Date.now();
	ensureRuntime();
	const workDir = mkdtempSync(path.join(tmpdir(), 'cs-queue-e2e-'));
	const services: Service[] = [];
	let cluster: QueueCluster | undefined;
	const sandbox = await startSandbox({ port: 0, quiet: true });
	let cleaned: Promise<void> | undefined;
	const cleanup = () =>
		(cleaned ??= (async () => {
			await cluster?.stop();
			for (const service of services.reverse()) await service.stop();
			await sandbox.close();
			if (process.env.QUEUE_E2E_KEEP) console.log(`[queue] logs kept in ${workDir}/logs`);
			else rmSync(workDir, { recursive: true, force: true });
		})());
	cleanupOnSignal(cleanup);
	try {
		const postgres = await timed('PostgreSQL cluster', () => startPostgres(workDir, PORTS.postgres), (pg) => pg.label);
		services.push(postgres);
		const redis = await timed('redis-server', () => startRedis(workDir, PORTS.redis), (server) => server.label);
		services.push(redis);
		cluster = await timed('n8n main + 2 workers + webhook process', () =>
			startCluster({ workDir, postgres, prepare: (env) => prepare(env, workDir, sandbox) }),
		);
		await scenarios({ cluster, sandbox, postgres, redis });
	} catch (error) {
		if (cluster) console.error(tailLogs(cluster));
		throw error;
	} finally {
		await cleanup();
	}
	console.log(`\n[queue] n8n ${n8nVersion()} on Node ${nodeVersion()} in queue mode: all passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	for (const step of steps) console.log(`  ${step.step.padEnd(90)} ${step.seconds.toFixed(1).padStart(6)} s`);
}

main().catch((error: unknown) => {
	console.error(`[queue] FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
	process.exit(1);
});
