/**
 * Runs the real node through n8n-core's WorkflowExecute, the engine n8n itself uses: parameters
 * are resolved as in n8n (expressions included), credentials go through our `authenticate`, and
 * HTTP is real, to the in-process sandbox. Only the database and the UI are missing.
 */
import { Container } from '@n8n/di';
import { Credentials, ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import {
	createDeferredPromise,
	ICredentialsHelper,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { CybersourceApi } from '../../credentials/CybersourceApi.credentials';
import { CybersourceInvoice } from '../../nodes/CybersourceInvoice/CybersourceInvoice.node';

const credentialType = new CybersourceApi();
const noop = (): undefined => undefined;

/** Start node: emits the test's input items (n8n needs a trigger type to start from). */
class ItemsTrigger implements INodeType {
	description = {
		displayName: 'Items',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: '',
		defaults: { name: 'Items' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeType['description'];

	/** n8n calls execute with its own `this`, so the items live in a closure. */
	execute: () => Promise<INodeExecutionData[][]>;

	constructor(items: INodeExecutionData[]) {
		this.execute = async () => [items];
	}
}

/** Hands n8n the test's credential data and signs with the real credential's `authenticate`. */
export class SigningCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}
	getParentTypes(): string[] {
		return [];
	}
	async authenticate(credentials: ICredentialDataDecryptedObject, _type: string, request: IHttpRequestOptions) {
		return await (credentialType.authenticate as (c: ICredentialDataDecryptedObject, r: IHttpRequestOptions) => Promise<IHttpRequestOptions>)(
			credentials,
			request,
		);
	}
	async preAuthentication() {
		return undefined;
	}
	async getCredentials() {
		return new Credentials({ id: null, name: '' }, '', '');
	}
	async getDecrypted() {
		return { ...this.data };
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties() {
		return credentialType.properties;
	}
}

export interface RunOptions {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	/** Input items of the node; one empty item by default. */
	items?: INodeExecutionData[];
	/** n8n's "On Error" setting of the node. */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	/** n8n's "Retry On Fail" settings of the node. */
	retry?: Pick<INode, 'retryOnFail' | 'maxTries' | 'waitBetweenTries'>;
	/** n8n's execution id; a new one for every run unless given. */
	executionId?: string;
	nodeType?: INodeType;
}

export interface RunResult {
	run: IRun;
	/** The node's main output (output 0). */
	items: INodeExecutionData[];
	/** The error output (output 1), when onError is continueErrorOutput. */
	errorItems: INodeExecutionData[];
	json: IDataObject[];
	/** The execution error, when the node stopped the workflow. */
	error?: Error & { description?: string; context?: IDataObject; httpCode?: string | null };
}

export const NODE_NAME = 'Cybersource Invoice';

/** Like n8n's, every execution gets its own id. */
let lastExecutionId = 0;

export async function runNode(options: RunOptions): Promise<RunResult> {
	const trigger: INode = {
		id: 'trigger',
		name: 'Items',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const node: INode = {
		id: 'node',
		name: NODE_NAME,
		type: 'test.cybersourceInvoice',
		typeVersion: 1,
		position: [200, 0],
		parameters: options.parameters,
		credentials: { cybersourceApi: { id: '1', name: 'Cybersource (sandbox)' } },
		...(options.onError ? { onError: options.onError } : {}),
		...options.retry,
	};
	const types: Record<string, INodeType> = {
		'n8n-nodes-base.manualTrigger': new ItemsTrigger(options.items ?? [{ json: {} }]),
		'test.cybersourceInvoice': options.nodeType ?? new CybersourceInvoice(),
	};
	const nodeTypes: INodeTypes = {
		getByName: (type: string) => types[type],
		getByNameAndVersion: (type: string) => types[type],
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;

	const connections = { Items: { main: [[{ node: NODE_NAME, type: 'main' as const, index: 0 }]] } };
	const settings = {};
	const workflow = new Workflow({ id: 'wf', nodes: [trigger, node], connections, nodeTypes, active: false, settings });
	const executionId = options.executionId ?? String(++lastExecutionId);
	const hooks = new ExecutionLifecycleHooks('manual', executionId, {
		id: 'wf',
		name: 'test',
		nodes: [trigger, node],
		connections,
		active: false,
		settings,
	} as never);
	const done = createDeferredPromise<IRun>();
	hooks.addHandler('workflowExecuteAfter', (run) => done.resolve(run));

	const known: IDataObject = {
		executionId,
		hooks,
		credentialsHelper: new SigningCredentialsHelper(options.credentials),
		// Must be explicitly undefined, or getCredentials() believes it runs in a parameter preview.
		currentNodeParameters: undefined,
		webhookWaitingBaseUrl: 'http://localhost/webhook-waiting',
		formWaitingBaseUrl: 'http://localhost/form-waiting',
		restApiUrl: 'http://localhost/rest',
		instanceBaseUrl: 'http://localhost/',
		variables: {},
	};
	const additionalData = new Proxy(known, {
		get: (target, property) =>
			// Any other engine hook is a no-op (a plain function, so the benchmark can run without jest).
			property in target ? target[property as string] : typeof property === 'string' ? noop : undefined,
	}) as unknown as IWorkflowExecuteAdditionalData;

	const runData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [{ node: trigger, data: { main: [[{ json: {} }]] }, source: null }],
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	};
	await new WorkflowExecute(additionalData, 'manual', runData as never).processRunExecutionData(workflow);
	const run = await done.promise;

	const nodeRuns = run.data.resultData.runData[NODE_NAME] ?? [];
	const main = (nodeRuns[0]?.data?.main ?? []) as INodeExecutionData[][];
	const items = main[0] ?? [];
	return {
		run,
		items,
		errorItems: main[1] ?? [],
		json: items.map((item) => item.json),
		error: (run.data.resultData.error ?? undefined) as RunResult['error'],
	};
}

/** n8n-core starts a 60 s interval on import; stop it so jest can exit. */
export function stopEngineTimers(): void {
	Container.get(SSHClientsManager).onShutdown();
}
