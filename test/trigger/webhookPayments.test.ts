/**
 * The webhook trigger reports the payment each notification announced: two partial payments
 * notified close together start two runs with their own transaction id and amount (matched by the
 * balance each notification carries), the payment that settles the invoice is the Paid run, and a
 * redelivery starts nothing; the reported payments are in the static data n8n stores.
 */
import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { sandboxCredentials } from '../harness/sandbox';
import { createSentInvoice, payInvoice } from './helpers';
import { forgetProcessMemory, webhookTrigger, type WebhookTrigger } from './webhookContext';

const STATE_KEY = 'node:Cybersource Invoice Trigger';

let sandbox: Sandbox;
let trigger: WebhookTrigger;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, quiet: true, webhookRetryUnitMs: 30 });
});
afterAll(() => sandbox.close());
afterEach(async () => {
	await trigger?.close();
	sandbox.reset();
	// Each test is a fresh n8n process.
	forgetProcessMemory();
});

async function activeTrigger(): Promise<WebhookTrigger> {
	trigger = await webhookTrigger({ parameters: { events: ['paid', 'partiallyPaid'] }, credentials: sandboxCredentials(sandbox) });
	await trigger.activate();
	await sandbox.webhooks.settled();
	return trigger;
}

/** `<event> <transaction id> <amount> <balance after>` of each run's item. */
function reported(): string[] {
	return trigger.runs.map(([item]) => {
		const payment = item.payment as { transactionId: string; amount: number };
		return `${String(item.event)} ${payment.transactionId} ${payment.amount} ${String(item.balanceAmount)}`;
	});
}

function notificationDeliveries() {
	return sandbox.webhooks.deliveries().filter((attempt) => attempt.kind === 'notification' && attempt.requestType === 'NEW');
}

test('two partial payments notified close together: two runs, each with its own transaction id and amount; then the Paid run; redeliveries start nothing', async () => {
	await activeTrigger();
	const id = await createSentInvoice(sandbox, true);
	// Both calls read the invoice with both payments in it, and load the static data before either writes.
	trigger.holdWrites(2);
	const tx1 = payInvoice(sandbox, id, '10.00');
	const tx2 = payInvoice(sandbox, id, '15.00');
	await sandbox.webhooks.settled();
	expect(reported().sort()).toEqual([`partiallyPaid ${tx1} 10 90`, `partiallyPaid ${tx2} 15 75`].sort());
	// Each run reports the payment its own notification announced (the balance the notification carries).
	for (const [item] of trigger.runs) {
		const delivery = notificationDeliveries().find((attempt) => attempt.notificationId === item.notificationId)!;
		expect(Number(JSON.parse(delivery.body!).payloads[0].data.balanceAmount)).toBe(item.balanceAmount);
	}

	const tx3 = payInvoice(sandbox, id);
	await sandbox.webhooks.settled();
	expect(reported().slice(2)).toEqual([`paid ${tx3} 75 0`]);
	expect(trigger.runs[2][0]).toMatchObject({ amountPaid: 100, totalAmount: 100, payment: { currency: 'USD' }, invoice: { status: 'PAID', amountPaid: 100 } });

	for (const attempt of notificationDeliveries()) sandbox.webhooks.redeliver(attempt.notificationId!);
	await sandbox.webhooks.settled();
	expect(trigger.runs).toHaveLength(3);
	const stored = trigger.stored()[STATE_KEY] as { reportedPayments: Record<string, number> };
	expect(Object.keys(stored.reportedPayments).sort()).toEqual([tx1, tx2, tx3].map((tx) => `${id} ${tx}`).sort());
});

test('ten partial payments notified together, with the static data written back in the worst order: each payment reported once', async () => {
	await activeTrigger();
	const id = await createSentInvoice(sandbox, true);
	trigger.holdWrites(10);
	const tx = Array.from({ length: 10 }, (_, index) => payInvoice(sandbox, id, `${index + 1}.00`));
	await sandbox.webhooks.settled();
	expect(trigger.runs.map(([item]) => (item.payment as { transactionId: string }).transactionId).sort()).toEqual([...tx].sort());
	expect(trigger.runs.map(([item]) => (item.payment as { amount: number }).amount).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
	const stored = trigger.stored()[STATE_KEY] as { reportedPayments: Record<string, number> };
	expect(Object.keys(stored.reportedPayments)).toHaveLength(10);
});

test('a payment made before the trigger was active is not what a later notification reports', async () => {
	const id = await createSentInvoice(sandbox, true);
	payInvoice(sandbox, id, '40.00');
	await activeTrigger();
	const last = payInvoice(sandbox, id);
	await sandbox.webhooks.settled();
	expect(reported()).toEqual([`paid ${last} 60 0`]);
});
