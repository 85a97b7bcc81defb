/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The webhook trigger behind a small loopback server that plays n8n's webhook endpoint the way
 * n8n 2.8.4 does it (packages/cli live-webhooks.ts and webhook-helpers.ts):
 * - each call builds the workflow from the static data as stored (n8n reads the database row when
 *   the call arrives), runs the node's `webhook` in n8n-core's WebhookContext and, when the node
 *   changed its static data, writes the WHOLE object back after the call (last writer wins);
 * - a node that throws: 500, an error execution, and no write;
 * - `noWebhookResponse`: the node answered itself, and n8n writes the static data right away (before
 *   it starts the execution); otherwise the answer is `webhookResponse`, or, when the workflow starts
 *   ("onReceived"), the webhook's `responseData` evaluated with the default 'firstEntryJson', falling
 *   back to `webhookResponse`, then {message: 'Workflow was started'}; n8n answers and writes only
 *   after preparing the execution, and n8n 2.40 prepares it with a second Workflow over the same
 *   loaded static data, which clears the "changed" flag: the node's changes are then not written.
 * Activation (checkExists / create / delete) runs in HookContext and writes static data back too.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { HookContext, WebhookContext } from 'n8n-core';
import { Workflow, type IDataObject, type INode, type IWebhookData, type IWebhookResponseData, type WebhookType } from 'n8n-workflow';

import { CybersourceInvoiceTrigger } from '../../nodes/CybersourceInvoiceTrigger/CybersourceInvoiceTrigger.node';
import type { CybersourceInvoiceTriggerV1 } from '../../nodes/CybersourceInvoiceTrigger/v1/CybersourceInvoiceTriggerV1';
import { forgetTriggerMemory } from '../../nodes/CybersourceInvoiceTrigger/helpers/triggerMemory';
import { forgetCredentialMemory } from '../../credentials/signing/credentialMemory';
import { additionalData, buildWorkflow, WEBHOOK_ID, type TriggerSetup } from './context';

export interface Delivery {
	status: number;
	body: unknown;
	/** The items the workflow was started with, when it was. */
	started?: IDataObject[];
}

export interface WebhookTrigger {
	url: string;
	/** Workflows started, one entry per run (its items). */
	runs: IDataObject[][];
	/** Error executions n8n started because the node threw. */
	errorRuns: string[];
	/** Every request n8n's endpoint answered. */
	answers: Delivery[];
	/** The workflow's static data as n8n's database holds it (JSON). */
	stored(): IDataObject;
	/**
	 * The next `count` webhook calls that changed static data wait, as calls that arrived together
	 * do, and then write it back in the worst order: the first call to finish writes last.
	 */
	holdWrites(count: number): void;
	hook(method: 'checkExists' | 'create' | 'delete'): Promise<boolean>;
	/** Activation as n8n does it: create only when checkExists says there is nothing. */
	activate(): Promise<void>;
	close(): Promise<void>;
}

function readRequest(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/** Enough of Express's request/response for the node (n8n keeps the raw body on `rawBody`). */
function expressLike(req: IncomingMessage, raw: Buffer, res: ServerResponse): { request: IDataObject; response: { statusCode: number } } {
	const url = new URL(req.url ?? '/', 'http://localhost');
	let body: unknown = {};
	try {
		body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
	} catch {
		body = {};
	}
	const response = {
		statusCode: 200,
		status(code: number) {
			response.statusCode = code;
			return response;
		},
		json(value: unknown) {
			res.writeHead(response.statusCode, { 'content-type': 'application/json' });
			res.end(JSON.stringify(value));
		},
	};
	return {
		request: { method: req.method, headers: req.headers, query: Object.fromEntries(url.searchParams), body, rawBody: raw, params: {} } as unknown as IDataObject,
		response,
	};
}

/** n8n's database row for the workflow's static data, and its writes (held on request). */
class StaticDataRow {
	private text: string;
	private held: { count: number; waiting: Array<{ staticData: IDataObject; done: () => void }> } = { count: 0, waiting: [] };

	constructor(initial: IDataObject | undefined) {
		this.text = JSON.stringify(initial ?? {});
	}

	read(): IDataObject {
		return JSON.parse(this.text) as IDataObject;
	}

	hold(count: number): void {
		this.held = { count, waiting: [] };
	}

	/** n8n's `saveStaticData`: only when the call changed something; the whole object, serialised now. */
	async write(workflow: Workflow): Promise<void> {
		if (workflow.staticData.__dataChanged !== true) return;
		if (this.held.waiting.length >= this.held.count) {
			this.text = JSON.stringify(workflow.staticData);
			return;
		}
		await new Promise<void>((done) => {
			this.held.waiting.push({ staticData: workflow.staticData, done });
			if (this.held.waiting.length < this.held.count) return;
			for (const call of [...this.held.waiting].reverse()) {
				this.text = JSON.stringify(call.staticData);
				call.done();
			}
			this.held = { count: 0, waiting: [] };
		});
	}
}

type Answer = { status: number; body: unknown; started?: IDataObject[]; error?: string };

/** What n8n answers and starts for one webhook call (the static data is written before the answer). */
interface Call {
	workflow: Workflow;
	node: INode;
	/** The loaded static data object the workflow wraps. */
	rawStaticData: IDataObject;
	context: WebhookContext;
	statusOf: () => number;
}

async function callWebhook(nodeType: CybersourceInvoiceTriggerV1, { workflow, node, rawStaticData, context, statusOf }: Call): Promise<Answer> {
	let result: IWebhookResponseData;
	try {
		result = await nodeType.webhook.call(context);
	} catch (error) {
		return { status: 500, body: { message: (error as Error).message }, error: (error as Error).message };
	}
	const started = result.workflowData?.[0]?.map((item) => item.json);
	if (result.noWebhookResponse) return { status: statusOf(), body: undefined, started };
	if (!started) return { status: 200, body: result.webhookResponse ?? { message: 'Webhook call received' } };
	// n8n 2.40's WorkflowRunner.run → establishContextForPersistence, before the write.
	new Workflow({ id: workflow.id, nodes: Object.values(workflow.nodes), connections: workflow.connectionsBySourceNode, nodeTypes: workflow.nodeTypes, active: true, staticData: rawStaticData });
	const description = nodeType.description.webhooks!.find((webhook) => webhook.name === context.getWebhookName())!;
	const responseData = workflow.expression.getComplexParameterValue(node, description.responseData, 'webhook', {}, undefined, 'firstEntryJson');
	const body = responseData === 'noData' ? undefined : responseData || (result.webhookResponse ?? { message: 'Workflow was started' });
	return { status: 200, body, started };
}

export async function webhookTrigger(setup: Omit<TriggerSetup, 'webhookBaseUrl'>): Promise<WebhookTrigger> {
	// The version a saved workflow's typeVersion 1 gets, as n8n picks it.
	const nodeType = new CybersourceInvoiceTrigger().getNodeType(1) as CybersourceInvoiceTriggerV1;
	const row = new StaticDataRow(setup.staticData);
	const runs: IDataObject[][] = [];
	const errorRuns: string[] = [];
	const answers: Delivery[] = [];
	const server: Server = createServer();
	await new Promise<void>((resolve) => server.listen(setup.port ?? 0, '127.0.0.1', resolve));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
	const fullSetup = { ...setup, webhookBaseUrl: base };
	const loadWorkflow = () => {
		const rawStaticData = row.read();
		return { ...buildWorkflow(nodeType, fullSetup, rawStaticData), rawStaticData };
	};

	server.on('request', (req, res) => {
		void (async () => {
			const raw = await readRequest(req);
			const { workflow, node, rawStaticData } = loadWorkflow();
			const name: WebhookType = req.method === 'GET' ? ('setup' as WebhookType) : 'default';
			const description = nodeType.description.webhooks!.find((webhook) => webhook.name === name)!;
			const { request, response } = expressLike(req, raw, res);
			const webhookData = { webhookDescription: description, httpMethod: req.method, node: node.name, workflowId: workflow.id, webhookId: WEBHOOK_ID } as unknown as IWebhookData;
			const context = new WebhookContext(workflow, node, additionalData(fullSetup, { httpRequest: request, httpResponse: response }), 'webhook', webhookData, [], null);
			const answer = await callWebhook(nodeType, { workflow, node, rawStaticData, context, statusOf: () => response.statusCode });
			if (answer.started) runs.push(answer.started);
			if (answer.error !== undefined) errorRuns.push(answer.error);
			else await row.write(workflow);
			answers.push({ status: answer.status, body: answer.body, started: answer.started });
			if (res.headersSent) return;
			res.writeHead(answer.status, { 'content-type': 'application/json' });
			res.end(answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
		})();
	});

	const hook = async (method: 'checkExists' | 'create' | 'delete'): Promise<boolean> => {
		const { workflow, node } = loadWorkflow();
		const webhookData = { webhookDescription: nodeType.description.webhooks![0], isTest: false } as unknown as IWebhookData;
		const context = new HookContext(workflow, node, additionalData(fullSetup), 'trigger', 'activate', webhookData);
		const result = await nodeType.webhookMethods.default[method].call(context);
		await row.write(workflow);
		return result;
	};
	return {
		url: `${base}/${WEBHOOK_ID}/webhook`,
		runs,
		errorRuns,
		answers,
		stored: () => row.read(),
		holdWrites: (count) => row.hold(count),
		hook,
		activate: async () => {
			if (!(await hook('checkExists'))) await hook('create');
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/** What an n8n restart does: every process-wide store (ids, payments, keys, clock offsets, caches) is empty. */
export function forgetProcessMemory(): void {
	forgetTriggerMemory();
	forgetCredentialMemory();
}
