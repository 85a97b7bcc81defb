/** Which payment a Paid / Partially Paid notification reports, when notifications carry no transaction id. */
import { claimAnnouncedPayment } from '../../nodes/CybersourceInvoiceTrigger/helpers/announcedPayment';
import { forgetTriggerMemory } from '../../nodes/CybersourceInvoiceTrigger/helpers/triggerMemory';

afterEach(() => forgetTriggerMemory());

/** As GET answers it: history newest first, amounts as strings; payments oldest first here. */
function invoice(balance: string, payments: Array<[string, string]>) {
	return {
		id: 'INV-7',
		orderInformation: { amountDetails: { currency: 'USD', totalAmount: '100.00', balanceAmount: balance } },
		invoiceHistory: payments
			.map(([transactionId, amount], index) => ({ event: 'PAYMENT', date: `2026-01-0${index + 2}T10:00:00.000Z`, transactionDetails: { transactionId, amount } }))
			.reverse(),
	};
}

function notification(balanceAmount?: string) {
	return { notificationId: 'n', payloads: [{ data: { invoiceNumber: 'INV-7', ...(balanceAmount === undefined ? {} : { balanceAmount }) } }] };
}

const twoPartial = invoice('75.00', [['tx-10', '10.00'], ['tx-15', '15.00']]);

test("the notification's balance picks its own payment, whatever order the calls run in", () => {
	const state = {};
	const second = claimAnnouncedPayment(state, 'wf:node', { invoiceNumber: 'INV-7', invoice: twoPartial, event: 'partiallyPaid', notification: notification('75.00') });
	const first = claimAnnouncedPayment(state, 'wf:node', { invoiceNumber: 'INV-7', invoice: twoPartial, event: 'partiallyPaid', notification: notification('90.00') });
	expect(second.totals).toMatchObject({ payment: { transactionId: 'tx-15', amount: 15 }, amountPaid: 25, balanceAmount: 75 });
	expect(first.totals).toMatchObject({ payment: { transactionId: 'tx-10', amount: 10 }, amountPaid: 10, balanceAmount: 90 });
});

test('without a balance, two concurrent calls take the newest and then the next payment: each once', () => {
	const state = {};
	const a = claimAnnouncedPayment(state, 'wf:node', { invoiceNumber: 'INV-7', invoice: twoPartial, event: 'partiallyPaid', notification: notification() });
	const b = claimAnnouncedPayment(state, 'wf:node', { invoiceNumber: 'INV-7', invoice: twoPartial, event: 'partiallyPaid', notification: notification() });
	expect([a.totals?.payment.transactionId, b.totals?.payment.transactionId]).toEqual(['tx-15', 'tx-10']);
	a.remember();
	b.remember();
	a.release();
	b.release();
	const third = claimAnnouncedPayment(state, 'wf:node', { invoiceNumber: 'INV-7', invoice: twoPartial, event: 'partiallyPaid', notification: notification() });
	expect(third.allReported).toBe(true);
	expect(third.totals).toBeUndefined();
	expect(Object.keys((state as { reportedPayments: object }).reportedPayments).sort()).toEqual(['INV-7 tx-10', 'INV-7 tx-15']);
});

test('a claim released without being remembered (the call failed) can be taken again', () => {
	const state = {};
	const failed = claimAnnouncedPayment(state, 'wf:node', { invoiceNumber: 'INV-7', invoice: twoPartial, event: 'partiallyPaid', notification: notification('75.00') });
	failed.release();
	const retry = claimAnnouncedPayment(state, 'wf:node', { invoiceNumber: 'INV-7', invoice: twoPartial, event: 'partiallyPaid', notification: notification('75.00') });
	expect(retry.totals?.payment.transactionId).toBe('tx-15');
});

test('Paid without a balance takes the payment that settled the invoice; Partially Paid one that left a balance', () => {
	const settled = invoice('0', [['tx-40', '40.00'], ['tx-60', '60.00']]);
	const paid = claimAnnouncedPayment({}, 'wf:node', { invoiceNumber: 'INV-7', invoice: settled, event: 'paid', notification: notification() });
	expect(paid.totals).toMatchObject({ payment: { transactionId: 'tx-60', amount: 60 }, amountPaid: 100, balanceAmount: 0 });
	const partial = claimAnnouncedPayment({}, 'wf:node', { invoiceNumber: 'INV-7', invoice: settled, event: 'partiallyPaid', notification: notification() });
	expect(partial.totals).toMatchObject({ payment: { transactionId: 'tx-40' }, balanceAmount: 60 });
});

test('other events and invoices without payments claim nothing', () => {
	const sent = claimAnnouncedPayment({}, 'wf:node', { invoiceNumber: 'INV-7', invoice: twoPartial, event: 'sent', notification: notification() });
	const unpaid = claimAnnouncedPayment({}, 'wf:node', { invoiceNumber: 'INV-7', invoice: invoice('100', []), event: 'paid', notification: notification() });
	for (const claim of [sent, unpaid]) expect([claim.allReported, claim.totals]).toEqual([false, undefined]);
});
