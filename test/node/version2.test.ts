/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Node version 2 in n8n's engine against the sandbox: what a new node does by default, the order
 * of its simplified item, and that its grouped fields send exactly what version 1 sends.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { daysFromTodayIn, N8N_TIME_ZONE } from '../../dev/realN8n/calendar';
import { bodyOf, createParams, draftParams, futureDate, invoiceParams, run, runOk, useSandbox } from './helpers';

const sandbox = useSandbox();

/** Version 2 as a new node gets it: only what the user set; n8n fills in the defaults. */
const v2 = (parameters: INodeParameters) => ({ parameters, typeVersion: 2 });

const LINES = {
	line: [
		{ name: 'Consulting', sku: 'CONS-1', quantity: 3, unitPrice: '150.00', discountPercent: '10', taxRate: '8' },
		{ name: 'Travel', quantity: 1, unitPrice: '80.00' },
	],
};

/** Every optional Create field, as version 1's Additional Fields. */
const V1_ADDITIONAL: INodeParameters = {
	invoiceNumber: 'ORDER-1042',
	companyName: 'Acme Ltd',
	merchantCustomerId: 'CRM-7',
	discountAmount: '5.00',
	taxType: 'VAT',
	taxAmount: '12.00',
	freightAmount: '20.00',
	freightTaxable: true,
	freightTaxRate: '10',
	subAmount: '500',
	expirationDate: futureDate(90),
	requestPhone: true,
	requestShipping: false,
	transactionReferenceNumber: 'REF42',
	partnerDeveloperId: 'DEV1',
	partnerSolutionId: 'SOL1',
};

/** The same values where version 2 shows them. */
const V2_FIELDS: INodeParameters = {
	invoiceNumber: 'ORDER-1042',
	customerDetails: { companyName: 'Acme Ltd', merchantCustomerId: 'CRM-7' },
	totals: {
		discountAmount: '5.00',
		taxType: 'VAT',
		taxAmount: '12.00',
		freightAmount: '20.00',
		freightTaxable: true,
		freightTaxRate: '10',
		subAmount: '500',
	},
	paymentPage: { expirationDate: futureDate(90), requestPhone: true, requestShipping: false },
	references: { transactionReferenceNumber: 'REF42', partnerDeveloperId: 'DEV1', partnerSolutionId: 'SOL1' },
};

async function sentBody(parameters: INodeParameters, typeVersion: number): Promise<IDataObject> {
	sandbox().reset();
	await runOk(sandbox(), { parameters, typeVersion });
	const [create] = sandbox().requests().filter((request) => request.method === 'POST');
	return bodyOf(create);
}

describe('version 2: grouped fields', () => {
	it.each([
		['Create', createParams, { sendByEmail: true }],
		['Create Draft', draftParams, { emailWhenSent: true }],
	])('%s sends the same request body as version 1 for the same values', async (_name, params, delivery) => {
		const common = { totalAmount: '', lineItemsMode: 'fields', lineItems: LINES, allowPartialPayments: true, minimumPartialAmount: '50', ...delivery };
		const v1Body = await sentBody(params({ ...common, additionalFields: V1_ADDITIONAL }), 1);
		const { additionalFields: _none, ...v2Base } = params(common);
		const v2Body = await sentBody({ ...v2Base, ...V2_FIELDS }, 2);

		expect(v2Body).toEqual(v1Body);
		expect(v1Body).toMatchObject({
			customerInformation: { company: { name: 'Acme Ltd' }, merchantCustomerId: 'CRM-7' },
			invoiceInformation: { invoiceNumber: 'ORDER-1042', transactionReferenceNumber: 'REF42' },
			processingInformation: { requestPhone: true, requestShipping: false },
		});
	});

	it('Invoice Numbering "By Cybersource" in Options leaves the number to Cybersource, as in version 1', async () => {
		const v1Body = await sentBody(createParams({ additionalFields: { invoiceNumbering: 'cybersource' } }), 1);
		const { additionalFields: _none, ...v2Base } = createParams();
		const v2Body = await sentBody({ ...v2Base, options: { invoiceNumbering: 'cybersource' } }, 2);

		expect((v1Body.invoiceInformation as IDataObject).invoiceNumber).toBeUndefined();
		expect(v2Body).toEqual(v1Body);
	});

	it('without an Invoice Number the node assigns one, as in version 1', async () => {
		const { additionalFields: _none, ...v2Base } = createParams();
		const body = await sentBody(v2Base, 2);
		expect((body.invoiceInformation as IDataObject).invoiceNumber).toMatch(/^N8N-[0-9A-Z]{12}-0$/);
	});
});

/** The keys of a simplified item, in order. */
const keysOf = (item: IDataObject): string[] => Object.keys(item);
const FIRST_KEYS = ['id', 'status', 'paymentLink', 'customerName', 'customerEmail', 'currency', 'totalAmount', 'balanceAmount', 'dueDate'];

describe('version 2: Simplify on by default', () => {
	it('Create returns the flat item: id, status and payment link first, then customer and amounts', async () => {
		const { additionalFields: _none, ...parameters } = createParams({ invoiceNumber: 'INV-77' });
		const result = await runOk(sandbox(), v2(parameters));
		const [item] = result.json;

		expect(keysOf(item).slice(0, FIRST_KEYS.length)).toEqual(FIRST_KEYS);
		expect(item).toMatchObject({ id: 'INV-77', status: 'CREATED', customerName: 'Tanya Lee', currency: 'USD', totalAmount: 150, invoiceNumber: 'INV-77' });
		expect(String(item.paymentLink)).toMatch(/^https:\/\//);
		expect(item).not.toHaveProperty('_links');
	});

	it.each(['send', 'publish', 'get', 'cancel'])('%s returns the flat item too', async (operation) => {
		const draft = await runOk(sandbox(), v2(draftParams({ invoiceNumber: `D-${operation}` })));
		const result = await runOk(sandbox(), v2(invoiceParams(operation, String(draft.json[0].id))));
		expect(keysOf(result.json[0]).slice(0, 3)).toEqual(['id', 'status', 'paymentLink']);
		expect(result.json[0]).not.toHaveProperty('invoiceInformation');
	});

	it('Update and Get Many return flat items in the same order', async () => {
		await runOk(sandbox(), v2(createParams({ invoiceNumber: 'U-1' })));
		const updated = await runOk(sandbox(), v2(invoiceParams('update', 'U-1', { updateFields: { customerName: 'Tanya Lee-Smith' } })));
		const listed = await runOk(sandbox(), v2({ resource: 'invoice', operation: 'getAll' }));

		expect(keysOf(updated.json[0]).slice(0, FIRST_KEYS.length)).toEqual(FIRST_KEYS);
		expect(updated.json[0].customerName).toBe('Tanya Lee-Smith');
		expect(listed.json.map(keysOf).map((keys) => keys.slice(0, 3))).toEqual([['id', 'status', 'paymentLink']]);
	});

	it('Simplify off returns the invoice as Cybersource does, like version 1', async () => {
		const result = await runOk(sandbox(), v2(createParams({ invoiceNumber: 'FULL-1', simplify: false })));
		expect(result.json[0]).toHaveProperty('invoiceInformation.invoiceNumber', 'FULL-1');
		expect(result.json[0]).toHaveProperty('_links');
	});

	it('a version 1 node still returns the full invoice by default', async () => {
		const result = await runOk(sandbox(), { parameters: createParams() });
		expect(result.json[0]).toHaveProperty('_links');
		expect(result.json[0]).toHaveProperty('invoiceInformation');
	});
});

describe('version 2: messages use its labels', () => {
	it('a line discount error names "Discount Percent", as the field is labelled in version 2', async () => {
		const lineItems = { line: [{ name: 'Consulting', quantity: 1, unitPrice: '100.00', discountPercent: 'ten' }] };
		const result = await run(sandbox(), v2(createParams({ totalAmount: '', lineItems })));
		expect(result.error?.message).toMatch(/^Line 1 › Discount Percent: .* \[item 1\]$/);
		expect(sandbox().requests()).toEqual([]);
	});
});

describe('version 2: a due date in the past is refused unless allowed', () => {
	const PAST = '2025-11-28';
	const REFUSED = /^Due Date: 2025-11-28 is in the past \(today is \d{4}-\d\d-\d\d in America\/New_York\), so the invoice would be overdue from the start\. .*Options › Allow Past Due Date.* \[item 2\]$/;

	it.each([
		['Create', createParams({ sendByEmail: true })],
		['Create Draft', draftParams()],
	])('%s stops the item with an error naming the field and the item; nothing is sent', async (_name, parameters) => {
		const items = [{ json: { due: futureDate(10) } }, { json: { due: PAST } }];
		const result = await run(sandbox(), { ...v2({ ...parameters, dueDate: '={{ $json.due }}' }), items, onError: 'continueRegularOutput' });

		expect(result.json[0]).toHaveProperty('id');
		expect(result.json[1].error).toMatch(REFUSED);
		expect(sandbox().requests().filter((request) => request.method === 'POST')).toHaveLength(1);
	});

	it("yesterday in the workflow's time zone is past; today is not", async () => {
		const yesterday = daysFromTodayIn(N8N_TIME_ZONE, -1, Date.now());
		const refused = await run(sandbox(), v2(createParams({ dueDate: yesterday })));
		expect(refused.error?.message).toContain(`Due Date: ${yesterday} is in the past`);
		const today = daysFromTodayIn(N8N_TIME_ZONE, 0, Date.now());
		const created = await runOk(sandbox(), v2(createParams({ dueDate: today })));
		expect(created.json[0]).not.toHaveProperty('warning');
	});

	it('Options › Allow Past Due Date creates it, with the warning version 1 gives', async () => {
		const result = await runOk(sandbox(), v2(createParams({ dueDate: PAST, sendByEmail: true, options: { allowPastDueDate: true } })));
		expect(result.json[0]).toMatchObject({ status: 'SENT', dueDate: PAST });
		expect(result.json[0].warning).toMatch(/^Due Date 2025-11-28 is in the past/);
	});

	it('Update refuses a past due date the same way, and allows it with the option', async () => {
		await runOk(sandbox(), v2(draftParams({ invoiceNumber: 'PD-1' })));
		const update = (options: INodeParameters) => v2(invoiceParams('update', 'PD-1', { updateFields: { dueDate: PAST }, options }));
		const refused = await run(sandbox(), update({}));
		expect(refused.error?.message).toMatch(/^Due Date: 2025-11-28 is in the past .* \[item 1\]$/);
		expect(sandbox().requests().filter((request) => request.method === 'PUT')).toEqual([]);

		const allowed = await runOk(sandbox(), update({ allowPastDueDate: true }));
		expect(allowed.json[0]).toMatchObject({ id: 'PD-1', dueDate: PAST });
	});

	it('a version 1 node still creates it, with only the warning', async () => {
		const result = await runOk(sandbox(), { parameters: createParams({ dueDate: PAST }) });
		expect(result.json[0].warning).toMatch(/^Due Date 2025-11-28 is in the past/);
	});
});
