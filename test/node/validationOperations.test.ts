/**
 * Bad input to the operations on one invoice and to the settings stops the item before anything
 * is sent: an invoice id that URL normalisation would change or that is not text, a yes/no field
 * given anything but true or false, control characters in texts. Each case checks the exact
 * message and an empty sandbox request log.
 */
import type { INodeParameters } from 'n8n-workflow';

import { bodyOf, byNumber, invoiceParams, itemsOf, requestLines, run, runOk, useSandbox } from './helpers';

const sandbox = useSandbox();

async function expectRefused(parameters: INodeParameters, message: string, items = itemsOf([{ id: 'A1' }])) {
	const result = await run(sandbox(), { parameters, items });
	expect(result.error?.name).toBe('NodeOperationError');
	expect(result.error?.message).toBe(message);
	expect(result.error?.description).toBe('Nothing was sent to Cybersource. Fix the value and run the node again.');
	expect(sandbox().requests()).toEqual([]);
}

const NOT_A_NUMBER = 'is not an invoice number. Use the number shown by Create or Get Many, like 98753';

describe('An invoice id is checked before any request', () => {
	const operations = ['get', 'send', 'publish', 'cancel', 'update'];

	it.each(operations)('%s refuses "." and ".." (they would change the URL path)', async (operation) => {
		await expectRefused(invoiceParams(operation, '.'), `Invoice: "." ${NOT_A_NUMBER} [item 1]`);
		await expectRefused(invoiceParams(operation, ' .. '), `Invoice: ".." ${NOT_A_NUMBER} [item 1]`);
	});

	it.each(operations)('%s refuses an id that is empty after trimming', async (operation) => {
		await expectRefused(
			invoiceParams(operation, '   '),
			'Invoice: is required: pick one from the list or enter its number [item 1]',
		);
	});

	it('refuses an expression that returns an object or a list', async () => {
		await expectRefused(
			{ resource: 'invoice', operation: 'get', invoiceId: byNumber('={{ $json }}') } as INodeParameters,
			'Invoice: must be an invoice number, got an object. Point the expression at the number itself, like {{ $json.id }} [item 1]',
		);
		await expectRefused(
			{ resource: 'invoice', operation: 'send', invoiceId: byNumber('={{ [1, 2] }}') } as INodeParameters,
			'Invoice: must be an invoice number, got a list. Point the expression at the number itself, like {{ $json.id }} [item 1]',
		);
	});

	it('refuses control characters in the id', async () => {
		await expectRefused(
			invoiceParams('get', 'A1\u0000B'),
			'Invoice: contains the invisible control character U+0000 at position 3; remove it [item 1]',
		);
		await expectRefused(invoiceParams('cancel', 'A1\nB'), 'Invoice: must be a single line, but has a line break or tab at position 3 [item 1]');
	});

	it('takes a number from an expression, and encodes the id in the path', async () => {
		const [id] = sandbox().seed(1);
		const result = await runOk(sandbox(), {
			parameters: { resource: 'invoice', operation: 'get', invoiceId: byNumber(`={{ ${Number(id)} }}`) } as INodeParameters,
		});
		expect(result.json[0].id).toBe(id);
		sandbox().clearRequests();
		await run(sandbox(), { parameters: invoiceParams('get', 'a/b c') });
		expect(requestLines(sandbox())).toEqual(['GET /invoicing/v2/invoices/a%2Fb%20c']);
	});
});

describe('Yes/no fields take true or false only', () => {
	it('Get refuses Simplify "yes"', async () => {
		const [id] = sandbox().seed(1);
		await expectRefused(invoiceParams('get', id, { simplify: '={{ "yes" }}' }), 'Simplify: must be true or false, got "yes" [item 1]');
	});

	it('Update refuses Send After Update "yes" before reading the invoice', async () => {
		const [id] = sandbox().seed(1, { status: 'DRAFT' });
		await expectRefused(
			invoiceParams('update', id, { updateFields: { customerName: 'New' }, sendAfterUpdate: '={{ "yes" }}' }),
			'Send After Update: must be true or false, got "yes" [item 1]',
		);
	});

	it('Update refuses a control character in a new value before reading the invoice', async () => {
		const [id] = sandbox().seed(1, { status: 'DRAFT' });
		await expectRefused(
			invoiceParams('update', id, { updateFields: { customerName: 'New\u0000' } }),
			'Customer Name: contains the invisible control character U+0000 at position 4; remove it [item 1]',
		);
	});

	it('Update refuses a Total Amount of 0 before reading the invoice', async () => {
		const [id] = sandbox().seed(1, { status: 'DRAFT' });
		await expectRefused(
			invoiceParams('update', id, { updateFields: { totalAmount: '0.00' } }),
			'Total Amount: must be more than 0 [item 1]',
		);
	});

	it('Update refuses new lines whose given total disagrees: before any request with a new currency, otherwise before changing anything', async () => {
		const [id] = sandbox().seed(1, { status: 'DRAFT' });
		const lines = { lineItemsMode: 'fields', lineItems: { line: [{ name: 'Work', quantity: 2, unitPrice: '10.00', totalAmount: '25.00' }] } };
		const message = 'Line 1 › Line Total: is 25.00 EUR but 2 × 10.00 − discount 0.00 + tax 0.00 = 20.00 EUR. Leave Line Total empty to compute it, fix the line, or turn on Skip Total Check [item 1]';
		await expectRefused(invoiceParams('update', id, { ...lines, updateFields: { currency: 'EUR' } }), message);

		// The invoice's own currency is needed to round the line the way it will be stored.
		const result = await run(sandbox(), { parameters: invoiceParams('update', id, lines) });
		expect(result.error?.message).toBe(message.replace(/EUR/g, 'USD'));
		expect(requestLines(sandbox())).toEqual([`GET /invoicing/v2/invoices/${id}`]);
	});

	it('Invoice Settings Update refuses "yes" for a setting instead of dropping it', async () => {
		await expectRefused(
			{
				resource: 'invoiceSettings',
				operation: 'update',
				productType: 'INVOICING',
				settingsFields: { merchantDisplayName: 'Acme', enableReminders: '={{ "yes" }}' },
			},
			'Enable Reminders: must be true or false, got "yes" [item 1]',
		);
	});

	it('Invoice Settings Update takes "true" text for a setting', async () => {
		await runOk(sandbox(), {
			parameters: {
				resource: 'invoiceSettings',
				operation: 'update',
				productType: 'INVOICING',
				settingsFields: { enableReminders: '={{ "true" }}', showVatNumber: false },
			},
		});
		const put = bodyOf(sandbox().requests()[1]).invoiceSettingsInformation as Record<string, unknown>;
		expect(put).toMatchObject({ enableReminders: true, showVatNumber: false });
	});

	it('Invoice Settings Update refuses control characters, but keeps line breaks in the email message', async () => {
		await expectRefused(
			{ resource: 'invoiceSettings', operation: 'update', productType: 'INVOICING', settingsFields: { merchantDisplayName: 'Acme\u0000' } },
			'Merchant Display Name: contains the invisible control character U+0000 at position 5; remove it [item 1]',
		);
		await expectRefused(
			{ resource: 'invoiceSettings', operation: 'update', productType: 'INVOICING', settingsFields: { merchantDisplayName: 'Acme\nStudio' } },
			'Merchant Display Name: must be a single line, but has a line break or tab at position 5 [item 1]',
		);
		await runOk(sandbox(), {
			parameters: {
				resource: 'invoiceSettings',
				operation: 'update',
				productType: 'INVOICING',
				settingsFields: { customEmailMessage: 'Thank you!\n\nAcme' },
			},
		});
		const put = bodyOf(sandbox().requests()[1]).invoiceSettingsInformation as Record<string, unknown>;
		expect(put.customEmailMessage).toBe('Thank you!\n\nAcme');
	});
});

describe('Invoice settings Product', () => {
	it('is taken in any letter case from an expression', async () => {
		await runOk(sandbox(), { parameters: { resource: 'invoiceSettings', operation: 'get', productType: '={{ "paybylink" }}' } });
		expect(requestLines(sandbox())).toEqual(['GET /invoicing/v2/invoiceSettings?productType=PAYBYLINK']);
	});

	it('refuses another word before any request', async () => {
		await expectRefused(
			{ resource: 'invoiceSettings', operation: 'get', productType: '={{ "billing" }}' },
			'Product: must be INVOICING or PAYBYLINK, got "billing" [item 1]',
		);
		await expectRefused(
			{ resource: 'invoiceSettings', operation: 'update', productType: '={{ "billing" }}', settingsFields: { merchantDisplayName: 'Acme' } },
			'Product: must be INVOICING or PAYBYLINK, got "billing" [item 1]',
		);
	});
});
