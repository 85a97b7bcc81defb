/** The rules behind create-once: invoice numbers (given and assigned) and reading a lost answer. */
import { InputError } from '../../nodes/CybersourceInvoice/helpers/inputError';
import {
	assignedInvoiceNumber,
	optionalInvoiceNumber,
	readNumbering,
	type NumberOrigin,
} from '../../nodes/CybersourceInvoice/helpers/invoiceNumber';
import { actionTookEffect, identityMismatch } from '../../nodes/CybersourceInvoice/helpers/reconcile';
import { createParams, itemsOf, run, useSandbox } from './helpers';

function problem(value: unknown): string {
	try {
		optionalInvoiceNumber(value);
	} catch (error) {
		if (error instanceof InputError) return error.message;
		throw error;
	}
	return 'accepted';
}

describe('A given Invoice Number', () => {
	it('is used as is (trimmed), from 1 to 26 characters', () => {
		expect(optionalInvoiceNumber(' ORDER-1042 ')).toBe('ORDER-1042');
		expect(optionalInvoiceNumber('A')).toBe('A');
		expect(optionalInvoiceNumber('x'.repeat(26))).toBe('x'.repeat(26));
		expect(optionalInvoiceNumber('INV 7+A')).toBe('INV 7+A');
		expect(optionalInvoiceNumber('')).toBeUndefined();
	});

	it('refuses what Cybersource cannot store or a path cannot carry', () => {
		expect(problem('x'.repeat(27))).toBe(`Invoice Number: "${'x'.repeat(27)}" is 27 characters long; Cybersource accepts at most 26`);
		expect(problem('A\nB')).toBe('Invoice Number: contains a control character (like a line break or a tab); remove it');
		expect(problem('A\u0000')).toMatch(/control character/);
		for (const reserved of ['/', '?', '#']) expect(problem(`A${reserved}1`)).toContain(`contains "${reserved}"`);
		expect(problem({ id: 1 })).toBe('Invoice Number: must be text, got {"id":1}');
	});
});

describe('Invoice Numbering', () => {
	it('is the node unless Cybersource is chosen; anything else is refused', () => {
		expect(readNumbering(undefined)).toBe('node');
		expect(readNumbering('node')).toBe('node');
		expect(readNumbering('cybersource')).toBe('cybersource');
		expect(() => readNumbering('Cybersource')).toThrow('Invoice Numbering: must be "node" or "cybersource", got "Cybersource"');
	});
});

describe('An assigned invoice number', () => {
	const origin: NumberOrigin = {
		executionSeed: '5f0c2b8e9a7d4c1e8b3a6f2d0e9c7b41',
		instanceId: 'instance-a',
		workflowId: 'wf-1',
		executionId: '1042',
		nodeId: '5d1c3a90-node',
		runIndex: 0,
		itemIndex: 3,
	};

	it('is N8N-<12 letters or digits>-<item>, at most 26 characters', () => {
		const number = assignedInvoiceNumber(origin);
		expect(number).toMatch(/^N8N-[0-9A-Z]{12}-3$/);
		expect(assignedInvoiceNumber({ ...origin, itemIndex: 999_999_999 }).length).toBe(26);
		expect(() => assignedInvoiceNumber({ ...origin, itemIndex: 1_000_000_000 })).toThrow(InputError);
	});

	it('is the same for the same item of the same execution, different otherwise', () => {
		const number = assignedInvoiceNumber(origin);
		expect(assignedInvoiceNumber({ ...origin })).toBe(number);
		const others = [
			{ executionSeed: '00000000000000000000000000000000' },
			{ executionId: '1043' },
			{ nodeId: 'another-node' },
			{ runIndex: 1 },
			{ itemIndex: 4 },
			{ workflowId: 'wf-2' },
			{ instanceId: 'instance-b' },
		].map((change) => assignedInvoiceNumber({ ...origin, ...change }));
		expect(new Set([number, ...others]).size).toBe(8);
	});
});

describe('Reading a lost answer', () => {
	const sent = {
		customerInformation: { email: 'Tanya@Example.com' },
		orderInformation: { amountDetails: { currency: 'usd', totalAmount: '150.00' } },
	};

	it('the stored invoice is the one sent when email, currency and total agree', () => {
		const same = {
			customerInformation: { email: 'tanya@example.com' },
			orderInformation: { amountDetails: { currency: 'USD', totalAmount: 150 } },
		};
		expect(identityMismatch(sent, same)).toBeUndefined();
		expect(identityMismatch(sent, { ...same, orderInformation: { amountDetails: { currency: 'USD', totalAmount: '150.01' } } })).toEqual({
			sent: 'tanya@example.com, USD 150',
			stored: 'tanya@example.com, USD 150.01',
		});
		expect(identityMismatch(sent, { orderInformation: same.orderInformation })?.stored).toBe('no customer email, USD 150');
	});

	it('an action took effect when the status (or, for Send, the history) shows it', () => {
		expect(actionTookEffect('publication', { status: 'CREATED' })).toBe(true);
		expect(actionTookEffect('publication', { status: 'DRAFT' })).toBe(false);
		expect(actionTookEffect('cancelation', { status: 'CANCELED' })).toBe(true);
		expect(actionTookEffect('cancelation', { status: 'SENT' })).toBe(false);
		const sentOnce = { status: 'SENT', invoiceHistory: [{ event: 'SEND' }] };
		expect(actionTookEffect('delivery', { status: 'SENT', invoiceHistory: [{}, {}] }, sentOnce)).toBe(true);
		expect(actionTookEffect('delivery', { status: 'SENT' }, { status: 'DRAFT' })).toBe(true);
		expect(actionTookEffect('delivery', sentOnce, sentOnce)).toBe(false);
	});
});

describe('Invoice Number in the node', () => {
	const sandbox = useSandbox();

	it('a wrong one stops its item before anything is sent, naming the field and the item', async () => {
		const result = await run(sandbox(), {
			items: itemsOf([{ number: 'ORDER-1' }, { number: 'ORDER/2' }]),
			parameters: createParams({ additionalFields: { invoiceNumber: '={{ $json.number }}' } }),
		});
		expect(result.error?.message).toBe(
			'Invoice Number: "ORDER/2" contains "/"; an invoice number may not contain / ? or # [item 1]',
		);
		expect(sandbox().requests().map((request) => request.path)).toEqual(['/invoicing/v2/invoices']);
	});
});
