/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * A running n8n (`n8n start`) with the package loaded, the sandbox credential and the examples
 * imported, the form workflow published and an owner account set up. Used by the demo and the
 * browser test.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import type { Sandbox } from '../sandbox';
import { n8nEnv, runN8nOrThrow, stageExtension } from './runtime';
import { loopbackServerEnv, startN8nServer } from './server';
import { importIntoN8n } from './workflows';

export { OWNER } from './server';

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

export async function startInstance(options: InstanceOptions): Promise<N8nInstance> {
	const { workDir, sandbox, port } = options;
	mkdirSync(workDir, { recursive: true });
	const env = n8nEnv(path.join(workDir, 'home'), {
		N8N_CUSTOM_EXTENSIONS: stageExtension(path.join(workDir, 'ext')),
		...loopbackServerEnv(port, options.brokerPort),
	});
	// Imports upsert by id, so running this again refreshes the credential and the examples.
	await importIntoN8n(env, workDir, sandbox, 'custom');
	await runN8nOrThrow(['publish:workflow', `--id=${FORM_WORKFLOW_ID}`], env);

	const server = await startN8nServer(env, options.stdio);
	return { url: server.url, formUrl: `${server.url}/form/${FORM_WEBHOOK_ID}`, process: server.process, stop: server.stop };
}
