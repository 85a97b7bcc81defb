/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Shared pieces of the node tests: one sandbox per test file, the node run against it, and
 * readers of the sandbox's own state (stored invoices, request log) to assert against.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { RequestLogEntry } from '../../dev/sandbox';
import { futureDate, sandboxCredentials, startTestSandbox, type CredentialMode, type Sandbox } from '../harness/sandbox';
import { runNode, stopEngineTimers, type RunOptions, type RunResult } from '../harness/engine';

export { futureDate };

/** Starts a sandbox for the file, resets it before each test and stops everything after. */
export function useSandbox(): () => Sandbox {
	let sandbox: Sandbox | undefined;
	beforeAll(async () => {
		sandbox = await startTestSandbox();
	});
	afterAll(async () => {
		await sandbox?.close();
		stopEngineTimers();
	});
	beforeEach(() => sandbox?.reset());
	return () => {
		if (!sandbox) throw new Error('sandbox not started');
		return sandbox;
	};
}

/** How a test runs the node: the engine options, with the sandbox credential of an auth mode. */
export interface SandboxRunOptions extends Omit<RunOptions, 'credentials'> {
	mode?: CredentialMode;
}

/** Runs the Cybersource Invoice node against the sandbox. */
export async function run(sandbox: Sandbox, options: SandboxRunOptions): Promise<RunResult> {
	const { mode, ...rest } = options;
	return await runNode({ ...rest, credentials: sandboxCredentials(sandbox, mode) });
}

/** Same, and fails the test with the node's own message if the run did not succeed. */
export async function runOk(sandbox: Sandbox, options: SandboxRunOptions): Promise<RunResult> {
	const result = await run(sandbox, options);
	if (result.error) {
		throw new Error(`node failed: ${result.error.message}${result.error.description ? ` (${result.error.description})` : ''}`);
	}
	return result;
}

/** Parameters of Invoice › Create; a valid amount-only invoice unless overridden. */
export function createParams(overrides: INodeParameters = {}): INodeParameters {
	return {
		resource: 'invoice',
		operation: 'create',
		customerName: 'Tanya Lee',
		customerEmail: 'tanya@example.com',
		description: 'Website redesign',
		dueDate: futureDate(),
		currency: 'USD',
		totalAmount: '150.00',
		lineItemsMode: 'fields',
		sendByEmail: false,
		...overrides,
	};
}

/** Parameters of Invoice › Create Draft. */
export function draftParams(overrides: INodeParameters = {}): INodeParameters {
	const { sendByEmail: _ignored, ...base } = createParams();
	return { ...base, operation: 'createDraft', emailWhenSent: false, ...overrides };
}

/** The locator value of an invoice given by its number. */
export function byNumber(id: string): IDataObject {
	return { __rl: true, mode: 'id', value: id };
}

/** Parameters of an operation on one invoice (send, publish, cancel, get). */
export function invoiceParams(operation: string, id: string, extra: INodeParameters = {}): INodeParameters {
	return { resource: 'invoice', operation, invoiceId: byNumber(id), ...extra } as INodeParameters;
}

/** Creates an invoice through the node and returns its id. */
export async function createInvoice(sandbox: Sandbox, overrides: INodeParameters = {}): Promise<string> {
	const result = await runOk(sandbox, { parameters: createParams(overrides) });
	return String(result.json[0].id);
}

/** The invoice as the sandbox stores it (rendered like its GET, history included). */
export function stored(sandbox: Sandbox, id: string): IDataObject {
	const invoice = sandbox.getInvoice(id) as IDataObject | undefined;
	if (!invoice) throw new Error(`the sandbox has no invoice ${id}`);
	return invoice;
}

/** `METHOD path` of every API request the sandbox received, in order. */
export function requestLines(sandbox: Sandbox): string[] {
	return sandbox.requests().map((request: RequestLogEntry) => `${request.method} ${request.path}`);
}

/** The JSON body of a logged request. */
export function bodyOf(request: RequestLogEntry): IDataObject {
	return JSON.parse(request.body) as IDataObject;
}

/** Input items with these json objects. */
export function itemsOf(jsons: IDataObject[]): INodeExecutionData[] {
	return jsons.map((json) => ({ json }));
}

/** Invoice fields the tests read often, from a stored or returned invoice. */
export function amountsOf(invoice: IDataObject): IDataObject {
	return ((invoice.orderInformation as IDataObject).amountDetails ?? {}) as IDataObject;
}

export function linesOf(invoice: IDataObject): IDataObject[] {
	return ((invoice.orderInformation as IDataObject).lineItems ?? []) as IDataObject[];
}

export function infoOf(invoice: IDataObject): IDataObject {
	return (invoice.invoiceInformation ?? {}) as IDataObject;
}

/** History events, oldest first (the API lists newest first). */
export function events(invoice: IDataObject): string[] {
	return ((invoice.invoiceHistory ?? []) as IDataObject[]).map((entry) => String(entry.event)).reverse();
}
