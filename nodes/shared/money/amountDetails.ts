import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../helpers/inputError';
import type { BuiltLines } from '../helpers/lineItems';
import { assertFits, flag, optionalText } from '../helpers/text';
import { isBlank } from '../helpers/values';
import { Money, parseMoney, parsePercent } from './amounts';

/*
 * The invoice's `orderInformation.amountDetails` for create and update: discount, tax, freight,
 * partial payments and the total, computed from the line items when the user leaves it empty and
 * checked against them when the user gives it.
 */

const AMOUNTS = 'orderInformation.amountDetails';

/** Invoice-level amounts as the user gave them (parameters or an existing invoice); unchecked. */
export interface AmountInputs {
	totalAmount?: unknown;
	subAmount?: unknown;
	discountAmount?: unknown;
	discountPercent?: unknown;
	taxType?: unknown;
	taxAmount?: unknown;
	taxRate?: unknown;
	freightAmount?: unknown;
	freightTaxable?: unknown;
	freightTaxRate?: unknown;
	minimumPartialAmount?: unknown;
}

interface AmountOptions {
	allowPartialPayments: boolean;
	/** Accept a Total Amount that differs from what the lines add up to. */
	skipTotalCheck: boolean;
}

/**
 * `orderInformation.amountDetails` for create and update. With line items, a Total Amount left
 * empty is computed: lines − discount + tax + freight (+ freight tax when taxable). A total the
 * user gave must match that, unless the check is skipped; the error shows both numbers.
 */
export function buildAmountDetails(
	currency: string,
	inputs: AmountInputs,
	lines: BuiltLines | undefined,
	options: AmountOptions,
): IDataObject {
	const details: IDataObject = { currency };
	const money = (value: unknown, field: string) =>
		isBlank(value) ? undefined : parseMoney(value, currency, field);
	const put = (target: IDataObject, key: string, text: string, field: string, path: string) => {
		target[key] = assertFits(text, field, path);
	};

	const base = lines?.sum ?? Money.zero(currency);
	let discount = Money.zero(currency);
	const discountPercent = isBlank(inputs.discountPercent) ? undefined : parsePercent(inputs.discountPercent, 'Discount Percent');
	if (discountPercent) {
		put(details, 'discountPercent', discountPercent.text, 'Discount Percent', `${AMOUNTS}.discountPercent`);
		discount = base.percent(discountPercent.value);
	}
	const discountAmount = money(inputs.discountAmount, 'Discount Amount');
	if (discountAmount) {
		put(details, 'discountAmount', discountAmount.toString(), 'Discount Amount', `${AMOUNTS}.discountAmount`);
		discount = discountAmount;
	}

	let tax = Money.zero(currency);
	const taxDetails: IDataObject = {};
	const taxType = optionalText(inputs.taxType, 'Tax Type', `${AMOUNTS}.taxDetails.type`);
	if (taxType !== undefined) taxDetails.type = taxType;
	const taxRate = isBlank(inputs.taxRate) ? undefined : parsePercent(inputs.taxRate, 'Tax Rate');
	if (taxRate) {
		put(taxDetails, 'rate', taxRate.text, 'Tax Rate', `${AMOUNTS}.taxDetails.rate`);
		tax = base.minus(discount).percent(taxRate.value);
	}
	const taxAmount = money(inputs.taxAmount, 'Tax Amount');
	if (taxAmount) {
		put(taxDetails, 'amount', taxAmount.toString(), 'Tax Amount', `${AMOUNTS}.taxDetails.amount`);
		tax = taxAmount;
	}
	if (Object.keys(taxDetails).length) details.taxDetails = taxDetails;

	const { freight, details: freightDetails } = readFreight(inputs, currency);
	if (freightDetails) details.freight = freightDetails;

	const subAmount = money(inputs.subAmount, 'Sub Amount');
	if (subAmount) put(details, 'subAmount', subAmount.toString(), 'Sub Amount', `${AMOUNTS}.subAmount`);

	const total = invoiceTotal(money(inputs.totalAmount, 'Total Amount'), lines, { discount, tax, freight }, options);
	put(details, 'totalAmount', total.toString(), 'Total Amount', `${AMOUNTS}.totalAmount`);

	const minimumPartial = readMinimumPartial(money(inputs.minimumPartialAmount, 'Minimum Partial Amount'), total, options);
	if (minimumPartial) details.minimumPartialAmount = minimumPartial.toString();
	return details;
}

interface Adjustments {
	discount: Money;
	tax: Money;
	freight: Money;
}

/**
 * The invoice total: the given one, or with line items lines − discount + tax + freight. A given
 * total must match the computed one unless the check is skipped; a total of 0 is refused.
 */
function invoiceTotal(
	givenTotal: Money | undefined,
	lines: BuiltLines | undefined,
	{ discount, tax, freight }: Adjustments,
	options: AmountOptions,
): Money {
	if (!lines || lines.items.length === 0) {
		if (!givenTotal) throw new InputError('Total Amount', 'is required when the invoice has no line items');
		if (givenTotal.minor === 0) throw new InputError('Total Amount', 'must be more than 0');
		return givenTotal;
	}
	const base = lines.sum;
	const currency = base.currency;
	const computed = base.minus(discount).plus(tax).plus(freight);
	if (computed.isNegative()) {
		throw new InputError('Discount Amount', `is larger than the line items (${base.toString()} ${currency})`);
	}
	if (givenTotal && !givenTotal.equals(computed) && !options.skipTotalCheck) {
		throw new InputError(
			'Total Amount',
			`is ${givenTotal.toString()} ${currency} but the line items add up to ${computed.toString()} ${currency} (lines ${base.toString()} − discount ${discount.toString()} + tax ${tax.toString()} + freight ${freight.toString()}). Leave Total Amount empty to use the computed total, fix the lines, or turn on Skip Total Check`,
		);
	}
	if (givenTotal?.minor === 0) throw new InputError('Total Amount', 'must be more than 0');
	if (computed.minor === 0 && !givenTotal) {
		throw new InputError('Total Amount', `the line items add up to ${computed.toString()} ${currency}; an invoice must be for more than 0`);
	}
	return givenTotal ?? computed;
}

/** `freight` for the body, and what it adds to the total (its tax only when it is taxable). */
function readFreight(inputs: AmountInputs, currency: string): { freight: Money; details?: IDataObject } {
	let freight = Money.zero(currency);
	const details: IDataObject = {};
	if (!isBlank(inputs.freightAmount)) {
		freight = parseMoney(inputs.freightAmount, currency, 'Freight Amount');
		details.amount = assertFits(freight.toString(), 'Freight Amount', `${AMOUNTS}.freight.amount`);
	}
	const taxable = flag(inputs.freightTaxable, 'Freight Taxable');
	if (taxable !== undefined) details.taxable = taxable;
	if (!isBlank(inputs.freightTaxRate)) {
		const rate = parsePercent(inputs.freightTaxRate, 'Freight Tax Rate');
		details.taxRate = assertFits(rate.text, 'Freight Tax Rate', `${AMOUNTS}.freight.taxRate`);
		if (taxable) freight = freight.plus(freight.percent(rate.value));
	}
	return { freight, details: Object.keys(details).length ? details : undefined };
}

function readMinimumPartial(minimum: Money | undefined, total: Money, options: AmountOptions): Money | undefined {
	if (!minimum) return undefined;
	if (!options.allowPartialPayments) {
		throw new InputError('Minimum Partial Amount', 'only applies when Allow Partial Payments is on');
	}
	if (minimum.minor <= 0 || minimum.minor > total.minor) {
		throw new InputError(
			'Minimum Partial Amount',
			`must be more than 0 and at most the total (${total.toString()} ${total.currency}), got ${minimum.toString()}`,
		);
	}
	return minimum;
}
