/**
 * The polling trigger reports every payment once, with its own transaction id and amount: several
 * payments between two polls, a restart between polls, a payment on an invoice created since the
 * last poll, and state saved by the version that only kept balances.
 */
import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { ALL_POLL_EVENTS, pollingOn, savedStaticData, type PollingTrigger } from './context';
import { createSentInvoice, payInvoice } from './helpers';

const ALL = ALL_POLL_EVENTS;
const STATE_KEY = 'node:Cybersource Invoice Trigger';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, quiet: true });
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.reset());

const trigger = (events = ALL, staticData?: Record<string, unknown>): PollingTrigger => pollingOn(sandbox, events, staticData);

/** "<invoice> <event> <transaction id> <amount>" per item, the payment fields being what the workflow sees. */
function payments(items: Array<Record<string, unknown>>): string[] {
	return items.map((item) => {
		const payment = item.payment as { transactionId?: string; amount?: number } | undefined;
		return [item.invoiceNumber, item.event, payment?.transactionId, payment?.amount].filter((part) => part !== undefined).join(' ');
	});
}

async function requestCount(work: () => Promise<unknown>): Promise<number> {
	const before = sandbox.requests().slice(-1)[0]?.seq ?? 0;
	await work();
	return sandbox.requests({ since: before }).length;
}

test('three payments between two polls are three events, oldest first, each with its transaction id, amount and the totals after it', async () => {
	const id = await createSentInvoice(sandbox, true);
	const poller = trigger();
	await poller.poll();
	const tx = [payInvoice(sandbox, id, '10.00'), payInvoice(sandbox, id, '15.50'), payInvoice(sandbox, id)];
	expect(new Set(tx).size).toBe(3);

	const items = await poller.poll();
	expect(payments(items)).toEqual([`${id} partiallyPaid ${tx[0]} 10`, `${id} partiallyPaid ${tx[1]} 15.5`, `${id} paid ${tx[2]} 74.5`]);
	expect(items.map(({ amountPaid, balanceAmount, totalAmount }) => [amountPaid, balanceAmount, totalAmount])).toEqual([
		[10, 90, 100],
		[25.5, 74.5, 100],
		[100, 0, 100],
	]);
	expect(items[0]).toMatchObject({
		payment: { currency: 'USD', date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
		occurredAt: (items[0].payment as { date: string }).date,
		invoice: { status: 'PAID', amountPaid: 100, payments: [{ transactionId: tx[0] }, { transactionId: tx[1] }, { transactionId: tx[2] }] },
	});
	expect(await poller.poll()).toEqual([]);
});

test('ten partial payments between two polls: ten items, and the poll costs what a quiet one does', async () => {
	const id = await createSentInvoice(sandbox, true);
	const poller = trigger(['partiallyPaid', 'paid']);
	await poller.poll();
	payInvoice(sandbox, id, '1.00');
	await poller.poll();
	const quiet = await requestCount(() => poller.poll());
	const tx = Array.from({ length: 10 }, (_, index) => payInvoice(sandbox, id, `${index + 1}.00`));
	let items: Array<Record<string, unknown>> = [];
	const busy = await requestCount(async () => (items = await poller.poll()));
	expect(payments(items)).toEqual(tx.map((transactionId, index) => `${id} partiallyPaid ${transactionId} ${index + 1}`));
	expect(items[9]).toMatchObject({ amountPaid: 56, balanceAmount: 44 });
	// The partly paid invoice is read every poll anyway: ten payments add no request.
	expect(busy).toBe(quiet);
});

test('after a restart between polls, each payment is still reported exactly once', async () => {
	const id = await createSentInvoice(sandbox, true);
	const first = trigger(['partiallyPaid', 'paid']);
	await first.poll();
	const tx1 = payInvoice(sandbox, id, '20.00');
	expect(payments(await first.poll())).toEqual([`${id} partiallyPaid ${tx1} 20`]);

	const tx2 = payInvoice(sandbox, id, '30.00');
	const tx3 = payInvoice(sandbox, id);
	const restarted = trigger(['partiallyPaid', 'paid'], savedStaticData(first.workflow));
	expect(payments(await restarted.poll())).toEqual([`${id} partiallyPaid ${tx2} 30`, `${id} paid ${tx3} 50`]);
	const again = trigger(['partiallyPaid', 'paid'], savedStaticData(restarted.workflow));
	expect(await again.poll()).toEqual([]);
});

test('a poll that fails is repeated whole: its payments are reported by the next poll, once', async () => {
	const id = await createSentInvoice(sandbox, true);
	const poller = trigger(['partiallyPaid', 'paid']);
	await poller.poll();
	const saved = savedStaticData(poller.workflow);
	const tx = payInvoice(sandbox, id, '40.00');
	// More refusals than a read's budget (8 tries), answered at once so the poll fails without waiting.
	sandbox.injectFault({ kind: '429', retryAfterSeconds: 0, method: 'GET', path: `/invoicing/v2/invoices/${id}`, count: 8 });
	await expect(poller.poll()).rejects.toThrow();
	expect(savedStaticData(poller.workflow)).toEqual(saved);
	expect(payments(await poller.poll())).toEqual([`${id} partiallyPaid ${tx} 40`]);
	expect(await poller.poll()).toEqual([]);
});

test('payments on an invoice created since the last poll: created, then each payment', async () => {
	const poller = trigger();
	await poller.poll();
	const id = await createSentInvoice(sandbox, true);
	const tx = [payInvoice(sandbox, id, '30.00'), payInvoice(sandbox, id)];
	expect(payments(await poller.poll())).toEqual([`${id} created`, `${id} partiallyPaid ${tx[0]} 30`, `${id} paid ${tx[1]} 70`]);

	const paidOnly = trigger(['paid']);
	await paidOnly.poll();
	const other = await createSentInvoice(sandbox, true);
	payInvoice(sandbox, other, '30.00');
	const last = payInvoice(sandbox, other);
	expect(payments(await paidOnly.poll())).toEqual([`${other} paid ${last} 70`]);
});

test('state saved by the version that kept balances: payments made before it are not reported again', async () => {
	const id = await createSentInvoice(sandbox, true);
	const sent = await createSentInvoice(sandbox);
	payInvoice(sandbox, id, '10.00');
	const current = trigger();
	await current.poll();
	const head = (savedStaticData(current.workflow)[STATE_KEY] as { pollState: { head: string[] } }).pollState.head;
	const oldState = { [STATE_KEY]: { pollState: { version: 1, open: { [id]: ['PARTIAL', 90], [sent]: ['SENT', null] }, head } } };

	const tx = payInvoice(sandbox, id, '15.00');
	const paid = payInvoice(sandbox, sent);
	const upgraded = trigger(ALL, oldState);
	expect(payments(await upgraded.poll())).toEqual([`${id} partiallyPaid ${tx} 15`, `${sent} paid ${paid} 100`]);
	expect(await upgraded.poll()).toEqual([]);
});
