/** Payments read from an invoice's history: oldest first, amounts as numbers, totals after each. */
import { simplifyInvoice } from '../../nodes/shared/helpers/invoiceResponse';
import { historyPayments, newestPayment, paymentsMadeAtBalance, paymentsOf, totalsAfter } from '../../nodes/shared/helpers/payments';

/** As GET answers it: history newest first, amounts as strings. */
function invoice(currency: string, total: string, balance: string, payments: Array<[string, string, string]>) {
	return {
		id: 'INV-1',
		status: balance === '0' ? 'PAID' : 'PARTIAL',
		orderInformation: { amountDetails: { currency, totalAmount: total, balanceAmount: balance } },
		invoiceHistory: [
			...payments.map(([transactionId, amount, date]) => ({ event: 'PAYMENT', date, transactionDetails: { transactionId, amount } })).reverse(),
			{ event: 'SEND', date: '2026-01-01T10:00:00.000Z' },
			{ event: 'CREATE', date: '2026-01-01T09:00:00.000Z' },
		],
	};
}

const threePayments = invoice('USD', '100.00', '0', [
	['7000000000000000000001', '33.33', '2026-01-02T10:00:00.000Z'],
	['7000000000000000000002', '0.1', '2026-01-03T10:00:00.000Z'],
	['7000000000000000000003', '66.57', '2026-01-04T10:00:00.000Z'],
]);

test('PAYMENT entries become payments, oldest first, with numeric amounts and the currency', () => {
	expect(paymentsOf(threePayments)).toEqual([
		{ transactionId: '7000000000000000000001', amount: 33.33, currency: 'USD', date: '2026-01-02T10:00:00.000Z' },
		{ transactionId: '7000000000000000000002', amount: 0.1, currency: 'USD', date: '2026-01-03T10:00:00.000Z' },
		{ transactionId: '7000000000000000000003', amount: 66.57, currency: 'USD', date: '2026-01-04T10:00:00.000Z' },
	]);
	expect(paymentsOf({ id: 'x' })).toEqual([]);
});

test('the totals after each payment add up in minor units and end at the gateway balance', () => {
	const payments = paymentsOf(threePayments);
	expect(totalsAfter(threePayments, payments, 0)).toMatchObject({ amountPaid: 33.33, balanceAmount: 66.67, totalAmount: 100 });
	expect(totalsAfter(threePayments, payments, 1)).toMatchObject({ amountPaid: 33.43, balanceAmount: 66.57 });
	expect(newestPayment(threePayments)).toMatchObject({ payment: { transactionId: '7000000000000000000003' }, amountPaid: 100, balanceAmount: 0 });
	expect(newestPayment({ invoiceHistory: [] })).toBeUndefined();
});

test("amounts keep the currency's decimals (JPY 0, BHD 3)", () => {
	const yen = invoice('JPY', '1000', '400', [['1', '600', '2026-01-02T10:00:00.000Z']]);
	expect(newestPayment(yen)).toMatchObject({ payment: { amount: 600, currency: 'JPY' }, amountPaid: 600, balanceAmount: 400 });
	const dinar = invoice('BHD', '10.000', '7.655', [['1', '1.1', '2026-01-02T10:00:00.000Z'], ['2', '1.245', '2026-01-02T11:00:00.000Z']]);
	expect(historyPayments(dinar)).toMatchObject({ amountPaid: 2.345 });
	expect(totalsAfter(dinar, paymentsOf(dinar), 0).balanceAmount).toBe(8.9);
});

test('a history listed in another order is still read oldest first; equal dates keep the newest-first order reversed', () => {
	const sameTime = '2026-01-02T10:00:00.000Z';
	const mixed = {
		orderInformation: { amountDetails: { currency: 'USD', totalAmount: '30', balanceAmount: '0' } },
		invoiceHistory: [
			{ event: 'PAYMENT', date: '2026-01-01T10:00:00.000Z', transactionDetails: { transactionId: 'early', amount: '10' } },
			{ event: 'PAYMENT', date: sameTime, transactionDetails: { transactionId: 'later-b', amount: '10' } },
			{ event: 'PAYMENT', date: sameTime, transactionDetails: { transactionId: 'later-a', amount: '10' } },
		],
	};
	expect(paymentsOf(mixed).map((payment) => payment.transactionId)).toEqual(['early', 'later-a', 'later-b']);
});

test('Simplify adds payments and amountPaid only when the answer has a history', () => {
	expect(simplifyInvoice(threePayments)).toMatchObject({ amountPaid: 100, balanceAmount: 0, payments: paymentsOf(threePayments) });
	const unpaid = { ...threePayments, invoiceHistory: [{ event: 'CREATE', date: '2026-01-01T09:00:00.000Z' }] };
	expect(simplifyInvoice(unpaid)).toMatchObject({ amountPaid: 0, payments: [] });
	const listed = simplifyInvoice({ id: 'x', orderInformation: { amountDetails: { currency: 'USD', totalAmount: 5 } } });
	expect(listed).not.toHaveProperty('payments');
	expect(listed).not.toHaveProperty('amountPaid');
});

test('the payments already made at a recorded balance are counted from the history', () => {
	const payments = paymentsOf(threePayments);
	expect(paymentsMadeAtBalance(threePayments, payments, 100)).toBe(0);
	expect(paymentsMadeAtBalance(threePayments, payments, 66.67)).toBe(1);
	expect(paymentsMadeAtBalance(threePayments, payments, 66.57)).toBe(2);
	expect(paymentsMadeAtBalance(threePayments, payments, 0)).toBe(3);
});
