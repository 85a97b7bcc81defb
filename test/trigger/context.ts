/**
 * The trigger nodes in n8n-core's own contexts, as n8n builds them: HookContext for activation
 * (checkExists / create / delete), WebhookContext for each delivery and PollContext for polls.
 * Credentials sign through our `authenticate`; HTTP is real, to the sandbox. The webhook
 * trigger's endpoint and n8n's static-data handling are in webhookContext.ts.
 */
import { PollContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { CybersourceInvoicePollingTrigger } from '../../nodes/CybersourceInvoicePollingTrigger/CybersourceInvoicePollingTrigger.node';
import type { CybersourceInvoicePollingTriggerV1 } from '../../nodes/CybersourceInvoicePollingTrigger/v1/CybersourceInvoicePollingTriggerV1';
import type { CybersourceInvoiceTriggerV1 } from '../../nodes/CybersourceInvoiceTrigger/v1/CybersourceInvoiceTriggerV1';
import { SigningCredentialsHelper } from '../harness/engine';
import type { Sandbox } from '../../dev/sandbox';
import { sandboxCredentials } from '../harness/sandbox';

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

export type AnyTrigger = CybersourceInvoiceTriggerV1 | CybersourceInvoicePollingTriggerV1;

/** `staticData` is the object itself (as n8n hands its loaded row over), else a copy of `setup.staticData`. */
export function buildWorkflow(nodeType: AnyTrigger, setup: TriggerSetup, staticData?: IDataObject): { workflow: Workflow; node: INode } {
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
		staticData: staticData ?? (setup.staticData ? JSON.parse(JSON.stringify(setup.staticData)) : undefined),
	});
	return { workflow, node: workflow.getNode(node.name)! };
}

export function additionalData(setup: TriggerSetup, extra: IDataObject = {}): IWorkflowExecuteAdditionalData {
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

/** Every event the polling trigger offers. */
export const ALL_POLL_EVENTS = ['created', 'sent', 'paid', 'partiallyPaid', 'canceled'];

/** The polling trigger against this sandbox, with the chosen events and (after a restart) saved state. */
export function pollingOn(sandbox: Sandbox, events = ALL_POLL_EVENTS, staticData?: Record<string, unknown>): PollingTrigger {
	return pollingTrigger({ parameters: { events }, credentials: sandboxCredentials(sandbox), staticData: staticData as never });
}
