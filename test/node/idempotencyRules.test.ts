/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** The rules behind create-once: invoice numbers (given and assigned) and reading a lost answer. */
import { InputError } from '../../nodes/shared/helpers/inputError';
import {
	assignedInvoiceNumber,
	numberForItem,
	runCode,
	optionalInvoiceNumber,
	readNumbering,
	type NumberOrigin,
} from '../../nodes/shared/helpers/invoiceNumber';
import { actionTookEffect, identityMismatch, markOf } from '../../nodes/shared/helpers/reconcile';
import { createParams, futureDate, itemsOf, run, runOk, stored, useSandbox } from './helpers';
import { storedInvoices } from './idempotencyShared';

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

	it('refuses what URL normalisation would change, so the invoice can be read, sent and canceled later', () => {
		for (const dots of ['.', '..', '...', ' .. ']) expect(problem(dots)).toContain('is only dots');
		expect(problem('Cafe\u0301-1')).toContain('more than one encoding');
		expect(problem('A\uD800')).toContain('broken character');
		// Dots inside a number, percent signs and accents typed as one character stay as they are.
		for (const kept of ['A.1', '..A', '%2e%2e', 'CAF\u00c9-1', 'INV\u{1F600}']) expect(optionalInvoiceNumber(kept)).toBe(kept);
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

	it('is built from the run code, computed once per run, and the item index', () => {
		const { itemIndex: _item, ...run } = origin;
		expect(numberForItem(runCode(run), 3)).toBe(assignedInvoiceNumber(origin));
		expect(numberForItem(runCode(run), 4)).toBe(assignedInvoiceNumber({ ...origin, itemIndex: 4 }));
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

	it('the stored invoice is the one sent when the fields it echoes agree (more in test/unit/reconcile.test.ts)', () => {
		const same = {
			customerInformation: { email: 'tanya@example.com' },
			orderInformation: { amountDetails: { currency: 'USD', totalAmount: 150 } },
		};
		expect(identityMismatch(sent, same)).toBeUndefined();
		expect(identityMismatch(sent, { ...same, orderInformation: { amountDetails: { currency: 'USD', totalAmount: '150.01' } } })).toEqual({
			sent: 'total 150.00',
			stored: 'total 150.01',
		});
		expect(identityMismatch(sent, { orderInformation: same.orderInformation })).toEqual({
			sent: 'customer email Tanya@Example.com',
			stored: 'customer email none',
		});
	});

	it('an action took effect when the status (or, for Send, the history) shows it', () => {
		expect(actionTookEffect('publication', { status: 'CREATED' })).toBe(true);
		expect(actionTookEffect('publication', { status: 'DRAFT' })).toBe(false);
		expect(actionTookEffect('cancelation', { status: 'CANCELED' })).toBe(true);
		expect(actionTookEffect('cancelation', { status: 'SENT' })).toBe(false);
		const sentOnce = { status: 'SENT', invoiceHistory: [{ event: 'SEND' }, { event: 'CREATE' }] };
		expect(markOf(sentOnce)).toEqual({ status: 'SENT', sends: 1 });
		const resent = { status: 'SENT', invoiceHistory: [{ event: 'RESEND' }, ...sentOnce.invoiceHistory] };
		expect(actionTookEffect('delivery', resent, markOf(sentOnce))).toBe(true);
		expect(actionTookEffect('delivery', { status: 'SENT' }, { status: 'DRAFT', sends: 0 })).toBe(true);
		expect(actionTookEffect('delivery', sentOnce, markOf(sentOnce))).toBe(false);
		// An update logged since is not an email.
		const updated = { status: 'SENT', invoiceHistory: [{ event: 'UPDATE' }, ...sentOnce.invoiceHistory] };
		expect(actionTookEffect('delivery', updated, markOf(sentOnce))).toBe(false);
		expect(actionTookEffect('delivery', resent)).toBe(false);
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
			'Invoice Number: "ORDER/2" contains "/"; an invoice number may not contain / ? or # [item 2]',
		);
		expect(sandbox().requests().map((request) => request.path)).toEqual(['/invoicing/v2/invoices']);
	});

	it('the same itemized invoice again (discount, tax, freight, partial payments) is found as the item\'s, amounts read back as numbers', async () => {
		const params = createParams({
			totalAmount: '',
			lineItems: { line: [{ name: 'Retainer', quantity: 1, unitPrice: '100.00' }, { name: 'Support', quantity: 3, unitPrice: '12.50', discountPercent: '10' }] },
			allowPartialPayments: true,
			minimumPartialAmount: '25.00',
			additionalFields: { invoiceNumber: 'ORDER-77', discountAmount: '5.00', taxRate: '8.25', taxType: 'State Tax', freightAmount: '4.00', requestPhone: true },
		});
		const first = await runOk(sandbox(), { parameters: params });
		const again = await runOk(sandbox(), { parameters: params });
		expect(again.json[0]).toMatchObject({ id: 'ORDER-77', orderInformation: first.json[0].orderInformation });
		expect(sandbox().requests().map((request) => `${request.method} ${request.status}`)).toEqual(['POST 201', 'POST 400', 'GET 200']);
		expect(await storedInvoices(sandbox())).toHaveLength(1);
	});

	it('an invoice with the same customer email, currency and total but another due date and description is not this item\'s', async () => {
		const march = createParams({ description: 'March retainer', dueDate: futureDate(40), additionalFields: { invoiceNumber: 'RETAINER-7' } });
		const february = createParams({ description: 'February retainer', dueDate: futureDate(10), additionalFields: { invoiceNumber: 'RETAINER-7' } });
		await runOk(sandbox(), { parameters: february });

		const result = await run(sandbox(), { parameters: march, onError: 'continueRegularOutput' });
		expect(result.json).toHaveLength(1);
		expect(result.json[0].id).toBeUndefined();
		expect(result.json[0].error).toBe('Invoice number "RETAINER-7" already belongs to a different invoice [item 1]');
		const stopped = await run(sandbox(), { parameters: march });
		expect(stopped.error?.description).toBe(
			`Cybersource's invoice RETAINER-7 has description "February retainer", due date ${futureDate(10)}; ` +
				`this item has description "March retainer", due date ${futureDate(40)}. Nothing was created. ` +
				'Give each invoice its own number (for example built from the order or row ID), or leave Invoice Number empty so that the node assigns one. ' +
				"If it is this item's invoice, changed after it was created (for example with Update), read it with Get instead.",
		);
		expect(stored(sandbox(), 'RETAINER-7')).toMatchObject({ invoiceInformation: { description: 'February retainer' } });
		expect(await storedInvoices(sandbox())).toHaveLength(1);
	});
});
