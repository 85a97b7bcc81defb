/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Payment events exactly once when faults pile up. 40 invoices are paid at once (two partial
 * payments and the settling one each: 120 notifications arriving together); the trigger's reads of
 * Cybersource go through a proxy that fails 30 % of them at random (seeded: FAULT_SEED=<n> or
 * FAULT_SEED=random reproduces; the seed is printed), and the gateway waits only 300 ms for an
 * answer, so it delivers again while the first copy is still being handled, and some copies fail
 * after the gateway stopped listening. Every notification must start the workflow exactly once and
 * every payment be reported exactly once.
 */
import { startSandbox, type Sandbox } from '../../dev/sandbox';
import { faultSeeds, printFaultSummary, startFaultProxy, type FaultProxy, type FaultTally } from '../harness/faultProxy';
import { sandboxCredentials } from '../harness/sandbox';
import { createSentInvoice, payInvoice } from './helpers';
import { forgetProcessMemory, webhookTrigger, type WebhookTrigger } from './webhookContext';

const SEEDS = faultSeeds([11, 22]);
const INVOICES = 40;
/** Per read: lost after the sandbox answered (502 / reset / broken JSON) or refused before (429 / 503). */
const READ_FAULTS = { lostAfter: 0.2, refusedBefore: 0.1 };
jest.setTimeout(120_000);

let sandbox: Sandbox;
let proxy: FaultProxy;
let trigger: WebhookTrigger | undefined;
const summary: string[] = [];

beforeAll(async () => {
	// Retries 0.5, 1 and 1.5 s after a failed try (the trigger's policy: 1, 2, 3 units).
	sandbox = await startSandbox({ port: 0, quiet: true, webhookRetryUnitMs: 500, webhookTimeoutMs: 300 });
	proxy = await startFaultProxy(sandbox.url);
});
afterAll(async () => {
	printFaultSummary(summary);
	await proxy.close();
	await sandbox.close();
});
afterEach(async () => {
	proxy.stopRandomFaults();
	await trigger?.close();
	sandbox.reset();
	forgetProcessMemory();
});

async function paidInvoices(): Promise<string[]> {
	const transactions: string[] = [];
	const invoices: string[] = [];
	for (let i = 0; i < INVOICES; i++) invoices.push(await createSentInvoice(sandbox, true));
	for (const id of invoices) transactions.push(payInvoice(sandbox, id, '10.00'), payInvoice(sandbox, id, '15.00'), payInvoice(sandbox, id));
	return transactions;
}

/** Waits until `done`, at most 15 s (a copy reads within 5 s); the assertions then say what is missing. */
async function until(done: () => boolean): Promise<void> {
	const deadline = Date.now() + 15_000;
	while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

function countBy(values: string[]): Record<string, number> {
	return values.reduce<Record<string, number>>((all, value) => ({ ...all, [value]: (all[value] ?? 0) + 1 }), {});
}

/** What a delivery was answered, in a few words. */
function answerKind(attempt: { status: number; answer?: string }): string {
	if (attempt.status === 0) return 'no answer in time';
	if (attempt.status === 503) return attempt.answer?.includes('being handled') ? '503 copy in progress' : '503 unreadable invoice';
	return `${attempt.status} ${String((JSON.parse(attempt.answer ?? '{}') as { status?: string }).status)}`;
}

describe.each(SEEDS)('120 payment notifications at once under random read faults and a gateway that stops waiting (seed %i)', (seed) => {
	test('each notification starts the workflow once and each payment is reported once', async () => {
		trigger = await webhookTrigger({
			parameters: { events: ['paid', 'partiallyPaid'] },
			credentials: { ...sandboxCredentials(sandbox), baseUrl: proxy.url },
		});
		await trigger.activate();
		await sandbox.webhooks.settled();
		proxy.randomFaults(seed, READ_FAULTS);
		const transactions = await paidInvoices();
		await sandbox.webhooks.settled();
		const started = trigger;
		// A copy the gateway stopped waiting for may still be running: wait for one run per notification.
		await until(() => started.runs.length >= transactions.length);
		await new Promise((resolve) => setTimeout(resolve, 1000)); // nothing more may start
		const tally: FaultTally = proxy.stopRandomFaults();

		const attempts = sandbox.webhooks.deliveries().filter((attempt) => attempt.kind === 'notification');
		const notifications = [...new Set(attempts.map((attempt) => attempt.notificationId!))];
		const runsPer = countBy(started.runs.map(([item]) => String(item.notificationId)));
		expect(notifications).toHaveLength(transactions.length);
		expect(notifications.filter((id) => runsPer[id] !== 1)).toEqual([]);
		const reported = started.runs.map(([item]) => String((item.payment as { transactionId: string }).transactionId));
		expect(reported.sort()).toEqual([...transactions].sort());
		// A chain may end with the gateway giving up on slow answers (a loaded machine); the copy it
		// stopped waiting for still ran, as the counts above prove. Reported, not asserted.
		const gaveUp = attempts.filter((attempt) => attempt.outcome === 'gave-up').length;

		const answers = countBy(attempts.map(answerKind));
		summary.push(
			`webhook random faults, seed ${seed}: ${transactions.length} notifications, ${attempts.length} deliveries (${JSON.stringify(answers)}); reads ${JSON.stringify(tally)}; runs ${started.runs.length}, each notification once, each payment once; chains the gateway gave up on: ${gaveUp}`,
		);
	});
});
