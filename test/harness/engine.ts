/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Runs the real node through n8n-core's WorkflowExecute, the engine n8n itself uses: parameters
 * are resolved as in n8n (expressions included), credentials go through our `authenticate`, and
 * HTTP is real, to the in-process sandbox. Only the database and the UI are missing.
 * Dev-only and shared: the product tests (test/) and the benchmark (dev/bench/) both run the node here.
 */
import { Credentials, ExecutionLifecycleHooks, ExternalSecretsProxy, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
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
	/**
	 * The execution contexts to start from (`executionData.contextData`, per node), as n8n keeps
	 * them with an execution it resumes; empty, as in every new execution, unless given.
	 */
	contextData?: IDataObject;
	nodeType?: INodeType;
	/** The node's typeVersion, as a saved workflow gives it; 1 unless given. */
	typeVersion?: number;
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
		typeVersion: options.typeVersion ?? 1,
		position: [200, 0],
		parameters: options.parameters,
		credentials: { cybersourceApi: { id: '1', name: 'Cybersource (sandbox)' } },
		...(options.onError ? { onError: options.onError } : {}),
		...options.retry,
	};
	const types: Record<string, INodeType> = {
		'n8n-nodes-base.manualTrigger': new ItemsTrigger(options.items ?? [{ json: {} }]),
		'test.cybersourceInvoice': options.nodeType ?? new CybersourceInvoice().getNodeType(options.typeVersion ?? 1),
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

	const additionalData = engineData(executionId, options.credentials, hooks);
	const runData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: structuredClone(options.contextData ?? {}),
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

/** What the engine may ask of the host beyond the node itself: a harness runs one node, nothing more. */
function unavailable(member: string): never {
	throw new Error(`The test harness runs a single node; n8n asked for ${member}, which it does not provide`);
}

/**
 * The host services n8n's WorkflowExecute reads, as the n8n server would give them, typed against
 * n8n's public interface: a member n8n-core starts to require shows up as a type error here.
 */
export function engineData(
	executionId: string,
	credentials: ICredentialDataDecryptedObject,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		executionId,
		hooks,
		credentialsHelper: new SigningCredentialsHelper(credentials),
		// Must be explicitly undefined, or getCredentials() believes it runs in a parameter preview.
		currentNodeParameters: undefined,
		currentNodeExecutionIndex: 0,
		externalSecretsProxy: new ExternalSecretsProxy(),
		restApiUrl: 'http://localhost/rest',
		instanceBaseUrl: 'http://localhost/',
		formWaitingBaseUrl: 'http://localhost/form-waiting',
		webhookBaseUrl: 'http://localhost/webhook',
		webhookWaitingBaseUrl: 'http://localhost/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost/webhook-test',
		variables: {},
		executeWorkflow: async () => unavailable('a sub-workflow'),
		getRunExecutionData: async () => unavailable('another execution'),
		logAiEvent: () => unavailable('AI event logging'),
		startRunnerTask: async () => unavailable('a task runner'),
	};
}

/**
 * n8n-core starts a repeating timer (its SSH-tunnel cleanup, every 60 s) the first time it builds
 * a node context, and exports no way to stop it; in n8n only process exit ends it. Build one
 * context now, through the public LoadOptionsContext, and keep the intervals started meanwhile,
 * so they can be stopped and never keep a test process alive.
 */
const engineIntervals: NodeJS.Timeout[] = [];
function startEngineServices(): void {
	const setIntervalOfNode = globalThis.setInterval;
	globalThis.setInterval = ((...args: Parameters<typeof setInterval>) => {
		const timer = setIntervalOfNode(...args);
		engineIntervals.push(timer.unref());
		return timer;
	}) as typeof setInterval;
	try {
		const node: INode = { id: 'probe', name: 'Probe', type: 'test.probe', typeVersion: 1, position: [0, 0], parameters: {} };
		const nodeTypes: INodeTypes = { getByName: () => new ItemsTrigger([]), getByNameAndVersion: () => new ItemsTrigger([]), getKnownTypes: () => ({}) };
		const workflow = new Workflow({ nodes: [node], connections: {}, nodeTypes, active: false });
		new LoadOptionsContext(workflow, node, engineData('probe', {}), 'parameters.probe');
	} finally {
		globalThis.setInterval = setIntervalOfNode;
	}
	if (engineIntervals.length === 0) {
		throw new Error(
			'n8n-core started no interval while building its first node context: either it no longer has one (remove startEngineServices) or a context was built before this harness was imported',
		);
	}
}
startEngineServices();

/** Stops the timers n8n-core started, so jest can exit. */
export function stopEngineTimers(): void {
	for (const timer of engineIntervals.splice(0)) clearInterval(timer);
}
