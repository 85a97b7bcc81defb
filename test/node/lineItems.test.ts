/**
 * Line items: from an array per input item (1, 5 and 30 lines), from UI rows, in currencies with
 * 0 and 3 decimals, and fed back from a Get. Lines and totals are checked in the request sent and
 * in the sandbox's stored invoice.
 */
import type { IDataObject } from 'n8n-workflow';

import { amountsOf, bodyOf, createParams, itemsOf, linesOf, runOk, stored, useSandbox } from './helpers';

const sandbox = useSandbox();

const fromArray = { totalAmount: '', lineItemsMode: 'array', lineItemsArray: '={{ $json.items }}' };

/** Line i of the 30-line invoice: quantity i, price i.(7i mod 100); a discount on 10, a tax on 20. */
function part(i: number): IDataObject {
	const cents = String((i * 7) % 100).padStart(2, '0');
	return {
		name: `Part ${i}`,
		sku: `P-${i}`,
		quantity: i,
		unitPrice: `${i}.${cents}`,
		...(i === 10 ? { discountAmount: '5.00' } : {}),
		...(i === 20 ? { taxAmount: '3.30' } : {}),
	};
}

/** What the node must send for that line, computed here in integer cents. */
function expectedPart(i: number): IDataObject {
	const unit = i * 100 + ((i * 7) % 100);
	const total = i * unit - (i === 10 ? 500 : 0) + (i === 20 ? 330 : 0);
	const money = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
	return {
		productName: `Part ${i}`,
		productSku: `P-${i}`,
		quantity: i,
		unitPrice: money(unit),
		...(i === 10 ? { discountAmount: '5.00' } : {}),
		...(i === 20 ? { taxAmount: '3.30' } : {}),
		totalAmount: money(total),
	};
}

const fiveLines = [
	{ sku: 'W-1', name: 'Widget', quantity: 4, unitPrice: '19.99' },
	{ name: 'Gadget', quantity: 2, unitPrice: '49.50', discountPercent: 10 },
	{ name: 'Service', quantity: 1, unitPrice: 200, taxRate: '8.25' },
	{ name: 'Cable', quantity: '10', unitPrice: '2.35', discountAmount: '3.50', taxAmount: '1.20' },
	{ name: 'Setup', unitPrice: '0.99', totalAmount: '0.99', crmColumn: 'ignored' },
];

describe('Line items from an array', () => {
	it('creates one invoice per input item with exactly its 1, 5 and 30 lines and their totals', async () => {
		const thirty = Array.from({ length: 30 }, (_, index) => part(index + 1));
		const result = await runOk(sandbox(), {
			items: itemsOf([
				{ customer: 'One', items: [{ name: 'Consulting', quantity: 3, unitPrice: '150.00' }] },
				{ customer: 'Five', items: fiveLines },
				{ customer: 'Thirty', items: thirty },
			]),
			parameters: createParams({ ...fromArray, customerName: '={{ $json.customer }}' }),
		});

		expect(result.json).toHaveLength(3);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const sent = sandbox().requests().map((request) => bodyOf(request).orderInformation as IDataObject);
		expect(sent).toHaveLength(3);

		expect(sent[0]).toEqual({
			amountDetails: { currency: 'USD', totalAmount: '450.00' },
			lineItems: [{ productName: 'Consulting', quantity: 3, unitPrice: '150.00', totalAmount: '450.00' }],
		});
		expect(sent[1]).toEqual({
			amountDetails: { currency: 'USD', totalAmount: '407.75' },
			lineItems: [
				{ productName: 'Widget', productSku: 'W-1', quantity: 4, unitPrice: '19.99', totalAmount: '79.96' },
				{ productName: 'Gadget', quantity: 2, unitPrice: '49.50', discountPercent: '10', totalAmount: '89.10' },
				{ productName: 'Service', quantity: 1, unitPrice: '200.00', taxRate: '8.25', totalAmount: '216.50' },
				{
					productName: 'Cable',
					quantity: 10,
					unitPrice: '2.35',
					discountAmount: '3.50',
					taxAmount: '1.20',
					totalAmount: '21.20',
				},
				{ productName: 'Setup', quantity: 1, unitPrice: '0.99', totalAmount: '0.99' },
			],
		});
		expect(sent[2].lineItems).toEqual(Array.from({ length: 30 }, (_, index) => expectedPart(index + 1)));
		expect(sent[2].amountDetails).toEqual({ currency: 'USD', totalAmount: '9696.15' });

		// The sandbox stored exactly those invoices (it renders amounts as numbers).
		const [one, five, thirtyStored] = result.json.map((output) => stored(sandbox(), String(output.id)));
		expect(one.customerInformation).toMatchObject({ name: 'One' });
		expect(linesOf(one)).toEqual([{ productName: 'Consulting', quantity: 3, unitPrice: 150, totalAmount: 450 }]);
		expect(amountsOf(one)).toMatchObject({ totalAmount: 450, balanceAmount: 450 });
		expect(linesOf(five).map((line) => [line.productName, line.quantity, line.totalAmount])).toEqual([
			['Widget', 4, 79.96],
			['Gadget', 2, 89.1],
			['Service', 1, 216.5],
			['Cable', 10, 21.2],
			['Setup', 1, 0.99],
		]);
		expect(amountsOf(five).totalAmount).toBe(407.75);
		expect(linesOf(thirtyStored)).toHaveLength(30);
		expect(linesOf(thirtyStored)[29]).toEqual({ productName: 'Part 30', productSku: 'P-30', quantity: 30, unitPrice: 30.1, totalAmount: 903 });
		expect(amountsOf(thirtyStored)).toMatchObject({ totalAmount: 9696.15, currency: 'USD' });
	});

	it('sends JPY with no decimals and BHD with three, and computes their totals exactly', async () => {
		const result = await runOk(sandbox(), {
			items: itemsOf([
				{
					currency: 'JPY',
					items: [
						{ name: 'Matcha', quantity: 3, unitPrice: '1500', discountPercent: '10', taxRate: '8' },
						{ name: 'Tea cup', quantity: 2, unitPrice: 980 },
					],
				},
				{
					currency: 'BHD',
					items: [
						{ name: 'Dates box', quantity: 2, unitPrice: '12.345', taxRate: '10' },
						{ name: 'Delivery note', quantity: 1, unitPrice: '0.5' },
					],
				},
			]),
			parameters: createParams({ ...fromArray, currency: '={{ $json.currency }}', additionalFields: { freightAmount: '={{ $json.currency === "BHD" ? "1.25" : "500" }}' } }),
		});
		const [jpy, bhd] = sandbox().requests().map((request) => bodyOf(request).orderInformation as IDataObject);

		expect(jpy).toEqual({
			amountDetails: { currency: 'JPY', totalAmount: '6834', freight: { amount: '500' } },
			lineItems: [
				{ productName: 'Matcha', quantity: 3, unitPrice: '1500', discountPercent: '10', taxRate: '8', totalAmount: '4374' },
				{ productName: 'Tea cup', quantity: 2, unitPrice: '980', totalAmount: '1960' },
			],
		});
		expect(bhd).toEqual({
			amountDetails: { currency: 'BHD', totalAmount: '28.909', freight: { amount: '1.250' } },
			lineItems: [
				{ productName: 'Dates box', quantity: 2, unitPrice: '12.345', taxRate: '10', totalAmount: '27.159' },
				{ productName: 'Delivery note', quantity: 1, unitPrice: '0.500', totalAmount: '0.500' },
			],
		});
		expect(amountsOf(stored(sandbox(), String(result.json[0].id)))).toMatchObject({ currency: 'JPY', totalAmount: 6834 });
		expect(amountsOf(stored(sandbox(), String(result.json[1].id)))).toMatchObject({ currency: 'BHD', totalAmount: 28.909 });
	});

	it('accepts the lines of an invoice returned by Get (API field names, amounts as numbers)', async () => {
		const first = await runOk(sandbox(), { items: itemsOf([{ items: fiveLines }]), parameters: createParams(fromArray) });
		const original = stored(sandbox(), String(first.json[0].id));

		const copy = await runOk(sandbox(), {
			items: [{ json: original }],
			parameters: createParams({ ...fromArray, lineItemsArray: '={{ $json.orderInformation.lineItems }}' }),
		});
		const duplicate = stored(sandbox(), String(copy.json[0].id));
		expect(linesOf(duplicate)).toEqual(linesOf(original));
		expect(amountsOf(duplicate).totalAmount).toBe(407.75);
	});
});

describe('Line items from UI rows', () => {
	it('sends each row as a line and adds them up, minus an invoice discount plus its tax', async () => {
		const result = await runOk(sandbox(), {
			parameters: createParams({
				totalAmount: '',
				lineItemsMode: 'fields',
				lineItems: {
					line: [
						{ name: 'Design', sku: 'D-1', quantity: 12, unitPrice: '85.00' },
						{ name: 'Hosting', quantity: 1, unitPrice: '19.90', discountPercent: '50' },
						{ name: 'Domain', quantity: 2, unitPrice: '12.00', taxAmount: '2.40' },
					],
				},
				additionalFields: { discountAmount: '20.00', taxRate: '10', taxType: 'State Tax' },
			}),
		});
		// Lines 1020.00 + 9.95 + 26.40 = 1056.35; − 20.00 = 1036.35; tax 10 % of that = 103.64 (rounded).
		expect(bodyOf(sandbox().requests()[0]).orderInformation).toEqual({
			amountDetails: {
				currency: 'USD',
				totalAmount: '1139.99',
				discountAmount: '20.00',
				taxDetails: { type: 'State Tax', rate: '10' },
			},
			lineItems: [
				{ productName: 'Design', productSku: 'D-1', quantity: 12, unitPrice: '85.00', totalAmount: '1020.00' },
				{ productName: 'Hosting', quantity: 1, unitPrice: '19.90', discountPercent: '50', totalAmount: '9.95' },
				{ productName: 'Domain', quantity: 2, unitPrice: '12.00', taxAmount: '2.40', totalAmount: '26.40' },
			],
		});
		const invoice = stored(sandbox(), String(result.json[0].id));
		expect(linesOf(invoice).map((line) => line.totalAmount)).toEqual([1020, 9.95, 26.4]);
		expect(amountsOf(invoice)).toMatchObject({ totalAmount: 1139.99, balanceAmount: 1139.99, discountAmount: 20 });
	});

	it('takes an invoice discount percent off the lines before tax', async () => {
		await runOk(sandbox(), {
			parameters: createParams({
				totalAmount: '',
				lineItems: { line: [{ name: 'A', quantity: 3, unitPrice: '33.33' }, { name: 'B', unitPrice: '0.01' }] },
				additionalFields: { discountPercent: '12.5', taxAmount: '4.00' },
			}),
		});
		// 100.00 − 12.5 % (12.50) + 4.00 = 91.50
		expect(amountsOf(bodyOf(sandbox().requests()[0]))).toEqual({
			currency: 'USD',
			totalAmount: '91.50',
			discountPercent: '12.5',
			taxDetails: { amount: '4.00' },
		});
	});

	it('accepts a Total Amount that matches the lines', async () => {
		await runOk(sandbox(), {
			parameters: createParams({
				totalAmount: '30.00',
				lineItems: { line: [{ name: 'A', quantity: 2, unitPrice: '15' }] },
			}),
		});
		expect(amountsOf(bodyOf(sandbox().requests()[0]))).toEqual({ currency: 'USD', totalAmount: '30.00' });
	});
});
