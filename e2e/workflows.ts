/** The example workflows and the credential the e2e suite and the demo import into n8n. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { PACKAGE_NAME, ROOT } from './n8nRuntime';

export const EXAMPLES_DIR = path.join(ROOT, 'examples');
export const CREDENTIAL_ID = 'csLocalSandbox01';
export const CREDENTIAL_NAME = 'Cybersource (local sandbox)';

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

export function loadExamples(): ExampleWorkflow[] {
	return readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const json = JSON.parse(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as ExampleWorkflow['json'];
			return { file, id: json.id, name: json.name, json };
		});
}

/** Writes the examples, with node types as this n8n knows them, into one import file. */
export function writeWorkflowImport(target: string, mode: LoadMode): string {
	const workflows = loadExamples().map(({ json }) => ({
		...json,
		nodes: json.nodes.map((node) => ({
			...node,
			type: node.type.replace(`${PACKAGE_NAME}.`, `${nodeTypePrefix(mode)}.`),
		})),
	}));
	writeFileSync(target, JSON.stringify(workflows));
	return target;
}

export interface SandboxCredentialFields {
	baseUrl: string;
	merchantId: string;
	keyId: string;
	sharedSecret: string;
}

/** The "Cybersource API" credential pointing at the local sandbox (JWT with the shared secret). */
export function writeCredentialImport(target: string, sandbox: SandboxCredentialFields): string {
	writeFileSync(
		target,
		JSON.stringify([
			{
				id: CREDENTIAL_ID,
				name: CREDENTIAL_NAME,
				type: 'cybersourceApi',
				data: {
					environment: 'custom',
					baseUrl: sandbox.baseUrl,
					merchantId: sandbox.merchantId,
					authMode: 'jwtSharedSecret',
					accessKeyId: sandbox.keyId,
					sharedSecret: sandbox.sharedSecret,
					useMetaKey: false,
				},
			},
		]),
	);
	return target;
}
