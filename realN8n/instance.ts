/**
 * A running n8n (`n8n start`) with the package loaded, the sandbox credential and the examples
 * imported, the form workflow published and an owner account set up. Used by the demo and the
 * browser test.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import type { Sandbox } from '../sandbox';
import { n8nEnv, runN8nOrThrow, spawnN8n, stageExtension } from './runtime';
import { importIntoN8n } from './workflows';

export const OWNER = {
	email: 'demo@example.com',
	password: 'Demo-Passw0rd!',
	firstName: 'Demo',
	lastName: 'User',
};

/** Published at start so its form is live at /form/<webhookId>. */
export const FORM_WORKFLOW_ID = 'csExFormTrigger1';
export const FORM_WEBHOOK_ID = '6f1c2a3e-0c51-4e0b-9a11-5cb3e1f0a001';

export interface InstanceOptions {
	/** Keeps n8n's database (workflows, executions, owner) between runs when it is persistent. */
	workDir: string;
	sandbox: Sandbox;
	port: number;
	/** n8n's task-runner broker port; must differ between instances running at once. */
	brokerPort: number;
	/** Where n8n's own output goes. */
	stdio: 'inherit' | 'ignore';
}

export interface N8nInstance {
	url: string;
	formUrl: string;
	process: ChildProcess;
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

export async function startInstance(options: InstanceOptions): Promise<N8nInstance> {
	const { workDir, sandbox, port } = options;
	mkdirSync(workDir, { recursive: true });
	const env = n8nEnv(path.join(workDir, 'home'), {
		N8N_CUSTOM_EXTENSIONS: stageExtension(path.join(workDir, 'ext')),
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_SECURE_COOKIE: 'false',
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}`,
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_RUNNERS_BROKER_PORT: String(options.brokerPort),
	});
	// Imports upsert by id, so running this again refreshes the credential and the examples.
	await importIntoN8n(env, workDir, sandbox, 'custom');
	await runN8nOrThrow(['publish:workflow', `--id=${FORM_WORKFLOW_ID}`], env);

	const child = spawnN8n(['start'], env, options.stdio);
	const url = `http://127.0.0.1:${port}`;
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
		const userManagement = settings.userManagement as { showSetupOnFirstLoad?: boolean } | undefined;
		// n8n 2.8 has no env-managed owner yet (N8N_INSTANCE_OWNER_* arrived in 2.40): use its setup API.
		if (userManagement?.showSetupOnFirstLoad) {
			const response = await fetch(`${url}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(OWNER),
			});
			if (!response.ok) throw new Error(`owner setup failed: ${response.status} ${await response.text()}`);
		}
	} catch (error) {
		await stop();
		throw error;
	}
	return { url, formUrl: `${url}/form/${FORM_WEBHOOK_ID}`, process: child, stop };
}
