/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The polling trigger in n8n-core's PollContext against the sandbox: the first poll records the
 * state and emits nothing, later polls emit each change once (also after a restart), partial
 * payments are seen in the invoice's history (each payment once: pollingPayments.test.ts), and
 * the cost of a poll follows the open invoices only.
 */
import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { ALL_POLL_EVENTS, pollingOn, savedStaticData, type PollingTrigger } from './context';
import { createSentInvoice, post } from './helpers';

const ALL = ALL_POLL_EVENTS;

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, quiet: true });
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.reset());

const trigger = (events = ALL, staticData?: Record<string, unknown>): PollingTrigger => pollingOn(sandbox, events, staticData);

function summary(items: Array<Record<string, unknown>>): string[] {
	return items.map((item) => `${String(item.invoiceNumber)} ${String(item.event)}`);
}

/** The measured request counts, printed only on request: SHOW_POLLING_COST=1 npx jest test/trigger/polling.test.ts */
function reportCost(line: string): void {
	if (process.env.SHOW_POLLING_COST) console.log(`[polling cost] ${line}`);
}

/** API requests one poll made (hooks are not logged). */
async function requestsOf(work: () => Promise<unknown>): Promise<string[]> {
	const before = sandbox.requests().slice(-1)[0]?.seq ?? 0;
	await work();
	return sandbox.requests({ since: before }).map((entry) => `${entry.method} ${entry.path}`);
}

test('the first poll records the state and emits nothing; "Fetch Test Event" returns the newest matching invoice', async () => {
	const paid = await createSentInvoice(sandbox);
	sandbox.pay(paid);
	await createSentInvoice(sandbox);
	const poller = trigger(['paid']);
	expect(await poller.poll()).toEqual([]);
	expect(await poller.poll()).toEqual([]);
	const [sample] = await poller.poll('manual');
	expect(sample).toMatchObject({ event: 'paid', invoiceNumber: paid, invoice: { status: 'PAID', balanceAmount: 0 } });
	// The sample carries the payment that settled the invoice, as real items do.
	expect(sample).toMatchObject({ payment: { transactionId: expect.stringMatching(/^\d{22}$/), amount: 100, currency: 'USD' }, amountPaid: 100, balanceAmount: 0, totalAmount: 100 });
});

test('each change is emitted once: created, sent, partially paid, paid, canceled', async () => {
	const poller = trigger();
	const draft = (await post(sandbox, '/invoicing/v2/invoices', {
		customerInformation: { name: 'Ada', email: 'ada@example.com' },
		invoiceInformation: { description: 'Draft', dueDate: '2031-01-01', allowPartialPayments: true },
		orderInformation: { amountDetails: { totalAmount: '100.00', currency: 'USD' } },
	})).json.id as string;
	const toCancel = await createSentInvoice(sandbox);
	await poller.poll(); // baseline

	await post(sandbox, `/invoicing/v2/invoices/${draft}/delivery`);
	const created = await createSentInvoice(sandbox);
	expect(summary(await poller.poll())).toEqual([`${draft} sent`, `${created} created`, `${created} sent`]);

	sandbox.pay(draft, { amount: '40.00' });
	await post(sandbox, `/invoicing/v2/invoices/${toCancel}/cancelation`);
	const items = await poller.poll();
	expect(summary(items)).toEqual([`${draft} partiallyPaid`, `${toCancel} canceled`]);
	expect(items[0]).toMatchObject({ invoice: { status: 'PARTIAL', balanceAmount: 60 }, occurredAt: expect.stringMatching(/^\d{4}-/) });

	sandbox.pay(draft);
	expect(summary(await poller.poll())).toEqual([`${draft} paid`]);
	expect(await poller.poll()).toEqual([]);
});

test('two partial payments are two events: the second is seen in the history, the status staying PARTIAL', async () => {
	const id = await createSentInvoice(sandbox, true);
	const poller = trigger(['partiallyPaid', 'paid']);
	await poller.poll();
	sandbox.pay(id, { amount: '10.00' });
	expect(summary(await poller.poll())).toEqual([`${id} partiallyPaid`]);
	sandbox.pay(id, { amount: '15.00' });
	const [second] = await poller.poll();
	expect(second).toMatchObject({ event: 'partiallyPaid', invoice: { balanceAmount: 75 } });
	expect(await poller.poll()).toEqual([]);
});

test('after a restart (state from static data) each change is still emitted exactly once', async () => {
	const a = await createSentInvoice(sandbox);
	const b = await createSentInvoice(sandbox);
	const first = trigger();
	await first.poll();
	sandbox.pay(a);
	expect(summary(await first.poll())).toEqual([`${a} paid`]);
	const saved = savedStaticData(first.workflow);

	sandbox.pay(b);
	const afterRestart = trigger(ALL, saved);
	expect(summary(await afterRestart.poll())).toEqual([`${b} paid`]);
	expect(await afterRestart.poll()).toEqual([]);
});

test('only the chosen events are emitted, and the state holds open invoices only', async () => {
	const ids = [await createSentInvoice(sandbox), await createSentInvoice(sandbox)];
	const poller = trigger(['canceled']);
	await poller.poll();
	sandbox.pay(ids[0]);
	await post(sandbox, `/invoicing/v2/invoices/${ids[1]}/cancelation`);
	await createSentInvoice(sandbox);
	expect(summary(await poller.poll())).toEqual([`${ids[1]} canceled`]);
	const state = savedStaticData(poller.workflow)['node:Cybersource Invoice Trigger'] as { pollState: { open: Record<string, unknown> } };
	expect(Object.keys(state.pollState.open)).toHaveLength(1);
});

test('with 50,000 paid and 200 open invoices a poll makes a handful of requests, and a payment among them is found', async () => {
	sandbox.seed(50_000, { status: 'PAID' });
	const open = sandbox.seed(200, { status: 'SENT' });
	const poller = trigger();
	const baselineRequests = await requestsOf(() => poller.poll());
	const quietRequests = await requestsOf(() => poller.poll());
	sandbox.pay(open[17]);
	let items: Array<Record<string, unknown>> = [];
	const changeRequests = await requestsOf(async () => (items = await poller.poll()));
	expect(summary(items)).toEqual([`${open[17]} paid`]);
	// Measured and reported: one list per open status plus the head of the list; a change adds its reads.
	reportCost(`50,000 paid + 200 open: baseline ${baselineRequests.length}, quiet poll ${quietRequests.length}, poll with one payment ${changeRequests.length} requests`);
	expect(quietRequests).toHaveLength(5);
	expect(quietRequests.every((line) => line.startsWith('GET /invoicing/v2/invoices?'))).toBe(true);
	expect(changeRequests.length).toBeLessThanOrEqual(7);
});

test('10,000 open invoices: the poll pages through them (1,000 per request) and finds the three that were paid', async () => {
	const open = sandbox.seed(10_000, { status: 'SENT' });
	const poller = trigger(['paid']);
	await poller.poll();
	for (const id of [open[0], open[5000], open[9999]]) sandbox.pay(id);
	let items: Array<Record<string, unknown>> = [];
	const requests = await requestsOf(async () => (items = await poller.poll()));
	expect(summary(items).sort()).toEqual([`${open[0]} paid`, `${open[5000]} paid`, `${open[9999]} paid`].sort());
	reportCost(`10,000 open invoices: ${requests.length} requests for a poll with 3 payments`);
	expect(requests.length).toBeLessThanOrEqual(4 + 10 + 3 + 1);
});

test('PARTIAL invoices are read one by one only when "Partially Paid" is chosen (their balance is not in the list)', async () => {
	sandbox.seed(180, { status: 'SENT' });
	sandbox.seed(20, { status: 'PARTIAL' });
	const paidOnly = trigger(['paid']);
	await paidOnly.poll();
	expect(await requestsOf(() => paidOnly.poll())).toHaveLength(5);
	const partial = trigger(['partiallyPaid']);
	await partial.poll();
	const requests = await requestsOf(() => partial.poll());
	reportCost(`180 SENT + 20 PARTIAL with "Partially Paid": ${requests.length} requests per quiet poll`);
	expect(requests).toHaveLength(5 + 20);
});
