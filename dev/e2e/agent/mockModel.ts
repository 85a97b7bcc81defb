/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * A deterministic stand-in for the OpenAI chat-completions API, on loopback, that plays the model
 * behind n8n's AI Agent in the agent e2e (examples/05-ai-agent-drafts-invoices.json).
 *
 * It checks what n8n sends (the tools and the JSON schema n8n built from the `$fromAI()`
 * parameters), answers a billing prompt with a Create Draft tool call and "which invoices are
 * unpaid?" with a List call, then turns the tool's result into the final answer. Anything it does
 * not expect is answered with HTTP 400 and recorded in `problems`, so the test fails loudly.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const MODEL_NAME = 'gpt-4o-mini';
export const DRAFT_TOOL = 'Create_invoice_draft';
export const LIST_TOOL = 'List_invoices';

/** The `$fromAI()` parameters of the example's Create Draft tool, as the model must see them. */
export const DRAFT_PARAMETERS: Record<string, { type: string; description: string }> = {
	customerName: { type: 'string', description: 'Full name of the customer, e.g. Ada Lovelace' },
	customerEmail: {
		type: 'string',
		description: 'Email address of the customer exactly as the user gave it; empty if none was given',
	},
	description: { type: 'string', description: 'What the invoice is for, in a few words, e.g. Consulting' },
	dueInDays: { type: 'number', description: 'Days from today until payment is due, e.g. 14' },
	currency: { type: 'string', description: '3-letter currency code, e.g. EUR or USD' },
	lineItems: {
		type: 'json',
		description:
			'The invoice lines: a list of objects with name (text), quantity (a whole number) and unitPrice (a decimal text like 150.00)',
	},
};

/** "Draft an invoice for Ada Lovelace, ada@example.com, 2 hours of consulting at 150 EUR, due in 14 days" */
const DRAFT_PROMPT =
	/^Draft an invoice for ([^,]+),(?: ([^\s,]+@[^\s,]+),)? ([\d.]+) hours? of ([a-z ]+) at ([\d.]+) ([A-Z]{3}), due in (\d+) days$/;
const UNPAID_PROMPT = /^Which invoices are still unpaid\?$/;

interface ToolCall {
	id: string;
	type: 'function';
	function: { name: string; arguments: string };
}

interface ChatMessage {
	role: string;
	content?: unknown;
	tool_calls?: ToolCall[];
}

interface ChatRequest {
	model?: unknown;
	messages?: ChatMessage[];
	tools?: Array<{ type: string; function: { name: string; description?: string; parameters: JsonSchema } }>;
	stream?: unknown;
}

type JsonSchema = {
	type?: string;
	description?: string;
	properties?: Record<string, JsonSchema>;
	required?: string[];
	anyOf?: JsonSchema[];
	[key: string]: unknown;
};

type Answer = { content: string } | { toolCall: { name: string; args: Record<string, unknown> } };

export interface ModelExchange {
	prompt: string;
	/** What the model answered: a tool call or the final text. */
	answer: string;
}

export interface MockModel {
	/** The credential's Base URL, e.g. http://127.0.0.1:41234/v1 */
	url: string;
	/** The tools of the first request, exactly as n8n sent them. */
	toolsReceived?: ChatRequest['tools'];
	exchanges: ModelExchange[];
	problems: string[];
	close(): Promise<void>;
}

class Unexpected extends Error {}

function text(content: unknown): string {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((part) => (part as { text?: string }).text ?? '').join('');
	return '';
}

function expect(condition: unknown, problem: string): asserts condition {
	if (!condition) throw new Unexpected(problem);
}

function checkDraftSchema(schema: JsonSchema): void {
	expect(schema.type === 'object', `${DRAFT_TOOL}: parameters must be an object schema`);
	const names = Object.keys(schema.properties ?? {}).sort();
	const expected = Object.keys(DRAFT_PARAMETERS).sort();
	expect(names.join() === expected.join(), `${DRAFT_TOOL}: parameters ${names.join()} instead of ${expected.join()}`);
	expect([...(schema.required ?? [])].sort().join() === expected.join(), `${DRAFT_TOOL}: all parameters must be required`);
	for (const [name, want] of Object.entries(DRAFT_PARAMETERS)) {
		const got = schema.properties![name];
		expect(got.description === want.description, `${DRAFT_TOOL}.${name}: description ${JSON.stringify(got.description)}`);
		if (want.type === 'json') {
			// n8n means "a non-empty object or array", but the schema it sends carries no type at all
			// (any JSON value), so a model learns the shape of the lines from the description only.
			const kinds = got.anyOf?.map((option) => option.type).sort().join() ?? 'any';
			expect(got.type === undefined && ['any', 'array,object'].includes(kinds), `${DRAFT_TOOL}.${name}: not a JSON parameter`);
		} else {
			expect(got.type === want.type, `${DRAFT_TOOL}.${name}: type ${String(got.type)} instead of ${want.type}`);
		}
	}
}

function checkTools(tools: ChatRequest['tools']): void {
	expect(Array.isArray(tools), 'no tools were sent');
	const names = tools.map((tool) => tool.function?.name).sort();
	expect(names.join() === [DRAFT_TOOL, LIST_TOOL].join(), `tools ${names.join()} instead of ${DRAFT_TOOL},${LIST_TOOL}`);
	for (const tool of tools) expect(tool.type === 'function' && tool.function.description, `${tool.function.name}: no description`);
	checkDraftSchema(tools.find((tool) => tool.function.name === DRAFT_TOOL)!.function.parameters);
	const list = tools.find((tool) => tool.function.name === LIST_TOOL)!.function.parameters;
	expect(Object.keys(list.properties ?? {}).length === 0, `${LIST_TOOL} must take no parameters`);
}

/** The tool call a prompt leads to. */
function toolCallFor(prompt: string): Answer {
	const draft = DRAFT_PROMPT.exec(prompt);
	if (draft) {
		const [, name, email, hours, work, price, currency, days] = draft;
		const what = work.charAt(0).toUpperCase() + work.slice(1);
		return {
			toolCall: {
				name: DRAFT_TOOL,
				args: {
					customerName: name,
					customerEmail: email ?? '',
					description: what,
					dueInDays: Number(days),
					currency,
					lineItems: [{ name: `${what} (hours)`, quantity: Number(hours), unitPrice: Number(price).toFixed(2) }],
				},
			},
		};
	}
	if (UNPAID_PROMPT.test(prompt)) return { toolCall: { name: LIST_TOOL, args: {} } };
	throw new Unexpected(`no script for the prompt ${JSON.stringify(prompt)}`);
}

type Invoice = Record<string, unknown> & { id?: string };

/**
 * n8n passes the node's output items as JSON. A failed item (the tool nodes continue on error)
 * is `{ error, description }`.
 */
function toolResult(content: string): { error?: string; items: Invoice[] } {
	let parsed: unknown;
	try {
		parsed = JSON.parse(content);
	} catch {
		throw new Unexpected(`the tool result is not JSON: ${JSON.stringify(content.slice(0, 300))}`);
	}
	const items = (Array.isArray(parsed) ? parsed : [parsed]) as Invoice[];
	const failed = items.find((item) => item && typeof item === 'object' && 'error' in item);
	if (failed) return { error: [failed.error, failed.description].filter(Boolean).join(' '), items: [] };
	return { items };
}

/** The draft tool's result: the flat summary of node version 2 (Simplify on by default). */
function draftAnswer(invoice: Invoice): string {
	const link = invoice.paymentLink
		? `Payment link: ${String(invoice.paymentLink)}`
		: 'Payment link: none yet, Cybersource creates it when the draft is published or sent.';
	return `Draft invoice ${invoice.id} for ${String(invoice.customerName)}: ${String(invoice.totalAmount)} ${String(invoice.currency)}, due ${String(invoice.dueDate)}, status ${String(invoice.status)}. ${link}`;
}

function unpaidAnswer(invoices: Invoice[]): string {
	const unpaid = invoices.filter((invoice) => !['PAID', 'CANCELED'].includes(String(invoice.status)));
	const lines = unpaid.map(
		(invoice) =>
			`- ${invoice.id}: ${String(invoice.customerName)}, ${String(invoice.totalAmount)} ${String(invoice.currency)}, ${String(invoice.status)}, due ${String(invoice.dueDate)}${invoice.paymentLink ? `, ${String(invoice.paymentLink)}` : ''}`,
	);
	return [`${unpaid.length} unpaid invoice(s):`, ...lines].join('\n');
}

/** After a tool ran: the final answer, quoting what the tool returned. */
function finalAnswer(toolName: string, content: string): Answer {
	const result = toolResult(content);
	if (result.error !== undefined) return { content: `I could not do that. The invoice tool said: ${result.error}` };
	if (toolName === DRAFT_TOOL) {
		expect(result.items.length === 1 && result.items[0].id, `${DRAFT_TOOL} returned ${content.slice(0, 300)}`);
		return { content: draftAnswer(result.items[0]) };
	}
	return { content: unpaidAnswer(result.items) };
}

function answer(request: ChatRequest): { prompt: string; answer: Answer } {
	expect(request.model === MODEL_NAME, `model ${String(request.model)} instead of ${MODEL_NAME}`);
	expect(!request.stream, 'streaming was requested; the agent should wait for whole answers');
	checkTools(request.tools);
	const messages = request.messages ?? [];
	const userAt = messages.map((message) => message.role).lastIndexOf('user');
	expect(userAt >= 0, 'no user message');
	const prompt = text(messages[userAt].content).trim();
	const after = messages.slice(userAt + 1);
	if (after.length === 0) return { prompt, answer: toolCallFor(prompt) };
	const [call, result] = after;
	expect(
		after.length === 2 && call.tool_calls?.length === 1 && result.role === 'tool',
		`unexpected turns after the prompt: ${after.map((message) => message.role).join(', ')}`,
	);
	return { prompt, answer: finalAnswer(call.tool_calls[0].function.name, text(result.content)) };
}

function completion(answer: Answer, turn: number): object {
	const message =
		'content' in answer
			? { role: 'assistant', content: answer.content }
			: {
					role: 'assistant',
					content: null,
					tool_calls: [
						{
							id: `call_${turn}`,
							type: 'function',
							function: { name: answer.toolCall.name, arguments: JSON.stringify(answer.toolCall.args) },
						},
					],
				};
	return {
		id: `chatcmpl-mock-${turn}`,
		object: 'chat.completion',
		created: 1_700_000_000,
		model: MODEL_NAME,
		choices: [{ index: 0, message, finish_reason: 'content' in answer ? 'stop' : 'tool_calls' }],
		usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
	};
}

async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: object): void {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
}

export async function startMockModel(): Promise<MockModel> {
	const model: Omit<MockModel, 'url' | 'close'> = { exchanges: [], problems: [] };
	const server = createServer(async (req, res) => {
		try {
			expect(req.method === 'POST' && req.url === '/v1/chat/completions', `unexpected ${req.method} ${req.url}`);
			expect(req.headers.authorization === 'Bearer sk-local-mock-model', 'the API key from the credential was not sent');
			const request = JSON.parse(await readBody(req)) as ChatRequest;
			model.toolsReceived ??= request.tools;
			const { prompt, answer: reply } = answer(request);
			model.exchanges.push({
				prompt,
				answer: 'content' in reply ? reply.content : `${reply.toolCall.name}(${JSON.stringify(reply.toolCall.args)})`,
			});
			send(res, 200, completion(reply, model.exchanges.length));
		} catch (error) {
			const problem = error instanceof Unexpected ? error.message : `mock model crashed: ${String(error)}`;
			model.problems.push(problem);
			send(res, 400, { error: { message: `mock model: ${problem}`, type: 'invalid_request_error' } });
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return Object.assign(model, {
		url: `http://127.0.0.1:${port}/v1`,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	});
}
