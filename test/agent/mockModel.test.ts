/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The mock model of the AI-agent e2e (dev/e2e/agent/mockModel.ts): it answers the scripted prompts,
 * and refuses loudly whatever it does not expect, so the e2e cannot pass on a wrong tool schema.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { DRAFT_PARAMETERS, DRAFT_TOOL, LIST_TOOL, MODEL_NAME, startMockModel, type MockModel } from '../../dev/e2e/agent/mockModel';

/** The tools as n8n sends them (shape recorded from n8n 1.123, 2.8 and 2.40). */
function n8nTools(draftProperties: Record<string, object> = schemaProperties()) {
	const schema = (properties: Record<string, object>) => ({
		type: 'object',
		properties,
		required: Object.keys(properties),
		additionalProperties: false,
		$schema: 'http://json-schema.org/draft-07/schema#',
	});
	return [
		{ type: 'function', function: { name: LIST_TOOL, description: 'Lists invoices', parameters: schema({}) } },
		{ type: 'function', function: { name: DRAFT_TOOL, description: 'Saves a draft', parameters: schema(draftProperties) } },
	];
}

function schemaProperties(): Record<string, object> {
	return Object.fromEntries(
		Object.entries(DRAFT_PARAMETERS).map(([name, { type, description }]) => [
			name,
			type === 'json' ? { description } : { type, description },
		]),
	);
}

const PROMPT = 'Draft an invoice for Ada Lovelace, ada@example.com, 2 hours of consulting at 150 EUR, due in 14 days';

let model: MockModel;

beforeEach(async () => {
	model = await startMockModel();
});

afterEach(async () => {
	await model.close();
});

async function complete(messages: object[], tools: object[] = n8nTools()) {
	const response = await fetch(`${model.url}/chat/completions`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: 'Bearer sk-local-mock-model' },
		body: JSON.stringify({ model: MODEL_NAME, messages, tools, stream: false }),
	});
	return { status: response.status, body: (await response.json()) as { choices?: Array<{ message: Record<string, unknown> }> } };
}

describe('mock model of the agent e2e', () => {
	it('answers the billing prompt with a Create Draft call whose arguments come from the prompt', async () => {
		const { status, body } = await complete([{ role: 'user', content: PROMPT }]);

		expect(status).toBe(200);
		const call = (body.choices![0].message.tool_calls as Array<{ function: { name: string; arguments: string } }>)[0];
		expect(call.function.name).toBe(DRAFT_TOOL);
		expect(JSON.parse(call.function.arguments)).toEqual({
			customerName: 'Ada Lovelace',
			customerEmail: 'ada@example.com',
			description: 'Consulting',
			dueInDays: 14,
			currency: 'EUR',
			lineItems: [{ name: 'Consulting (hours)', quantity: 2, unitPrice: '150.00' }],
		});
	});

	it('quotes the invoice number from the tool result in its final answer', async () => {
		// Node version 2's simplified item, as example 5's tool returns it.
		const invoice = { id: '4711', status: 'DRAFT', paymentLink: null, customerName: 'Ada Lovelace', currency: 'EUR', totalAmount: 300, dueDate: '2030-01-15' };
		const { body } = await complete([
			{ role: 'user', content: PROMPT },
			{ role: 'assistant', content: '', tool_calls: [{ id: 'call_1', type: 'function', function: { name: DRAFT_TOOL, arguments: '{}' } }] },
			{ role: 'tool', tool_call_id: 'call_1', content: JSON.stringify([invoice]) },
		]);

		expect(body.choices![0].message.content).toMatch(/^Draft invoice 4711 for Ada Lovelace: 300 EUR, due 2030-01-15/);
	});

	it('refuses a Create Draft schema that lost a parameter, with HTTP 400 and a recorded problem', async () => {
		const { customerEmail: _dropped, ...withoutEmail } = schemaProperties();

		const { status } = await complete([{ role: 'user', content: PROMPT }], n8nTools(withoutEmail));

		expect(status).toBe(400);
		expect(model.problems).toEqual([expect.stringMatching(/^Create_invoice_draft: parameters .* instead of /)]);
	});

	it('refuses a parameter of the wrong type, and a prompt it has no script for', async () => {
		const properties = { ...schemaProperties(), dueInDays: { type: 'string', description: DRAFT_PARAMETERS.dueInDays.description } };

		expect((await complete([{ role: 'user', content: PROMPT }], n8nTools(properties))).status).toBe(400);
		expect((await complete([{ role: 'user', content: 'Delete every invoice' }])).status).toBe(400);
		expect(model.problems).toEqual([
			'Create_invoice_draft.dueInDays: type string instead of number',
			'no script for the prompt "Delete every invoice"',
		]);
	});

	it('expects exactly the $fromAI() parameters of example 5', () => {
		const example = readFileSync(path.join(__dirname, '../../examples/05-ai-agent-drafts-invoices.json'), 'utf8');
		const calls = [...example.matchAll(/\$fromAI\('(\w+)', '([^']*)', '(\w+)'\)/g)].map(([, name, description, type]) => [name, { type, description }]);

		expect(Object.fromEntries(calls)).toEqual(DRAFT_PARAMETERS);
	});
});
