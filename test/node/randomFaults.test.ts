/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Exactly once, and the truth, under seeded random faults. A proxy in front of the sandbox draws,
 * per request, whether it passes (~80 %), loses the answer after the sandbox acted (502, reset or
 * broken JSON, ~11 %) or turns it away before (429 / 503, ~7 %). Hundreds of items run at Parallel
 * Requests 8 with Retry On Fail and On Error: Continue; item 0 always fails (bad input or an
 * unknown invoice), so n8n re-runs the whole node for every try. The checks read what the sandbox
 * stored (its request log, its invoices) and every output item.
 *
 * Seeds: 11, 22 and 33, or FAULT_SEED=<n> for one (FAULT_SEED=random picks one and prints it).
 * With 8 requests in flight the order in which requests draw their fate varies a little, so a seed
 * reproduces the mix of faults, not every request's exact fate.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { RunResult } from '../harness/engine';
import { faultSeeds, printFaultSummary } from '../harness/faultProxy';
import { byNumber, createParams, events, itemsOf, stored, useSandbox } from './helpers';
import { runThrough, useFastTransport, useFaultProxy } from './idempotencyShared';

const sandbox = useSandbox();
const proxy = useFaultProxy(sandbox);
useFastTransport();

const SEEDS = faultSeeds([11, 22, 33]);
jest.setTimeout(120_000);
const CREATES = 200;
const ACTIONS = 200;
const RETRY = { retryOnFail: true, maxTries: 3, waitBetweenTries: 10 };
const PARALLEL = { parallelRequests: 8 };

/** One line per scenario, printed once at the end: the numbers a reader compares between versions. */
const summary: string[] = [`random faults: seeds ${SEEDS.join(', ')} (FAULT_SEED=<n> runs one)`];
afterAll(() => printFaultSummary(summary));

interface Row extends IDataObject {
	row: number;
	email: string;
	total: string;
}

/** Item 0 has a total that is not a number: it fails every try, so n8n runs the node 3 times. */
function rows(count: number): Row[] {
	return Array.from({ length: count }, (_, row) => ({
		row,
		email: `row${row}@example.com`,
		total: row === 0 ? 'ten dollars' : `${10 + (row % 90)}.00`,
	}));
}

const fromRows = (extra: INodeParameters = {}) =>
	createParams({
		customerEmail: '={{ $json.email }}',
		totalAmount: '={{ $json.total }}',
		additionalFields: extra,
		options: PARALLEL,
	});
const rowNumbers = { invoiceNumber: '={{ "ROW-" + $json.row }}' };

/** Invoices the sandbox created (successful create POSTs), by the number they were given. */
function createdNumbers(): string[] {
	return sandbox()
		.requests({ pathIncludes: '/invoicing/v2/invoices' })
		.filter((request) => request.method === 'POST' && request.path === '/invoicing/v2/invoices' && [201, 202].includes(request.status))
		.map((request) => String(((JSON.parse(request.body) as IDataObject).invoiceInformation as IDataObject).invoiceNumber));
}

const emailOf = (invoice: IDataObject) => String((invoice.customerInformation as IDataObject).email);

interface CreateCheck {
	okRows: Set<number>;
	errors: number;
	wrongRow: number;
}

/** Every output item: its invoice, if any, is its own row's; errors counted. */
function checkCreates(result: RunResult, input: Row[]): CreateCheck {
	const check: CreateCheck = { okRows: new Set(), errors: 0, wrongRow: 0 };
	for (const [index, json] of result.json.entries()) {
		if (json.error !== undefined) {
			check.errors++;
			continue;
		}
		const invoice = stored(sandbox(), String(json.id));
		if (emailOf(invoice) !== input[index].email || json.id === undefined) check.wrongRow++;
		else check.okRows.add(index);
	}
	return check;
}

/** Rows that have a stored invoice, and how many invoices more than one per row. */
function storedRows(): { rows: Set<number>; duplicates: number; total: number } {
	const numbers = createdNumbers();
	const byRow = numbers.map((number) => Number(/^row(\d+)@/.exec(emailOf(stored(sandbox(), number)))?.[1]));
	const rowSet = new Set(byRow);
	return { rows: rowSet, duplicates: byRow.length - rowSet.size, total: numbers.length };
}

const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);

async function runCreates(seed: number, extra: INodeParameters, executionCount = 1): Promise<RunResult[]> {
	const input = rows(CREATES);
	proxy().randomFaults(seed);
	const runs = Array.from({ length: executionCount }, () =>
		runThrough(sandbox(), proxy(), { retry: RETRY, onError: 'continueRegularOutput', items: itemsOf(input), parameters: fromRows(extra) }),
	);
	const results = await Promise.all(runs);
	proxy().stopRandomFaults();
	return results;
}

function report(label: string, seed: number, numbers: Record<string, number>): void {
	summary.push(`seed ${seed} ${label}: ${Object.entries(numbers).map(([key, value]) => `${key} ${value}`).join(', ')}`);
}

describe.each(SEEDS)('Creates under random faults (seed %i)', (seed) => {
	it('assigned numbers: every invoice stored is an item without error, its own row, once', async () => {
		const [result] = await runCreates(seed, {});
		const check = checkCreates(result, rows(CREATES));
		const kept = storedRows();
		report('create assigned', seed, { items: CREATES, stored: kept.total, errorItems: check.errors, duplicates: kept.duplicates });

		expect(result.json).toHaveLength(CREATES);
		expect(result.json[0].error).toContain('Total Amount');
		expect(check.wrongRow).toBe(0);
		expect(kept.duplicates).toBe(0);
		expect(sorted(kept.rows)).toEqual(sorted(check.okRows));
		expect(check.errors).toBe(1);
	});

	it('row numbers, then the same rows again: still one invoice per row, every item its own', async () => {
		const [first] = await runCreates(seed, rowNumbers);
		const firstCheck = checkCreates(first, rows(CREATES));
		const afterFirst = storedRows();
		const [again] = await runCreates(seed + 1, rowNumbers);
		const againCheck = checkCreates(again, rows(CREATES));
		const kept = storedRows();
		report('create row numbers', seed, { items: CREATES, stored: afterFirst.total, errorItems: firstCheck.errors });
		report('create row numbers, re-run', seed, { items: CREATES, stored: kept.total, errorItems: againCheck.errors, duplicates: kept.duplicates });

		for (const check of [firstCheck, againCheck]) expect(check.wrongRow).toBe(0);
		expect(sorted(afterFirst.rows)).toEqual(sorted(firstCheck.okRows));
		expect(kept.duplicates).toBe(0);
		expect(sorted(kept.rows)).toEqual(sorted(againCheck.okRows));
		expect(againCheck.errors).toBe(1);
	});

	it('two executions at once on the same rows: one invoice per row, both outputs agree with it', async () => {
		const [one, two] = await runCreates(seed, rowNumbers, 2);
		const checks = [checkCreates(one, rows(CREATES)), checkCreates(two, rows(CREATES))];
		const kept = storedRows();
		report('create two executions at once', seed, {
			items: 2 * CREATES,
			stored: kept.total,
			errorItems: checks[0].errors + checks[1].errors,
			duplicates: kept.duplicates,
		});

		for (const check of checks) expect(check.wrongRow).toBe(0);
		expect(kept.duplicates).toBe(0);
		for (const check of checks) expect(sorted(kept.rows)).toEqual(sorted(check.okRows));
	});
});

/** What an item's output says happened to its invoice. */
type Claim = 'done' | 'not done' | 'unknown';

function claimOf(json: IDataObject): Claim {
	if (json.error === undefined) return 'done';
	// "shows no change, so it was not done", or a 429 after its retries: nothing was applied.
	return /so it was not done/.test(String(json.description)) || json.httpCode === '429' ? 'not done' : 'unknown';
}

const SEND_EVENTS = new Set(['SEND', 'RESEND']);

/** Send or cancel `ACTIONS` invoices; item 0 is an unknown invoice, so every try re-runs all items. */
async function runAction(seed: number, operation: 'send' | 'cancel', status: string): Promise<{ ids: string[]; result: RunResult }> {
	const ids = sandbox().seed(ACTIONS - 1, { status });
	const numbers = ['NO-SUCH-INVOICE', ...ids];
	const parameters = {
		resource: 'invoice',
		operation,
		invoiceId: byNumber('={{ $json.number }}'),
		options: PARALLEL,
	} as INodeParameters;
	proxy().randomFaults(seed);
	const result = await runThrough(sandbox(), proxy(), {
		retry: RETRY,
		onError: 'continueRegularOutput',
		items: itemsOf(numbers.map((number) => ({ number }))),
		parameters,
	});
	proxy().stopRandomFaults();
	return { ids, result };
}

interface ActionCheck {
	errors: number;
	/** Error items that do not know whether their action happened (the read-back budget ran out). */
	unconfirmed: number;
	twice: number;
	disagree: number;
}

/** Per invoice: how often the action happened (from its history) and whether its item says so. */
function checkAction(ids: string[], result: RunResult, happened: (invoice: IDataObject) => number): ActionCheck {
	const check: ActionCheck = { errors: 0, unconfirmed: 0, twice: 0, disagree: 0 };
	for (const [index, id] of ids.entries()) {
		const json = result.json[index + 1];
		const times = happened(stored(sandbox(), id));
		const claim = claimOf(json);
		if (claim !== 'done') check.errors++;
		if (claim === 'unknown') check.unconfirmed++;
		if (times > 1) check.twice++;
		if ((claim === 'done' && (times !== 1 || json.id !== id)) || (claim === 'not done' && times !== 0)) check.disagree++;
	}
	return check;
}

describe.each(SEEDS)('Send and Cancel with Retry On Fail under random faults (seed %i)', (seed) => {
	it('send: each invoice emailed at most once, every item agrees with its history', async () => {
		const { ids, result } = await runAction(seed, 'send', 'CREATED');
		const check = checkAction(ids, result, (invoice) => events(invoice).filter((event) => SEND_EVENTS.has(event)).length);
		report('send', seed, { items: ACTIONS, errorItems: check.errors, emailedTwice: check.twice, disagree: check.disagree });

		expect(result.json).toHaveLength(ACTIONS);
		expect(result.json[0].error).toBe('Invoice "NO-SUCH-INVOICE" does not exist');
		expect(check.twice).toBe(0);
		expect(check.disagree).toBe(0);
		// An item may end "not sent" (a 503 on its every try): true, and safe to run again; never "may have been".
		expect(check.unconfirmed).toBe(0);
	});

	it('cancel: each invoice canceled at most once, every item agrees with its history', async () => {
		const { ids, result } = await runAction(seed, 'cancel', 'SENT');
		const check = checkAction(ids, result, (invoice) => events(invoice).filter((event) => event === 'CANCEL').length);
		report('cancel', seed, { items: ACTIONS, errorItems: check.errors, canceledTwice: check.twice, disagree: check.disagree });

		expect(result.json).toHaveLength(ACTIONS);
		expect(check.twice).toBe(0);
		expect(check.disagree).toBe(0);
		expect(check.unconfirmed).toBe(0);
	});
});
