/**
 * Invoice numbers the node assigns: unique across n8n databases that present the same instance,
 * workflow and execution ids (a migration, a restored backup, a staging copy with the production
 * encryption key), yet the same on every try of an item within one execution.
 */
import type { IDataObject } from 'n8n-workflow';

import { SEED_KEY } from '../../nodes/CybersourceInvoice/actions/invoice/numberOrigin';
import { NODE_NAME, type RunResult } from '../harness/engine';
import { bodyOf, createParams, itemsOf, run, runOk, useSandbox } from './helpers';
import { calls, RETRY_3, storedInvoices, useFastTransport } from './idempotencyShared';

const sandbox = useSandbox();
useFastTransport();

const CREATE = '/invoicing/v2/invoices';
const ASSIGNED = /^N8N-[0-9A-Z]{12}-\d+$/;

const customers: IDataObject[] = [0, 1, 2].map((index) => ({ email: `customer${index}@example.com`, total: `${20 + index}.00` }));
const fromItems = createParams({ customerEmail: '={{ $json.email }}', totalAmount: '={{ $json.total }}' });

function seedOf(result: RunResult): unknown {
	const contexts = (result.run.data.executionData?.contextData ?? {}) as Record<string, IDataObject>;
	return contexts[`node:${NODE_NAME}`]?.[SEED_KEY];
}

function createdNumbers(): string[] {
	return sandbox()
		.requests()
		.filter((request) => request.method === 'POST' && request.path === CREATE)
		.map((request) => String((bodyOf(request).invoiceInformation as IDataObject).invoiceNumber));
}

describe('Executions of two n8n databases with the same ids', () => {
	it('the same items in execution 7001 of each get different numbers: 6 invoices, none returned as another run\'s', async () => {
		// Same process: same instance id (encryption key) and workflow id; execution ids restarted.
		const before = await runOk(sandbox(), { executionId: '7001', items: itemsOf(customers), parameters: fromItems });
		const after = await runOk(sandbox(), { executionId: '7001', items: itemsOf(customers), parameters: fromItems });

		const numbers = [...before.json, ...after.json].map((json) => String(json.id));
		expect(numbers).toEqual(Array(6).fill(expect.stringMatching(ASSIGNED)));
		expect(new Set(numbers).size).toBe(6);
		expect(calls(sandbox()).filter((line) => line.startsWith('POST'))).toEqual(Array(6).fill(`POST ${CREATE} 201`));
		expect(await storedInvoices(sandbox())).toHaveLength(6);
	});

	it('each execution keeps its own random seed in the node\'s execution context', async () => {
		const first = await runOk(sandbox(), { executionId: '7001', parameters: createParams() });
		const second = await runOk(sandbox(), { executionId: '7001', parameters: createParams() });
		expect(seedOf(first)).toMatch(/^[0-9a-f]{32}$/);
		expect(seedOf(second)).toMatch(/^[0-9a-f]{32}$/);
		expect(seedOf(second)).not.toBe(seedOf(first));
	});
});

describe('Within one execution the number stays, random part included', () => {
	it('Retry On Fail after a create whose outcome was unknown sends the same number again: 1 invoice', async () => {
		// Try 1: the create is answered 503 and every lookup fails, so the node stops without knowing.
		sandbox().injectFault({ kind: '503', method: 'POST', path: 'v2/invoices', count: 1 });
		sandbox().injectFault({ kind: '503', method: 'GET', path: 'v2/invoices/', count: 50 });
		const result = await runOk(sandbox(), { retry: RETRY_3, parameters: createParams() });
		sandbox().clearFaults();

		const lines = calls(sandbox());
		expect(lines[0]).toBe(`POST ${CREATE} 503`);
		expect(lines.slice(1, -1)).toEqual(Array(lines.length - 2).fill(expect.stringMatching(/^GET \S+ 503$/)));
		expect(lines.at(-1)).toBe(`POST ${CREATE} 201`);
		const [failedTry, retriedTry] = createdNumbers();
		expect(retriedTry).toBe(failedTry);
		expect(result.json[0].id).toBe(failedTry);
		expect(seedOf(result)).toMatch(/^[0-9a-f]{32}$/);
		expect(await storedInvoices(sandbox())).toHaveLength(1);
	});

	it('Retry On Fail after a bad 3rd item: the 2 invoices of the first try are found, not made again', async () => {
		const items = itemsOf([...customers.slice(0, 2), { email: 'customer2@example.com', total: 'twenty' }]);
		const result = await run(sandbox(), { retry: RETRY_3, items, parameters: fromItems });

		expect(result.error?.message).toContain('[item 3]');
		const numbers = createdNumbers();
		// Try 1 sends items 0 and 1; tries 2 and 3 send the same two numbers and are refused as duplicates.
		expect(numbers).toHaveLength(6);
		expect(new Set(numbers).size).toBe(2);
		expect(seedOf(result)).toMatch(/^[0-9a-f]{32}$/);
		expect(await storedInvoices(sandbox())).toHaveLength(2);
	});
});
