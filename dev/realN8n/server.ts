/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * `n8n start` on loopback: the settings that make it reachable there, starting it until its REST
 * API answers (with the owner account set up), and stopping it. The demo, the browser test, the
 * trigger e2e and the AI-agent e2e all start n8n this way.
 */
import type { ChildProcess } from 'node:child_process';

import { spawnN8n } from './runtime';

export const OWNER = {
	email: 'demo@example.com',
	password: 'Demo-Passw0rd!',
	firstName: 'Demo',
	lastName: 'User',
};

/** Listens on 127.0.0.1:`port` and names itself there, so the sandbox can deliver webhooks to it. */
export function loopbackServerEnv(port: number, brokerPort: number): Record<string, string> {
	const url = `http://127.0.0.1:${port}`;
	return {
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_SECURE_COOKIE: 'false',
		N8N_EDITOR_BASE_URL: url,
		WEBHOOK_URL: `${url}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
	};
}

export interface N8nServer {
	url: string;
	process: ChildProcess;
	/** What GET /rest/settings answered once n8n was up. */
	settings: Record<string, unknown>;
	stop(): Promise<void>;
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** /healthz answers before the REST API exists; /rest/settings means the UI can log in. */
async function waitForSettings(url: string, child: ChildProcess): Promise<Record<string, unknown>> {
	for (let attempt = 0; attempt < 240; attempt++) {
		if (child.exitCode !== null) throw new Error(`n8n exited with code ${child.exitCode} while starting`);
		try {
			const response = await fetch(`${url}/rest/settings`);
			if (response.ok) return ((await response.json()) as { data: Record<string, unknown> }).data;
		} catch {
			// not listening yet
		}
		await sleep(500);
	}
	throw new Error('n8n did not start within 2 minutes');
}

/** n8n 2.8 has no env-managed owner yet (N8N_INSTANCE_OWNER_* arrived in 2.40): use its setup API. */
async function setUpOwner(url: string, settings: Record<string, unknown>): Promise<void> {
	const userManagement = settings.userManagement as { showSetupOnFirstLoad?: boolean } | undefined;
	if (!userManagement?.showSetupOnFirstLoad) return;
	const response = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	if (!response.ok) throw new Error(`owner setup failed: ${response.status} ${await response.text()}`);
}

/** Starts `n8n start` with `env` (see loopbackServerEnv) and returns once it can be used. */
export async function startN8nServer(env: NodeJS.ProcessEnv, stdio: 'inherit' | 'ignore'): Promise<N8nServer> {
	const url = `http://127.0.0.1:${env.N8N_PORT}`;
	const child = spawnN8n(['start'], env, stdio);
	const stop = async () => {
		if (child.exitCode !== null) return;
		const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		child.kill('SIGTERM');
		const forced = setTimeout(() => child.kill('SIGKILL'), 15_000);
		await exited;
		clearTimeout(forced);
	};
	try {
		const settings = await waitForSettings(url, child);
		await setUpOwner(url, settings);
		return { url, process: child, settings, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
