import {
	ACTIONS,
	allowedSentence,
	INVOICE_STATUSES,
	isAllowed,
	OPEN_STATUSES,
	refusedSentence,
} from '../../nodes/shared/helpers/statuses';

describe('the status table', () => {
	it('words each rule for field descriptions and errors', () => {
		expect(allowedSentence('update')).toBe('Only draft, created and sent invoices can be updated.');
		expect(allowedSentence('publication')).toBe('Only draft invoices can be published.');
		expect(refusedSentence('update')).toBe('Partially paid, paid, canceled and pending invoices cannot be updated.');
		expect(refusedSentence('delivery')).toBe('Paid, canceled and pending invoices cannot be sent.');
		expect(refusedSentence('cancelation')).toBe('Partially paid, paid, canceled and pending invoices cannot be canceled.');
	});

	it('allows an action only from the statuses it lists', () => {
		expect(isAllowed('delivery', 'PARTIAL')).toBe(true);
		expect(isAllowed('cancelation', 'PARTIAL')).toBe(false);
		expect(isAllowed('update', 'PENDING')).toBe(false);
		expect(isAllowed('update', 'NOT_A_STATUS')).toBe(false);
	});

	it('counts as open every status an invoice can still leave: all but paid and canceled', () => {
		expect(OPEN_STATUSES).toEqual(['DRAFT', 'CREATED', 'SENT', 'PARTIAL', 'PENDING']);
	});

	it('only names real statuses', () => {
		for (const rule of Object.values(ACTIONS)) {
			for (const status of [...rule.allowedFrom, ...(rule.leadsTo ? [rule.leadsTo] : [])]) {
				expect(INVOICE_STATUSES).toContain(status);
			}
		}
	});
});
