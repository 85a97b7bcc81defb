import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import { Money, parseMoney, parsePercent } from '../money/amounts';
import { isBlank, parseWholeNumber } from './values';
import { InputError } from './inputError';
import { LINE_DISCOUNT_PERCENT_DECIMALS, MAX_LINE_ITEMS, MAX_QUANTITY, MIN_QUANTITY } from './limits';
import { assertFits, optionalText } from './text';

/*
 * An invoice's line items: read from the UI rows or an array, checked (name, quantity, price,
 * discount, tax), their totals computed or checked, and their sum for the invoice total.
 */

const LINE = 'orderInformation.lineItems[]';

/** One line as the user gave it, from a UI row or an array element. Values are unchecked. */
export interface LineItemInput {
	sku?: unknown;
	name?: unknown;
	quantity?: unknown;
	unitPrice?: unknown;
	discountAmount?: unknown;
	discountPercent?: unknown;
	taxAmount?: unknown;
	taxRate?: unknown;
	totalAmount?: unknown;
}

/** A line in the API's shape (`orderInformation.lineItems[]` of a create or update request). */
interface ApiLineItem extends IDataObject {
	productName: string;
	quantity: number;
	unitPrice: string;
	totalAmount: string;
}

export const ARRAY_FIELD = 'Line Items (Array)';

/**
 * Keys accepted in "From an Array" mode: the UI row names, plus the API's own names so that an
 * invoice fetched with Get can be fed back in.
 */
const KEY_ALIASES: Record<string, keyof LineItemInput> = {
	sku: 'sku',
	productSku: 'sku',
	name: 'name',
	productName: 'name',
	quantity: 'quantity',
	unitPrice: 'unitPrice',
	discountAmount: 'discountAmount',
	discountPercent: 'discountPercent',
	taxAmount: 'taxAmount',
	taxRate: 'taxRate',
	totalAmount: 'totalAmount',
	lineTotal: 'totalAmount',
};

const NOT_JSON = Symbol('not JSON');

/** Reads the "From an Array" parameter: an array of objects, or JSON text of one. */
export function lineItemsFromArray(value: unknown): LineItemInput[] {
	let list = value;
	if (typeof list === 'string') {
		const text = list.trim();
		if (text === '') return [];
		list = jsonParse<unknown>(text, { fallbackValue: NOT_JSON });
		if (list === NOT_JSON) {
			throw new InputError(
				ARRAY_FIELD,
				'is not valid JSON. Use an expression that returns an array, like {{ $json.items }}, or JSON text like [{"name":"Consulting","quantity":2,"unitPrice":"150.00"}]',
			);
		}
	}
	if (list === undefined || list === null) return [];
	if (!Array.isArray(list)) {
		throw new InputError(
			ARRAY_FIELD,
			`must be an array of line objects, got ${typeof list === 'object' ? 'an object' : typeof list}. If the lines are inside a field, point at it, like {{ $json.items }}`,
		);
	}
	return list.map((element, index) => {
		if (!element || typeof element !== 'object' || Array.isArray(element)) {
			throw new InputError(ARRAY_FIELD, `must be an object with name, quantity and unitPrice, got ${JSON.stringify(element)}`, index + 1);
		}
		const line: LineItemInput = {};
		for (const [key, raw] of Object.entries(element as IDataObject)) {
			const target = KEY_ALIASES[key];
			// Other keys (a spreadsheet's extra columns) are ignored on purpose.
			if (target) line[target] = raw;
		}
		return line;
	});
}

function parseQuantity(value: unknown): number {
	if (isBlank(value)) return 1;
	return parseWholeNumber(value, 'Quantity', MIN_QUANTITY, MAX_QUANTITY, `a whole number from ${MIN_QUANTITY} to ${MAX_QUANTITY.toLocaleString('en-US')}`);
}

export interface BuiltLines {
	items: ApiLineItem[];
	/** Sum of the line totals. */
	sum: Money;
}

interface LineOptions {
	/** Accept a given Line Total that differs from quantity × unit price − discount + tax. */
	skipTotalCheck: boolean;
}

/**
 * Validates and completes the lines. A line total left empty is quantity × unit price, minus the
 * line discount (amount, or percent of that), plus the line tax (amount, or rate on the
 * discounted amount). A line total the user gave must match that, unless the check is skipped.
 */
export function buildLineItems(inputs: LineItemInput[], currency: string, options: LineOptions): BuiltLines {
	if (inputs.length > MAX_LINE_ITEMS) {
		throw new InputError(
			'Line Items',
			`an invoice can have at most ${MAX_LINE_ITEMS} lines, got ${inputs.length}. Split it into several invoices or combine lines`,
		);
	}
	let sum = Money.zero(currency);
	const items = inputs.map((input, index) =>
		InputError.forLine(index + 1, () => {
			const item = buildLine(input, currency, options);
			sum = sum.plus(parseMoney(item.totalAmount, currency, 'Line Total'));
			return item;
		}),
	);
	return { items, sum };
}

function buildLine(input: LineItemInput, currency: string, options: LineOptions): ApiLineItem {
	const name = optionalText(input.name, 'Name', `${LINE}.productName`);
	if (name === undefined) throw new InputError('Name', 'is required: what is being invoiced on this line');
	const quantity = parseQuantity(input.quantity);
	if (isBlank(input.unitPrice)) throw new InputError('Unit Price', 'is required');
	const unitPrice = parseMoney(input.unitPrice, currency, 'Unit Price');
	const gross = unitPrice.times(quantity);

	const item: ApiLineItem = {
		productName: name,
		quantity,
		unitPrice: assertFits(unitPrice.toString(), 'Unit Price', `${LINE}.unitPrice`),
		totalAmount: '',
	};
	const sku = optionalText(input.sku, 'SKU', `${LINE}.productSku`);
	if (sku !== undefined) item.productSku = sku;

	let discount = Money.zero(currency);
	if (!isBlank(input.discountPercent)) {
		const percent = parsePercent(input.discountPercent, 'Discount %', LINE_DISCOUNT_PERCENT_DECIMALS);
		item.discountPercent = assertFits(percent.text, 'Discount %', `${LINE}.discountPercent`);
		discount = gross.percent(percent.value);
	}
	if (!isBlank(input.discountAmount)) {
		discount = parseMoney(input.discountAmount, currency, 'Discount Amount');
		item.discountAmount = assertFits(discount.toString(), 'Discount Amount', `${LINE}.discountAmount`);
	}
	let tax = Money.zero(currency);
	if (!isBlank(input.taxRate)) {
		const rate = parsePercent(input.taxRate, 'Tax Rate');
		item.taxRate = assertFits(rate.text, 'Tax Rate', `${LINE}.taxRate`);
		tax = gross.minus(discount).percent(rate.value);
	}
	if (!isBlank(input.taxAmount)) {
		tax = parseMoney(input.taxAmount, currency, 'Tax Amount');
		item.taxAmount = assertFits(tax.toString(), 'Tax Amount', `${LINE}.taxAmount`);
	}

	const total = lineTotal(input.totalAmount, { quantity, unitPrice, discount, tax }, options);
	item.totalAmount = assertFits(total.toString(), 'Line Total', `${LINE}.totalAmount`);
	return item;
}

interface LineParts {
	quantity: number;
	unitPrice: Money;
	discount: Money;
	tax: Money;
}

/** The computed line total, or the given one when it matches (or the check is skipped). */
function lineTotal(given: unknown, parts: LineParts, options: LineOptions): Money {
	const { quantity, unitPrice, discount, tax } = parts;
	const gross = unitPrice.times(quantity);
	const computed = gross.minus(discount).plus(tax);
	const currency = unitPrice.currency;
	if (computed.isNegative()) {
		throw new InputError('Discount Amount', `is larger than the line amount (${gross.toString()} ${currency})`);
	}
	if (isBlank(given)) return computed;
	const total = parseMoney(given, currency, 'Line Total');
	if (!total.equals(computed) && !options.skipTotalCheck) {
		throw new InputError(
			'Line Total',
			`is ${total.toString()} ${currency} but ${quantity} × ${unitPrice.toString()} − discount ${discount.toString()} + tax ${tax.toString()} = ${computed.toString()} ${currency}. Leave Line Total empty to compute it, fix the line, or turn on Skip Total Check`,
		);
	}
	return total;
}

/** The lines the user gave for this item, or 'keep' when Update keeps the current ones. */
export function readLineItems(this: IExecuteFunctions, itemIndex: number): LineItemInput[] | 'keep' {
	const mode = this.getNodeParameter('lineItemsMode', itemIndex, 'fields') as string;
	if (mode === 'keep') return 'keep';
	if (mode === 'remove') return [];
	if (mode === 'array') return lineItemsFromArray(this.getNodeParameter('lineItemsArray', itemIndex, []));
	const rows = this.getNodeParameter('lineItems', itemIndex, {}) as IDataObject;
	return ((rows.line as IDataObject[] | undefined) ?? []).map((row) => ({ ...row }));
}
