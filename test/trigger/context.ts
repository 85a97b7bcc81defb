/**
 * The trigger nodes in n8n-core's own contexts, as n8n builds them: HookContext for activation
 * (checkExists / create / delete), WebhookContext for each delivery and PollContext for polls.
 * Credentials sign through our `authenticate`; HTTP is real, to the sandbox. A small loopback
 * server plays n8n's webhook endpoint (raw body kept, "onReceived" answers) so the sandbox can
 * deliver to the node for real.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { HookContext, PollContext, WebhookContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IWebhookData,
	type IWorkflowExecuteAdditionalData,
	type WebhookType,
} from 'n8n-workflow';

import { CybersourceInvoicePollingTrigger } from '../../nodes/CybersourceInvoicePollingTrigger/CybersourceInvoicePollingTrigger.node';
import type { CybersourceInvoicePollingTriggerV1 } from '../../nodes/CybersourceInvoicePollingTrigger/v1/CybersourceInvoicePollingTriggerV1';
import { CybersourceInvoiceTrigger } from '../../nodes/CybersourceInvoiceTrigger/CybersourceInvoiceTrigger.node';
import type { CybersourceInvoiceTriggerV1 } from '../../nodes/CybersourceInvoiceTrigger/v1/CybersourceInvoiceTriggerV1';
import { SigningCredentialsHelper } from '../../devkit/engine';

export const WEBHOOK_ID = '5b0f0c5e-2f7c-4d51-9d3a-7a3c1f2e9b10';

export interface TriggerSetup {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	/** Static data saved by an earlier "n8n process" (restart). */
	staticData?: IDataObject;
	/** Where n8n's webhooks live, e.g. http://127.0.0.1:5678/webhook */
	webhookBaseUrl?: string;
	/** Port of the webhook endpoint (default: any free one). */
	port?: number;
}

type AnyTrigger = CybersourceInvoiceTriggerV1 | CybersourceInvoicePollingTriggerV1;

function buildWorkflow(nodeType: AnyTrigger, setup: TriggerSetup): { workflow: Workflow; node: INode } {
	const node: INode = {
		id: 'trigger-node',
		name: 'Cybersource Invoice Trigger',
		type: 'test.trigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: setup.parameters,
		webhookId: WEBHOOK_ID,
		credentials: { cybersourceApi: { id: '1', name: 'Cybersource (sandbox)' } },
	};
	const nodeTypes = {
		getByName: () => nodeType as INodeType,
		getByNameAndVersion: () => nodeType as INodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const workflow = new Workflow({
		id: 'wf-trigger',
		name: 'Invoice paid to CRM',
		nodes: [node],
		connections: {},
		nodeTypes,
		active: true,
		settings: {},
		staticData: setup.staticData ? JSON.parse(JSON.stringify(setup.staticData)) : undefined,
	});
	return { workflow, node: workflow.getNode(node.name)! };
}

function additionalData(setup: TriggerSetup, extra: IDataObject = {}): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new SigningCredentialsHelper(setup.credentials),
		currentNodeParameters: undefined,
		webhookBaseUrl: setup.webhookBaseUrl ?? 'http://127.0.0.1:1/webhook',
		webhookTestBaseUrl: 'http://127.0.0.1:1/webhook-test',
		variables: {},
		...extra,
	} as IDataObject as unknown as IWorkflowExecuteAdditionalData;
}

/** The workflow's static data as n8n would save it (plain JSON). */
export function savedStaticData(workflow: Workflow): IDataObject {
	return JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
}

export interface PollingTrigger {
	workflow: Workflow;
	/** One scheduled poll ('trigger') or the editor's "Fetch Test Event" ('manual'). */
	poll(mode?: 'trigger' | 'manual'): Promise<IDataObject[]>;
}

export function pollingTrigger(setup: TriggerSetup): PollingTrigger {
	// The version a saved workflow's typeVersion 1 gets, as n8n picks it.
	const nodeType = new CybersourceInvoicePollingTrigger().getNodeType(1) as CybersourceInvoicePollingTriggerV1;
	const { workflow, node } = buildWorkflow(nodeType, setup);
	return {
		workflow,
		poll: async (mode = 'trigger') => {
			const context = new PollContext(workflow, node, additionalData(setup), mode, 'activate');
			const result = await nodeType.poll.call(context);
			return (result?.[0] ?? []).map((item: INodeExecutionData) => item.json);
		},
	};
}

export interface Delivery {
	status: number;
	body: unknown;
	/** The items the workflow was started with, when it was. */
	started?: IDataObject[];
}

export interface WebhookTrigger {
	workflow: Workflow;
	url: string;
	/** Workflows started, one entry per run (its items). */
	runs: IDataObject[][];
	/** Every request n8n's endpoint answered. */
	answers: Delivery[];
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
function expressLike(req: IncomingMessage, raw: Buffer, res: ServerResponse): { request: IDataObject; response: IDataObject } {
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
		response: response as unknown as IDataObject,
	};
}

export async function webhookTrigger(setup: Omit<TriggerSetup, 'webhookBaseUrl'>): Promise<WebhookTrigger> {
	const nodeType = new CybersourceInvoiceTrigger().getNodeType(1) as CybersourceInvoiceTriggerV1;
	const runs: IDataObject[][] = [];
	const answers: Delivery[] = [];
	const server: Server = createServer();
	await new Promise<void>((resolve) => server.listen(setup.port ?? 0, '127.0.0.1', resolve));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
	const fullSetup = { ...setup, webhookBaseUrl: base };
	const { workflow, node } = buildWorkflow(nodeType, fullSetup);

	server.on('request', (req, res) => {
		void (async () => {
			const raw = await readRequest(req);
			const name: WebhookType = req.method === 'GET' ? ('setup' as WebhookType) : 'default';
			const description = nodeType.description.webhooks!.find((webhook) => webhook.name === name)!;
			const { request, response } = expressLike(req, raw, res);
			const webhookData = { webhookDescription: description, httpMethod: req.method, node: node.name, workflowId: workflow.id, webhookId: WEBHOOK_ID } as unknown as IWebhookData;
			const context = new WebhookContext(workflow, node, additionalData(fullSetup, { httpRequest: request, httpResponse: response }), 'webhook', webhookData, [], null);
			try {
				const result = await nodeType.webhook.call(context);
				const started = result.workflowData?.[0]?.map((item) => item.json);
				if (started) runs.push(started);
				if (result.noWebhookResponse) {
					answers.push({ status: (response as { statusCode: number }).statusCode, body: undefined });
					return;
				}
				const body = result.webhookResponse ?? { message: 'Workflow was started' };
				answers.push({ status: 200, body, started });
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(JSON.stringify(body));
			} catch (error) {
				// n8n answers 500 when the node throws; Cybersource then retries.
				answers.push({ status: 500, body: (error as Error).message });
				res.writeHead(500, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ message: (error as Error).message }));
			}
		})();
	});

	const hook = async (method: 'checkExists' | 'create' | 'delete'): Promise<boolean> => {
		const description = nodeType.description.webhooks![0];
		const webhookData = { webhookDescription: description, isTest: false } as unknown as IWebhookData;
		const context = new HookContext(workflow, node, additionalData(fullSetup), 'trigger', 'activate', webhookData);
		return await nodeType.webhookMethods.default[method].call(context);
	};
	return {
		workflow,
		url: `${base}/${WEBHOOK_ID}/webhook`,
		runs,
		answers,
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
