/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The AI-agent use, end to end: a real n8n (`n8n start`) runs examples/05-ai-agent-drafts-invoices.json
 * with the OpenAI Chat Model pointed at a local mock model, and we chat with it through the Chat
 * Trigger's webhook like the hosted chat page does. The sandbox must then hold exactly the
 * invoices the conversation asked for.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Sandbox } from '../../sandbox';
import { Client } from '../../sandbox/client';
import { daysFromTodayIn, expectedDates, N8N_TIME_ZONE } from '../../realN8n/calendar';
import { n8nEnv, n8nVersion, ROOT, runN8nOrThrow, stageCommunityPackage, stageExtension } from '../../realN8n/runtime';
import { loopbackServerEnv, startN8nServer } from '../../realN8n/server';
import { importIntoN8n, type LoadMode } from '../../realN8n/workflows';
import { DRAFT_TOOL, startMockModel, type MockModel } from './mockModel';

export const AGENT_WORKFLOW_ID = 'csExAgentDraft01';
const CHAT_WEBHOOK_ID = '3c0b6f7e-5d2a-4c61-9a8e-0a11ce5a0005';
const CHAT_LOGIN = { user: 'invoice-chat', password: 'local-chat-password' };
const PORT = Number(process.env.AGENT_TEST_PORT ?? 5821);
const BROKER_PORT = Number(process.env.AGENT_TEST_BROKER_PORT ?? 5831);

type StoredInvoice = {
	id: string;
	status: string;
	customerInformation?: { name?: string; email?: string };
	invoiceInformation: { dueDate: string; deliveryMode?: string; description?: string };
	orderInformation: {
		amountDetails: { totalAmount: number | string; currency?: string };
		lineItems?: Array<{ productName?: string; quantity?: number; unitPrice?: string | number; totalAmount?: string | number }>;
	};
};

export interface AgentRunReport {
	n8n: string;
	mode: LoadMode;
	seconds: number;
	model: MockModel;
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function writeAgentCredentials(target: string, model: MockModel): string {
	writeFileSync(
		target,
		JSON.stringify([
			{ id: 'csAgentOpenAi001', name: 'OpenAI account', type: 'openAiApi', data: { apiKey: 'sk-local-mock-model', url: model.url } },
			{ id: 'csAgentChatAuth1', name: 'Invoice chat login', type: 'httpBasicAuth', data: CHAT_LOGIN },
		]),
	);
	return target;
}

/** n8n 2 publishes a workflow; n8n 1 activates it. */
async function publish(env: NodeJS.ProcessEnv): Promise<void> {
	const args = n8nVersion().startsWith('1.')
		? ['update:workflow', `--id=${AGENT_WORKFLOW_ID}`, '--active=true']
		: ['publish:workflow', `--id=${AGENT_WORKFLOW_ID}`];
	await runN8nOrThrow(args, env);
}

/** The chat page's request: one message, answered when the agent finishes. */
async function chat(url: string, message: string, sessionId: string): Promise<string> {
	const response = await fetch(`${url}/webhook/${CHAT_WEBHOOK_ID}/chat`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			authorization: `Basic ${Buffer.from(`${CHAT_LOGIN.user}:${CHAT_LOGIN.password}`).toString('base64')}`,
		},
		body: JSON.stringify({ action: 'sendMessage', sessionId, chatInput: message }),
		signal: AbortSignal.timeout(60_000),
	});
	const body = await response.text();
	assert.equal(response.status, 200, `chat answered ${response.status}: ${body.slice(0, 500)}`);
	const output = (JSON.parse(body) as { output?: unknown }).output;
	assert.equal(typeof output, 'string', `the agent's answer has no output: ${body.slice(0, 500)}`);
	return output as string;
}

/** Another n8n on our port would answer the chat and we would test the wrong one. */
async function assertPortFree(port: number): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		const server = createServer();
		server.once('error', () => reject(new Error(`port ${port} is in use: set AGENT_TEST_PORT to a free one`)));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
	});
}

/** The chat webhook exists once n8n has started and activated the workflow. */
async function waitForChat(url: string, child: ChildProcess): Promise<void> {
	for (let attempt = 0; attempt < 240; attempt++) {
		if (child.exitCode !== null) throw new Error(`n8n exited with code ${child.exitCode} while starting`);
		try {
			const response = await fetch(`${url}/webhook/${CHAT_WEBHOOK_ID}/chat`, { method: 'GET' });
			if (response.status !== 404) return;
		} catch {
			// not listening yet
		}
		await sleep(500);
	}
	throw new Error('the chat webhook was not registered within 2 minutes');
}

async function listInvoices(sandbox: Sandbox): Promise<Array<{ id: string; status: string }>> {
	const response = await new Client(sandbox).get('/invoicing/v2/invoices?offset=0&limit=100');
	assert.equal(response.status, 200, `listing invoices failed: ${response.text}`);
	return (response.json as { invoices?: Array<{ id: string; status: string }> }).invoices ?? [];
}

function stored(sandbox: Sandbox, id: string): StoredInvoice {
	const invoice = sandbox.getInvoice(id) as StoredInvoice | undefined;
	assert.ok(invoice, `invoice ${id} is not in the sandbox`);
	return invoice;
}

async function draftsTheInvoice(url: string, sandbox: Sandbox): Promise<StoredInvoice> {
	// "Due in 14 days" is counted from today in n8n's zone (not UTC), at either end of the chat.
	const startedAt = Date.now();
	const answer = await chat(url, 'Draft an invoice for Ada Lovelace, ada@example.com, 2 hours of consulting at 150 EUR, due in 14 days', 'agent-e2e-1');
	const due = expectedDates(14, { startedAt, endedAt: Date.now() });
	const invoices = await listInvoices(sandbox);
	assert.equal(invoices.length, 1, 'exactly one invoice was drafted');
	const invoice = stored(sandbox, invoices[0].id);
	assert.equal(invoice.status, 'DRAFT');
	assert.deepEqual(invoice.customerInformation, { name: 'Ada Lovelace', email: 'ada@example.com' });
	assert.equal(invoice.invoiceInformation.description, 'Consulting');
	assert.equal(invoice.invoiceInformation.deliveryMode, 'Email', 'Send will email it');
	assert.ok(due.includes(invoice.invoiceInformation.dueDate), `due ${invoice.invoiceInformation.dueDate}, expected ${due.join(' or ')}`);
	assert.deepEqual(
		invoice.orderInformation.lineItems?.map((line) => [line.productName, line.quantity, Number(line.unitPrice), Number(line.totalAmount)]),
		[['Consulting (hours)', 2, 150, 300]],
	);
	assert.equal(Number(invoice.orderInformation.amountDetails.totalAmount), 300);
	assert.equal(invoice.orderInformation.amountDetails.currency, 'EUR');
	assert.ok(answer.startsWith(`Draft invoice ${invoice.id} for Ada Lovelace: 300 EUR, due ${invoice.invoiceInformation.dueDate}`), answer);
	assert.match(answer, /Payment link: none yet/);
	return invoice;
}

/** Bad tool input reaches the agent as a readable error and creates nothing. */
async function refusesBadInput(url: string, sandbox: Sandbox, prompt: string, expected: RegExp): Promise<string> {
	const since = sandbox.requests().at(-1)?.seq ?? 0;
	const answer = await chat(url, prompt, `agent-e2e-${since}`);
	assert.match(answer, /^I could not do that\. The invoice tool said: /, answer);
	assert.match(answer, expected);
	const creates = sandbox.requests({ since }).filter((request) => request.method === 'POST');
	assert.deepEqual(creates, [], 'nothing was sent to Cybersource');
	return answer;
}

async function listsUnpaid(url: string, sandbox: Sandbox, draft: StoredInvoice): Promise<string> {
	const template = {
		customerInformation: { name: 'Grace Hopper', email: 'grace@example.com' },
		invoiceInformation: { description: 'Seeded for the agent test', dueDate: daysFromTodayIn(N8N_TIME_ZONE, 7, Date.now()), deliveryMode: 'email' },
		orderInformation: { amountDetails: { totalAmount: '80.00', currency: 'USD' } },
	};
	const open = [...sandbox.seed(1, { status: 'SENT', template }), ...sandbox.seed(1, { status: 'PARTIAL', template })];
	sandbox.seed(1, { status: 'PAID', template });
	sandbox.seed(1, { status: 'CANCELED', template });
	const answer = await chat(url, 'Which invoices are still unpaid?', 'agent-e2e-unpaid');
	const listed = [...answer.matchAll(/^- (\S+):/gm)].map((match) => match[1]).sort();
	assert.deepEqual(listed, [draft.id, ...open].sort(), answer);
	assert.ok(answer.startsWith('3 unpaid invoice(s):'), answer);
	return answer;
}

async function converse(url: string, sandbox: Sandbox, model: MockModel): Promise<void> {
	const draft = await draftsTheInvoice(url, sandbox);
	console.log(`[agent] ✔ drafted ${draft.id} for Ada Lovelace (300.00 EUR, due ${draft.invoiceInformation.dueDate})`);
	const fraction = await refusesBadInput(
		url,
		sandbox,
		'Draft an invoice for Ada Lovelace, ada@example.com, 1.5 hours of consulting at 150 EUR, due in 14 days',
		/Quantity: must be a whole number from 1 to [\d,]+, got 1\.5/,
	);
	console.log(`[agent] ✔ quantity 1.5 refused: ${fraction}`);
	const noEmail = await refusesBadInput(
		url,
		sandbox,
		'Draft an invoice for Ada Lovelace, 2 hours of consulting at 150 EUR, due in 14 days',
		/Customer Email: is required because the invoice will be emailed/,
	);
	console.log(`[agent] ✔ missing email refused: ${noEmail}`);
	assert.equal((await listInvoices(sandbox)).length, 1, 'still only the one draft');
	const unpaid = await listsUnpaid(url, sandbox, draft);
	console.log(`[agent] ✔ unpaid invoices listed:\n${unpaid}`);
	assert.deepEqual(model.problems, [], 'the mock model saw only what it expected');
	assert.ok(model.exchanges.some((exchange) => exchange.answer.startsWith(`${DRAFT_TOOL}(`)));
}

export interface AgentN8n {
	url: string;
	stop(): Promise<void>;
}

/**
 * A fresh `n8n start` with the package (installed like a community package, or as a custom
 * extension), the sandbox and mock-model credentials, and example 5 published so that its chat
 * webhook answers. No environment variable is needed for the package's node to be used as a tool.
 */
export async function startAgentN8n(sandbox: Sandbox, model: MockModel, workDir: string, mode: LoadMode): Promise<AgentN8n> {
	const url = `http://127.0.0.1:${PORT}`;
	await assertPortFree(PORT);
	const userFolder = path.join(workDir, 'home');
	const load: Record<string, string> = {};
	if (mode === 'custom') load.N8N_CUSTOM_EXTENSIONS = stageExtension(path.join(workDir, 'ext'));
	else stageCommunityPackage(userFolder);
	const env = n8nEnv(userFolder, { ...load, ...loopbackServerEnv(PORT, BROKER_PORT) });
	await importIntoN8n(env, workDir, sandbox, mode);
	await runN8nOrThrow(['import:credentials', `--input=${writeAgentCredentials(path.join(workDir, 'agent-credentials.json'), model)}`], env);
	await publish(env);
	const server = await startN8nServer(env, process.env.AGENT_TEST_VERBOSE ? 'inherit' : 'ignore');
	try {
		await waitForChat(url, server.process);
	} catch (error) {
		await server.stop();
		throw error;
	}
	return { url, stop: server.stop };
}

/** Runs the agent example in a fresh n8n against `sandbox`; by default installed as users install it. */
export async function runAgentScenario(sandbox: Sandbox, mode: LoadMode = 'community'): Promise<AgentRunReport> {
	const started = Date.now();
	const workDir = mkdtempSync(path.join(tmpdir(), 'cs-agent-'));
	const model = await startMockModel();
	let n8n: AgentN8n | undefined;
	try {
		sandbox.reset();
		n8n = await startAgentN8n(sandbox, model, workDir, mode);
		await converse(n8n.url, sandbox, model);
		return { n8n: n8nVersion(), mode, seconds: (Date.now() - started) / 1000, model };
	} catch (error) {
		if (model.problems.length) {
			console.error(`[agent] the mock model refused: ${model.problems.join('; ')}`);
			console.error(`[agent] tools it received: ${JSON.stringify(model.toolsReceived, null, 2)}`);
		}
		throw error;
	} finally {
		await n8n?.stop();
		await model.close();
		rmSync(workDir, { recursive: true, force: true });
	}
}

/** Prints the run and keeps the tools n8n sent the model in dev/e2e/artifacts/ (for the record). */
export function reportAgentRun(report: AgentRunReport): void {
	const dir = path.join(ROOT, 'dev', 'e2e', 'artifacts');
	mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `agent-tools-n8n-${report.n8n}.json`);
	writeFileSync(file, `${JSON.stringify(report.model.toolsReceived, null, 2)}\n`);
	console.log(`[agent] n8n ${report.n8n} (${report.mode}): the AI Agent drafted and listed invoices through the tool in ${report.seconds.toFixed(1)} s`);
	console.log(`[agent] the tools n8n sent the model: ${path.relative(ROOT, file)}`);
	for (const exchange of report.model.exchanges) console.log(`  ${exchange.prompt}\n    → ${exchange.answer.replace(/\n/g, '\n      ')}`);
}
