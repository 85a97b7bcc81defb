/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * What the benchmark compares: the node in n8n-core's engine, raw signed `node:http` (with and
 * without keep-alive) and the official SDK, each creating invoices one after another (the node
 * also with Parallel Requests), and Return All against a raw paginated fetch.
 */
import { createRequire } from 'node:module';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { daysFromTodayIn, N8N_TIME_ZONE } from '../realN8n/calendar';
import { runNode } from '../../test/harness/engine';
import { floorNode } from './floorNode';
import { keepAliveAgent, signedCall, type RawCredentials } from './rawClient';

// The SDK is CommonJS without type declarations.
const cybersource = createRequire(__filename)('cybersource-rest-client') as Record<string, new (...args: unknown[]) => Record<string, (...args: unknown[]) => void>>;

export type Contender = (creds: RawCredentials, count: number) => Promise<void>;

/** A due date a month ahead (the API's format), so no run is refused as past due. */
const DUE_DATE = daysFromTodayIn(N8N_TIME_ZONE, 30, Date.now());

/** Create with three line items, as a user would fill in the node. */
function createParameters(parallelRequests: number): INodeParameters {
	return {
		resource: 'invoice',
		operation: 'create',
		customerName: 'Tanya Lee',
		customerEmail: 'tanya@example.com',
		description: 'Benchmark invoice',
		dueDate: DUE_DATE,
		currency: 'USD',
		totalAmount: '',
		lineItemsMode: 'fields',
		lineItems: {
			line: [
				{ name: 'Design', quantity: 12, unitPrice: '85.00' },
				{ name: 'Hosting', quantity: 1, unitPrice: '19.90' },
				{ name: 'Domain', quantity: 2, unitPrice: '12.00' },
			],
		},
		sendByEmail: false,
		options: { parallelRequests },
	};
}

function nodeCredentials(creds: RawCredentials): IDataObject {
	return { environment: 'custom', baseUrl: creds.url, merchantId: creds.merchantId, authMode: 'jwtSharedSecret', accessKeyId: creds.keyId, sharedSecret: creds.sharedSecret };
}

export function nodeCreates(parallelRequests: number): Contender {
	return async (creds, count) => {
		const result = await runNode({
			parameters: createParameters(parallelRequests),
			credentials: nodeCredentials(creds) as never,
			items: Array.from({ length: count }, (_, index) => ({ json: { index } })),
		});
		if (result.error || result.items.length !== count) throw new Error(`node creates failed: ${result.error?.message}`);
	};
}

/** A bare node in the same engine that only calls n8n's signed HTTP helper per item. */
export function floorCreates(body: (index: number) => string): Contender {
	return async (creds, count) => {
		const result = await runNode({
			parameters: {},
			credentials: nodeCredentials(creds) as never,
			items: Array.from({ length: count }, (_, index) => ({ json: { index } })),
			nodeType: floorNode(body),
		});
		if (result.error || result.items.length !== count) throw new Error(`floor creates failed: ${result.error?.message}`);
	};
}

/** The body the node sent, reused by the other contenders with a fresh invoice number each. */
export function bodyMaker(nodeBody: IDataObject): (index: number) => string {
	return (index) => {
		const info = { ...(nodeBody.invoiceInformation as IDataObject) };
		if (info.invoiceNumber !== undefined) info.invoiceNumber = `BENCH${Date.now().toString(36)}${index}`;
		return JSON.stringify({ ...nodeBody, invoiceInformation: info });
	};
}

export function rawCreates(keepAlive: boolean, body: (index: number) => string): Contender {
	return async (creds, count) => {
		const agent = keepAlive ? keepAliveAgent() : false;
		for (let index = 0; index < count; index++) {
			const answer = await signedCall(creds, 'POST', '/invoicing/v2/invoices', body(index), agent);
			if (answer.status !== 201) throw new Error(`raw create answered ${answer.status}: ${JSON.stringify(answer.json)}`);
		}
		if (agent) agent.destroy();
	};
}

export function sdkCreates(body: (index: number) => string): Contender {
	return async (creds, count) => {
		const config = {
			merchantID: creds.merchantId,
			intermediateHost: creds.url,
			logConfiguration: { enableLog: false },
			authenticationType: 'jwt',
			jwtKeyType: 'SHARED_SECRET',
			runEnvironment: new URL(creds.url).host,
			merchantKeyId: creds.keyId,
			merchantsecretKey: creds.sharedSecret,
		};
		const invoices = new cybersource.InvoicesApi(config, new cybersource.ApiClient());
		for (let index = 0; index < count; index++) {
			await new Promise<void>((resolve, reject) => {
				invoices.createInvoice(JSON.parse(body(index)), (error: unknown) => (error ? reject(error as Error) : resolve()));
			});
		}
	};
}

/** Return All through the node; resolves with the output items' JSON. */
export async function nodeReturnAll(creds: RawCredentials, expected: number): Promise<unknown[]> {
	const result = await runNode({
		parameters: { resource: 'invoice', operation: 'getAll', returnAll: true },
		credentials: nodeCredentials(creds) as never,
	});
	if (result.error || result.items.length !== expected) throw new Error(`node Return All failed: ${result.error?.message ?? result.items.length}`);
	return result.json;
}

/** Page after page of 1000 over one keep-alive connection; resolves with the invoices. */
export async function rawReturnAll(creds: RawCredentials, expected: number): Promise<unknown[]> {
	const agent = keepAliveAgent();
	const invoices: unknown[] = [];
	for (let offset = 0; ; ) {
		const answer = await signedCall(creds, 'GET', `/invoicing/v2/invoices?offset=${offset}&limit=1000`, undefined, agent);
		const page = answer.json as { invoices?: unknown[]; totalInvoices?: number };
		invoices.push(...(page.invoices ?? []));
		offset += page.invoices?.length ?? 0;
		if (!page.invoices?.length || offset >= Number(page.totalInvoices)) break;
	}
	agent.destroy();
	if (invoices.length !== expected) throw new Error(`raw Return All read ${invoices.length}`);
	return invoices;
}
