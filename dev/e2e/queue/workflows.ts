/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The test workflows of the queue-mode e2e, and the two credentials they use. Webhook-started, so
 * their production URLs are served by the webhook process and their executions run on workers.
 */
import { writeFileSync } from 'node:fs';

import type { Sandbox } from '../../sandbox';
import { PACKAGE_NAME } from '../../realN8n/runtime';

export const SECRET_CREDENTIAL = { id: 'csQueueSecret001', name: 'Cybersource (sandbox, shared secret)' };
export const P12_CREDENTIAL = { id: 'csQueueP12Cert01', name: 'Cybersource (sandbox, P12 certificate)' };

interface WebhookWorkflow {
	id: string;
	/** Production URL: <webhook process>/webhook/<path>. */
	path: string;
	webhookId: string;
}

export const EMAIL_WORKFLOW: WebhookWorkflow = { id: 'csQueueEmail0001', path: 'queue-invoice', webhookId: '5c0e9a4e-0001-4000-8000-000000000001' };
export const ROWS_WORKFLOW: WebhookWorkflow = { id: 'csQueueRowsId001', path: 'queue-rows-by-id', webhookId: '5c0e9a4e-0002-4000-8000-000000000002' };
export const ASSIGNED_WORKFLOW: WebhookWorkflow = {
	id: 'csQueueRowsAsg01',
	path: 'queue-rows-assigned',
	webhookId: '5c0e9a4e-0003-4000-8000-000000000003',
};

/** Both credentials point at the sandbox: JWT with the shared secret, and JWT with the P12 file. */
export function writeCredentials(file: string, sandbox: Sandbox): string {
	const common = { environment: 'custom', baseUrl: sandbox.url, merchantId: sandbox.merchant.merchantId, useMetaKey: false };
	const { merchant } = sandbox;
	writeFileSync(
		file,
		JSON.stringify([
			{
				...SECRET_CREDENTIAL,
				type: 'cybersourceApi',
				data: { ...common, authMode: 'jwtSharedSecret', accessKeyId: merchant.keyId, sharedSecret: merchant.sharedSecret },
			},
			{
				...P12_CREDENTIAL,
				type: 'cybersourceApi',
				data: { ...common, authMode: 'jwtCertificate', signingFormat: 'p12', p12Certificate: merchant.p12Base64, p12Password: merchant.p12Password },
			},
		]),
	);
	return file;
}

function webhookNode({ path, webhookId }: WebhookWorkflow, responseMode: 'lastNode' | 'onReceived') {
	return {
		id: 'q1',
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId,
		parameters: { httpMethod: 'POST', path, responseMode, responseData: 'firstEntryJson', options: {} },
	};
}

function createNode(name: string, parameters: Record<string, unknown>, credential: { id: string; name: string }) {
	return {
		id: 'q3',
		name,
		type: `${PACKAGE_NAME}.cybersourceInvoice`,
		typeVersion: 1,
		position: [440, 0],
		parameters: {
			resource: 'invoice',
			operation: 'create',
			dueDate: "={{ $now.plus(14, 'days').toISODate() }}",
			currency: 'USD',
			lineItemsMode: 'fields',
			lineItems: {},
			allowPartialPayments: false,
			...parameters,
		},
		credentials: { cybersourceApi: credential },
	};
}

function chain(...names: string[]) {
	const connections: Record<string, unknown> = {};
	for (let index = 0; index < names.length - 1; index++) {
		connections[names[index]] = { main: [[{ node: names[index + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

/** One call = one invoice, emailed; answers with the invoice. Signs with the P12 certificate. */
function emailWorkflow() {
	return {
		id: EMAIL_WORKFLOW.id,
		name: 'queue e2e: webhook call → emailed invoice',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			webhookNode(EMAIL_WORKFLOW, 'lastNode'),
			createNode(
				'Create and email invoice',
				{
					customerName: '={{ $json.body.name }}',
					customerEmail: '={{ $json.body.email }}',
					description: '={{ $json.body.description }}',
					totalAmount: '={{ $json.body.amount }}',
					sendByEmail: true,
					additionalFields: {},
				},
				P12_CREDENTIAL,
			),
		],
		connections: chain('Webhook', 'Create and email invoice'),
	};
}

/** The posted rows become items; each row is one invoice, four requests in flight. */
function rowsWorkflow(target: WebhookWorkflow, name: string, numbered: boolean) {
	return {
		id: target.id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			webhookNode(target, 'onReceived'),
			{
				id: 'q2',
				name: 'One item per row',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: { fieldToSplitOut: 'body.rows', include: 'noOtherFields', options: {} },
			},
			createNode(
				'Create invoice',
				{
					customerName: '={{ $json.name }}',
					customerEmail: '={{ $json.email }}',
					description: '=Row {{ $json.id }}',
					totalAmount: '={{ $json.amount }}',
					sendByEmail: false,
					additionalFields: numbered ? { invoiceNumber: '=ROW-{{ $json.id }}' } : {},
					options: { parallelRequests: 4 },
				},
				SECRET_CREDENTIAL,
			),
		],
		connections: chain('Webhook', 'One item per row', 'Create invoice'),
	};
}

export function queueWorkflows(): object[] {
	return [
		emailWorkflow(),
		rowsWorkflow(ROWS_WORKFLOW, 'queue e2e: rows → invoices numbered from the row id', true),
		rowsWorkflow(ASSIGNED_WORKFLOW, 'queue e2e: rows → invoices numbered by the node', false),
	];
}

export const PUBLISHED = [EMAIL_WORKFLOW.id, ROWS_WORKFLOW.id, ASSIGNED_WORKFLOW.id];
