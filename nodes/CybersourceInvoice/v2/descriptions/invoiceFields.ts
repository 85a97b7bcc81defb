import type { INodeProperties } from 'n8n-workflow';

import { knownCurrencies } from '../../../shared/money/currencies';
import { dueDateField as v1DueDate, totalAmountField as v1TotalAmount } from '../../v1/descriptions/invoiceFields';
import { docsLink } from './docs';

/*
 * Version 2's own definitions of the invoice fields whose look changed. Names and values are
 * version 1's, so the shared readers (helpers/invoiceBody.ts) get the same values.
 */

const DATE_ONLY = 'Only the date is sent (as YYYY-MM-DD); the time the picker shows is ignored.';

export const dueDateField: INodeProperties = {
	...v1DueDate,
	hint: DATE_ONLY,
	description:
		'The date payment is due. The payment link stays valid for 12 months after it, unless an Expiration Date is set. A date in the past is refused unless Options › Allow Past Due Date is on.',
};

export const expirationDateField: INodeProperties = {
	displayName: 'Expiration Date',
	name: 'expirationDate',
	type: 'dateTime',
	default: '',
	hint: DATE_ONLY,
	description: 'The date the payment link stops working: today or later',
};

/** English names where the runtime knows them ("USD – US Dollar"); the code alone otherwise. */
function currencyOptions(): Array<{ name: string; value: string }> {
	const names = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'currency' }) : undefined;
	return knownCurrencies().map((code) => {
		const name = names?.of(code);
		return { name: name && name !== code ? `${code} – ${name}` : code, value: code };
	});
}

export const currencyField: INodeProperties = {
	displayName: 'Currency',
	name: 'currency',
	type: 'options',
	options: currencyOptions(),
	default: 'USD',
	description:
		'The ISO 4217 currency of the invoice. Amounts are sent with the decimals it uses (JPY 0, USD 2, BHD 3). An expression may give the 3-letter code instead, like EUR.',
};

export const totalAmountField: INodeProperties = {
	...v1TotalAmount,
	placeholder: 'Leave empty to add up the line items above',
};

export const invoiceNumberField: INodeProperties = {
	displayName: 'Invoice Number',
	name: 'invoiceNumber',
	type: 'string',
	default: '',
	placeholder: 'e.g. {{ $json.orderId }}',
	hint: 'Number it from your data (order or row ID): running the workflow again then finds this invoice instead of creating a second one',
	description: `Your own unique number for the invoice, used as is (1 to 26 characters, no / ? # or line breaks; it cannot be changed later). Leave empty and the node assigns one that is safe to retry within this execution only (see ${docsLink('exactly-once', 'Creating each invoice once')}).`,
};

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return a flat summary (ID, status, payment link, customer name and email, currency, total, balance, due date, invoice number) instead of the full invoice as Cybersource returns it',
};
