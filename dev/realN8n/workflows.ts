/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** The example workflows and the credential the e2e suite and the demo import into n8n. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { Sandbox } from '../sandbox';
import { PACKAGE_NAME, ROOT, runN8nOrThrow } from './runtime';

export const EXAMPLES_DIR = path.join(ROOT, 'examples');
export const CREDENTIAL_ID = 'csLocalSandbox01';
export const CREDENTIAL_NAME = 'Cybersource (local sandbox)';
/** Example 6: invoice paid (webhook trigger) → CRM. */
export const WEBHOOK_WORKFLOW = 'csExPaidToCrm001';

/** How n8n names the node: `CUSTOM.` prefix when loaded from N8N_CUSTOM_EXTENSIONS. */
export type LoadMode = 'custom' | 'community';

export function nodeTypePrefix(mode: LoadMode): string {
	return mode === 'custom' ? 'CUSTOM' : PACKAGE_NAME;
}

export interface ExampleWorkflow {
	file: string;
	id: string;
	name: string;
	json: { id: string; name: string; nodes: Array<{ type: string }> };
}

/**
 * Workflows saved with node version 1: copies of examples as they were before version 2, with
 * their own ids. The e2e imports and runs them next to the examples, so version 1 keeps being
 * proven in every n8n the suite runs.
 */
export const SAVED_V1_DIR = path.join(ROOT, 'dev', 'realN8n', 'savedV1');

function loadWorkflows(dir: string): ExampleWorkflow[] {
	return readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const json = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as ExampleWorkflow['json'];
			return { file, id: json.id, name: json.name, json };
		});
}

export function loadExamples(): ExampleWorkflow[] {
	return loadWorkflows(EXAMPLES_DIR);
}

export function loadSavedV1Workflows(): ExampleWorkflow[] {
	return loadWorkflows(SAVED_V1_DIR);
}

/** Writes the workflows, with node types as this n8n knows them, into one import file. */
export function writeWorkflowImport(target: string, mode: LoadMode, workflows: ExampleWorkflow[] = loadExamples()): string {
	const renamed = workflows.map(({ json }) => ({
		...json,
		nodes: json.nodes.map((node) => ({
			...node,
			type: node.type.replace(`${PACKAGE_NAME}.`, `${nodeTypePrefix(mode)}.`),
		})),
	}));
	writeFileSync(target, JSON.stringify(renamed));
	return target;
}

/** The "Cybersource API" credential's fields for the local sandbox (JWT with the shared secret). */
export function sandboxCredentialData(sandbox: Sandbox): Record<string, unknown> {
	return {
		environment: 'custom',
		baseUrl: sandbox.url,
		merchantId: sandbox.merchant.merchantId,
		authMode: 'jwtSharedSecret',
		accessKeyId: sandbox.merchant.keyId,
		sharedSecret: sandbox.merchant.sharedSecret,
		useMetaKey: false,
	};
}

/** That credential as an `n8n import:credentials` file. */
export function writeCredentialImport(target: string, sandbox: Sandbox): string {
	const credential = { id: CREDENTIAL_ID, name: CREDENTIAL_NAME, type: 'cybersourceApi', data: sandboxCredentialData(sandbox) };
	writeFileSync(target, JSON.stringify([credential]));
	return target;
}

/**
 * Imports the sandbox credential and every example into the n8n of `env` (imports upsert by id);
 * with `savedV1`, the version 1 workflows too.
 */
export async function importIntoN8n(
	env: NodeJS.ProcessEnv,
	workDir: string,
	sandbox: Sandbox,
	mode: LoadMode,
	{ savedV1 = false }: { savedV1?: boolean } = {},
): Promise<void> {
	const credentials = writeCredentialImport(path.join(workDir, 'credentials.json'), sandbox);
	await runN8nOrThrow(['import:credentials', `--input=${credentials}`], env);
	const list = savedV1 ? [...loadExamples(), ...loadSavedV1Workflows()] : loadExamples();
	const workflows = writeWorkflowImport(path.join(workDir, 'workflows.json'), mode, list);
	await runN8nOrThrow(['import:workflow', `--input=${workflows}`], env);
}
