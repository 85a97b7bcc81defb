/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * What each example workflow must do, checked against the sandbox's own state (the invoices
 * really exist with the right lines, totals and statuses), not only against n8n's output.
 */
import assert from 'node:assert/strict';

import type { Sandbox } from '../sandbox';
import { executeWorkflow, outputOf, type ExecutionResult } from './runtime';
import { daysFromTodayIn, expectedDates, N8N_TIME_ZONE, type ExecutionWindow } from './calendar';

type StoredInvoice = {
	id: string;
	status: string;
	customerInformation?: { name?: string; email?: string };
	invoiceInformation: { dueDate: string; deliveryMode?: string; paymentLink?: string };
	orderInformation: { amountDetails: { totalAmount: number | string; currency?: string }; lineItems?: Array<Record<string, unknown>> };
	invoiceHistory?: Array<{ event: string }>;
};

/** One invoice a workflow created or changed, as the sandbox holds it after the run. */
export interface CheckedInvoice {
	number: string;
	status: string;
	dueDate: string;
	total: string;
	customer: string;
	paymentLink: string;
}

export interface ScenarioSummary {
	workflow: string;
	invoices: CheckedInvoice[];
}

export interface Scenario {
	workflowId: string;
	title: string;
	/** Puts the sandbox in the state the workflow expects (e.g. invoices to chase). */
	prepare?(sandbox: Sandbox): void;
	verify(result: ExecutionResult, sandbox: Sandbox, window: ExecutionWindow): ScenarioSummary;
}

function stored(sandbox: Sandbox, id: unknown): StoredInvoice {
	const invoice = sandbox.getInvoice(String(id)) as StoredInvoice | undefined;
	assert.ok(invoice, `invoice ${String(id)} is not in the sandbox`);
	return invoice;
}

function total(invoice: StoredInvoice): number {
	return Number(invoice.orderInformation.amountDetails.totalAmount);
}

/** `$now.plus(days, 'days')` as n8n computed it: in the instance's zone, at some point of the run. */
function assertDueIn(actual: string, days: number, window: ExecutionWindow): void {
	const expected = expectedDates(days, window);
	assert.ok(expected.includes(actual), `due date ${actual}: expected ${expected.join(' or ')} (today + ${days} days in ${N8N_TIME_ZONE})`);
}

/** A date relative to today in the instance's zone, for seeding invoices before a run. */
function daysFromToday(days: number): string {
	return daysFromTodayIn(N8N_TIME_ZONE, days, Date.now());
}

function summary(workflow: string, invoices: StoredInvoice[]): ScenarioSummary {
	return {
		workflow,
		invoices: invoices.map((invoice) => ({
			number: invoice.id,
			status: invoice.status,
			dueDate: invoice.invoiceInformation.dueDate,
			total: `${invoice.orderInformation.amountDetails.totalAmount} ${invoice.orderInformation.amountDetails.currency ?? ''}`.trim(),
			customer: invoice.customerInformation?.name ?? invoice.customerInformation?.email ?? '',
			paymentLink: invoice.invoiceInformation.paymentLink ?? '',
		})),
	};
}

/** Example 4's checks; the workflow's node version only changes the shape of the node's items. */
const draftReview: Scenario = {
	workflowId: 'csExDraftReview1',
	title: '4. Draft → review → send or publish; update then cancel',
	verify(result, sandbox, window) {
		const [sent] = outputOf(result, 'Send to customer');
		const [published] = outputOf(result, 'Publish (share the link yourself)');
		const small = stored(sandbox, sent.id);
		const large = stored(sandbox, published.id);
		assert.equal(small.status, 'SENT');
		assert.equal(total(small), 120);
		assert.equal(large.status, 'CREATED');
		// 12 × 180 + 2 × 120 − 10 % on the call-outs
		assert.equal(total(large), 2376);
		const [canceled] = outputOf(result, 'Cancel invoice');
		const withdrawn = stored(sandbox, canceled.id);
		assert.equal(withdrawn.status, 'CANCELED');
		assertDueIn(withdrawn.invoiceInformation.dueDate, 60, window);
		assert.deepEqual(
			withdrawn.invoiceHistory?.map((entry) => entry.event),
			['CANCEL', 'UPDATE', 'CREATE'],
		);
		return summary('4. Draft review / update+cancel', [small, large, withdrawn]);
	},
};

/** The examples users import (examples/): what the demo shows and the e2e checks. */
export const EXAMPLE_SCENARIOS: Scenario[] = [
	{
		workflowId: 'csExFormManual01',
		title: '1. Form submission → emailed invoice',
		verify(result, sandbox, window) {
			const [created] = outputOf(result, 'Create and email invoice');
			const invoice = stored(sandbox, created.id);
			assert.equal(invoice.status, 'SENT');
			assert.equal(invoice.customerInformation?.email, 'tanya.lee@example.com');
			assert.equal(invoice.invoiceInformation.deliveryMode, 'Email');
			assertDueIn(invoice.invoiceInformation.dueDate, 14, window);
			assert.equal(total(invoice), 1250.5);
			return summary('1. Form → emailed invoice', [invoice]);
		},
	},
	{
		workflowId: 'csExSheetRows001',
		title: '2. Spreadsheet rows → itemized invoices',
		verify(result, sandbox) {
			const links = outputOf(result, 'Payment links');
			assert.equal(links.length, 3, 'one invoice per customer');
			const expected: Record<string, { lines: number; total: number }> = {
				'Acme Corp': { lines: 2, total: 2142.18 },
				Globex: { lines: 3, total: 5195 },
				Initech: { lines: 1, total: 500 },
			};
			// The Invoice Number comes from the sheet's invoice column (what makes a re-run safe).
			assert.deepEqual(links.map((row) => row.invoice).sort(), ['INV-1001', 'INV-1002', 'INV-1003']);
			const invoices = links.map((row) => stored(sandbox, row.invoice));
			for (const invoice of invoices) {
				const want = expected[invoice.customerInformation?.name ?? ''];
				assert.ok(want, `unexpected customer ${invoice.customerInformation?.name}`);
				assert.equal(invoice.status, 'CREATED');
				assert.equal(invoice.orderInformation.lineItems?.length, want.lines);
				assert.equal(total(invoice), want.total);
				assert.match(invoice.invoiceInformation.paymentLink ?? '', /^https:\/\//);
			}
			const globex = invoices.find((invoice) => invoice.customerInformation?.name === 'Globex');
			assert.deepEqual(
				globex?.orderInformation.lineItems?.map((line) => [line.productSku, line.quantity, Number(line.totalAmount)]),
				[
					['LIC-PRO', 5, 2495],
					['SUP-GOLD', 1, 1200],
					['ONB', 2, 1500],
				],
			);
			return summary('2. Sheet rows → itemized', invoices);
		},
	},
	{
		workflowId: 'csExChasePaymnt1',
		title: '3. Chase past-due invoices, record paid ones',
		prepare(sandbox) {
			const template = (dueDate: string) => ({
				customerInformation: { name: 'Chased Customer', email: 'late.payer@example.com' },
				invoiceInformation: { description: 'Seeded for the chase example', dueDate, deliveryMode: 'email' },
				orderInformation: { amountDetails: { totalAmount: '300.00', currency: 'USD' } },
			});
			sandbox.seed(3, { status: 'SENT', template: template(daysFromToday(-10)) });
			sandbox.seed(2, { status: 'SENT', template: template(daysFromToday(10)) });
			sandbox.seed(2, { status: 'PARTIAL', template: template(daysFromToday(-3)) });
			sandbox.seed(4, { status: 'PAID', template: template(daysFromToday(-20)) });
		},
		verify(result, sandbox, window) {
			const resent = outputOf(result, 'Resend invoice');
			assert.equal(resent.length, 5, 'the 3 past-due sent and 2 past-due partly paid invoices');
			const invoices = resent.map((item) => stored(sandbox, item.id));
			for (const invoice of invoices) {
				assert.ok(invoice.invoiceInformation.dueDate < expectedDates(0, window)[0]);
				assert.equal(invoice.invoiceHistory?.[0]?.event, 'RESEND', `invoice ${invoice.id} was emailed again`);
			}
			assert.deepEqual([...new Set(invoices.map((invoice) => invoice.status))].sort(), ['PARTIAL', 'SENT']);
			const crm = outputOf(result, 'CRM update (sample)');
			assert.equal(crm.length, 4);
			assert.ok(crm.every((row) => row.dealStage === 'Closed Won (paid)' && row.amountPaid === 300));
			return summary('3. Chase past due', invoices);
		},
	},
	{
		...draftReview,
		verify(result, sandbox, window) {
			const [sent] = outputOf(result, 'Send to customer');
			assert.deepEqual(Object.keys(sent).slice(0, 3), ['id', 'status', 'paymentLink'], 'node version 2: Simplify on by default');
			const [published] = outputOf(result, 'Publish (share the link yourself)');
			assert.deepEqual([sent.id, published.id], ['ORD-1042', 'ORD-1043'], 'the order number is the Invoice Number');
			return draftReview.verify(result, sandbox, window);
		},
	},
];

/**
 * Compatibility, not examples: workflows saved with node version 1 (dev/realN8n/savedV1/) must still
 * do exactly what they did. The e2e imports and runs them; the demo shows only the examples.
 */
export const SAVED_V1_SCENARIOS: Scenario[] = [
	{
		...draftReview,
		workflowId: 'csV1DraftReview1',
		title: '4 (saved at node version 1). Draft → review → send or publish; update then cancel',
		verify(result, sandbox, window) {
			const [sent] = outputOf(result, 'Send to customer');
			assert.ok('invoiceInformation' in sent, 'node version 1: the full invoice, Simplify off by default');
			return draftReview.verify(result, sandbox, window);
		},
	},
];

/** Runs one example in the n8n of `env` on a freshly prepared sandbox, and checks what it did. */
export async function playScenario(scenario: Scenario, sandbox: Sandbox, env: NodeJS.ProcessEnv): Promise<ScenarioSummary> {
	sandbox.reset();
	scenario.prepare?.(sandbox);
	const startedAt = Date.now();
	const result = await executeWorkflow(scenario.workflowId, env);
	const window = { startedAt, endedAt: Date.now() };
	if (result.status !== 'success') {
		throw new Error(`execution ${result.status}: ${result.error?.message ?? ''} ${result.error?.description ?? ''}`.trim());
	}
	const refused = sandbox.requests().filter((request) => request.verdict !== 'ok');
	assert.deepEqual(refused, [], 'every request n8n sent was accepted by the sandbox');
	return scenario.verify(result, sandbox, window);
}
