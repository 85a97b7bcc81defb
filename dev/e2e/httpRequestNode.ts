/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * "Custom API Call" in a real n8n: n8n offers it in the node's Resource and Operation lists (it
 * does for a node whose credential has `authenticate`), and it is n8n's own HTTP Request node with
 * the "Cybersource API" credential. Here: 4.2 reads an invoice by its full sandbox URL, the newest
 * 4.x this n8n has (4.4 in n8n 2, 4.3 in n8n 1.123) POSTs a JSON body that creates one, and asked
 * for another origin is refused before anything is sent. The sandbox checks every signature and records its verdict.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { Sandbox } from '../sandbox';
import { executeWorkflow, MODULES, outputOf, runN8nOrThrow } from '../realN8n/runtime';
import { CREDENTIAL_ID, CREDENTIAL_NAME, nodeTypePrefix, type LoadMode } from '../realN8n/workflows';

const WORKFLOW_ID = 'csHttpRequest001';
const READ = 'Read invoice (HTTP Request 4.2)';
const CREATE = 'Create invoice (HTTP Request, newest 4.x)';
const ELSEWHERE = 'Another host (HTTP Request, newest 4.x)';

/** The newest HTTP Request version this n8n offers, as its node list would give a new node. */
export function newestHttpRequestVersion(): number {
	const source = readFileSync(path.join(MODULES, 'n8n-nodes-base', 'dist', 'nodes', 'HttpRequest', 'HttpRequest.node.js'), 'utf8');
	const match = /defaultVersion: ([\d.]+)/.exec(source);
	assert.ok(match, 'the HTTP Request node states its default version');
	return Number(match[1]);
}
/** Nothing listens there; the credential must refuse before trying. */
const OTHER_ORIGIN = 'http://127.0.0.1:9';

function httpRequest(name: string, typeVersion: number, x: number, parameters: Record<string, unknown>): Record<string, unknown> {
	return {
		id: name,
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion,
		position: [x, 0],
		parameters: { authentication: 'predefinedCredentialType', nodeCredentialType: 'cybersourceApi', options: {}, ...parameters },
		credentials: { cybersourceApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
	};
}

/** The create copies the invoice it read, so the POST's body is built by n8n from the GET's answer. */
const CREATE_BODY = `={
  "customerInformation": { "name": "{{ $json.customerInformation.name }}", "email": "{{ $json.customerInformation.email }}" },
  "invoiceInformation": { "description": "Copy of {{ $json.id }}", "dueDate": "{{ $now.plus(14, 'days').toISODate() }}" },
  "orderInformation": { "amountDetails": { "totalAmount": "12.50", "currency": "USD" } }
}`;

function workflow(sandboxUrl: string, invoiceId: string): object {
	const newest = newestHttpRequestVersion();
	const nodes = [
		{ id: 'h0', name: 'Run it', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		httpRequest(READ, 4.2, 240, { method: 'GET', url: `${sandboxUrl}/invoicing/v2/invoices/${invoiceId}` }),
		httpRequest(CREATE, newest, 480, { method: 'POST', url: `${sandboxUrl}/invoicing/v2/invoices`, sendBody: true, specifyBody: 'json', jsonBody: CREATE_BODY }),
		{ ...httpRequest(ELSEWHERE, newest, 720, { method: 'GET', url: `${OTHER_ORIGIN}/invoicing/v2/invoices` }), onError: 'continueRegularOutput' },
	];
	const next = (from: string, to: string) => ({ [from]: { main: [[{ node: to, type: 'main', index: 0 }]] } });
	return {
		id: WORKFLOW_ID,
		name: 'e2e: Custom API Call (HTTP Request node with the Cybersource API credential)',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes,
		connections: { ...next('Run it', READ), ...next(READ, CREATE), ...next(CREATE, ELSEWHERE) },
	};
}

/** `n8n export:nodes` (run by the caller into `nodesFile`) shows the option n8n adds for the node. */
export function assertCustomApiCallOffered(nodesFile: string, mode: LoadMode): void {
	type Exported = { name: string; version: number | number[]; properties: Array<{ name: string; options?: Array<{ value?: unknown }> }> };
	const exported = JSON.parse(readFileSync(nodesFile, 'utf8')) as Exported[];
	const latest = exported.find((type) => type.name === `${nodeTypePrefix(mode)}.cybersourceInvoice` && [type.version].flat().includes(2));
	assert.ok(latest, 'the node\'s version 2 is exported');
	for (const name of ['resource', 'operation']) {
		const lists = latest.properties.filter((property) => property.name === name);
		assert.ok(lists.length > 0 && lists.every((list) => list.options?.at(-1)?.value === '__CUSTOM_API_CALL__'), `every ${name} list ends with Custom API Call`);
	}
}

/** Imports and runs the workflow; the sandbox must have accepted both signed requests. */
export async function assertHttpRequestNodeSigned(sandbox: Sandbox, env: NodeJS.ProcessEnv, workDir: string): Promise<string> {
	const [invoiceId] = sandbox.seed(1);
	const file = path.join(workDir, 'http-request.json');
	writeFileSync(file, JSON.stringify([workflow(sandbox.url, invoiceId)]));
	await runN8nOrThrow(['import:workflow', `--input=${file}`], env);
	const since = sandbox.requests().at(-1)?.seq ?? 0;
	const result = await executeWorkflow(WORKFLOW_ID, env);
	assert.equal(result.status, 'success', `${result.error?.message ?? ''} ${result.error?.description ?? ''}`);

	assert.equal(outputOf(result, READ)[0]?.id, invoiceId);
	const createdId = String(outputOf(result, CREATE)[0]?.id);
	const stored = sandbox.getInvoice(createdId) as { invoiceInformation?: { description?: string } } | undefined;
	assert.equal(stored?.invoiceInformation?.description, `Copy of ${invoiceId}`);
	const refused = JSON.stringify(outputOf(result, ELSEWHERE));
	assert.ok(refused.includes(`goes to ${OTHER_ORIGIN}`) && refused.includes(`Environment / Base URL is ${sandbox.url}`), refused.slice(0, 1000));

	const seen = sandbox.requests({ since }).map((request) => `${request.method} ${request.path} ${request.status} ${request.verdict} ${request.headers.authorization?.startsWith('Bearer ') ? 'JWT' : 'unsigned'}`);
	assert.deepEqual(seen, [`GET /invoicing/v2/invoices/${invoiceId} 200 ok JWT`, 'POST /invoicing/v2/invoices 201 ok JWT']);
	return createdId;
}
