import type { INodeProperties } from 'n8n-workflow';

import { refusedSentence } from '../../../shared/helpers/statuses';
import { amountOptions, checkoutOptions } from './invoiceOptionFields';

/*
 * Invoice fields, defined once. Create and Create Draft show the main ones as parameters and the
 * rest in Additional Fields; Update offers all of them in Update Fields. The parameter names are
 * the keys of InvoiceFields (helpers/invoiceBody.ts), which reads them.
 */

export const customerNameField: INodeProperties = {
	displayName: 'Customer Name',
	name: 'customerName',
	type: 'string',
	default: '',
	placeholder: 'e.g. Tanya Lee',
	description: "The payer's name, shown on the invoice and the payment page (at most 100 characters)",
};

export const customerEmailField: INodeProperties = {
	displayName: 'Customer Email',
	name: 'customerEmail',
	type: 'string',
	default: '',
	placeholder: 'e.g. name@email.com',
	description:
		"The payer's email address. Required when the invoice is emailed; otherwise optional (share the payment link yourself).",
};

export const descriptionField: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	typeOptions: { rows: 2 },
	default: '',
	placeholder: 'e.g. Website redesign, March 2026',
	description: 'What the invoice is for; the customer sees it (at most 2000 characters)',
};

export const dueDateField: INodeProperties = {
	displayName: 'Due Date',
	name: 'dueDate',
	type: 'dateTime',
	default: '',
	description:
		'When payment is due. Only the date is used (sent as YYYY-MM-DD). The payment link stays valid for 12 months after it, unless an Expiration Date is set.',
};

export const currencyField: INodeProperties = {
	displayName: 'Currency',
	name: 'currency',
	type: 'string',
	default: 'USD',
	placeholder: 'e.g. USD',
	description:
		'3-letter ISO 4217 currency code, like USD, EUR or JPY. Amounts are sent with the decimals the currency uses (JPY 0, USD 2, BHD 3).',
};

export const totalAmountField: INodeProperties = {
	displayName: 'Total Amount',
	name: 'totalAmount',
	type: 'string',
	default: '',
	placeholder: 'Leave empty to add up the line items',
	description:
		'The amount the customer pays, like 150.00 (digits and an optional "." only). Leave empty when there are line items: it is computed as lines − discount + tax + freight. Required when there are no line items.',
};

export const allowPartialPaymentsField: INodeProperties = {
	displayName: 'Allow Partial Payments',
	name: 'allowPartialPayments',
	type: 'boolean',
	default: false,
	description: 'Whether the customer may pay the invoice in several parts (installments)',
};

export const minimumPartialAmountField: INodeProperties = {
	displayName: 'Minimum Partial Amount',
	name: 'minimumPartialAmount',
	type: 'string',
	default: '',
	placeholder: 'e.g. 50.00',
	description:
		'The smallest payment accepted when paying in parts. Must be more than 0 and at most the total. Leave empty for no minimum. Only used when partial payments are allowed.',
};

const companyNameField: INodeProperties = {
	displayName: 'Company Name',
	name: 'companyName',
	type: 'string',
	default: '',
	description: "The customer's company (at most 60 characters)",
};

const merchantCustomerIdField: INodeProperties = {
	displayName: 'Merchant Customer ID',
	name: 'merchantCustomerId',
	type: 'string',
	default: '',
	description: 'Your own ID for this customer, e.g. from your CRM (at most 100 characters)',
};

const expirationDateField: INodeProperties = {
	displayName: 'Expiration Date',
	name: 'expirationDate',
	type: 'dateTime',
	default: '',
	description: 'When the payment link stops working. Today or later; only the date is used.',
};

const merchantDefinedFieldsOption: INodeProperties = {
	displayName: 'Merchant-Defined Fields',
	name: 'merchantDefinedFields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Field',
	default: {},
	description: 'Values for the custom fields defined for invoices in Business Center',
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				{
					displayName: 'Field Name or ID',
					name: 'definitionId',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getMerchantDefinedFields' },
					default: '',
					description:
						'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					description: 'The value to store in this field',
				},
			],
		},
	],
};

/** Collections list their options alphabetically, as n8n's UI guidelines ask. */
function alphabetical(options: INodeProperties[]): INodeProperties[] {
	return [...options].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Additional Fields of Create and Create Draft. */
export const createAdditionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: alphabetical([
		companyNameField,
		expirationDateField,
		{
			displayName: 'Invoice Number',
			name: 'invoiceNumber',
			type: 'string',
			default: '',
			placeholder: 'e.g. ORDER-1042',
			description:
				'Your own unique number for the invoice, used as is (1 to 26 characters, no / ? # or line breaks; it cannot be changed later). Build it from the source data, like the order or row ID: running the workflow again then finds the invoice instead of creating a second one. Leave empty and the node assigns one like N8N-7K2QX9M4TB1C-0 (a code for this execution, node and run, then the item index), the same on every try of this execution.',
		},
		{
			displayName: 'Invoice Numbering',
			name: 'invoiceNumbering',
			type: 'options',
			default: 'node',
			description: 'Who numbers the invoice when Invoice Number is empty',
			options: [
				{
					name: 'By This Node (Safe to Retry)',
					value: 'node',
					description:
						'Like N8N-7K2QX9M4TB1C-0: the same for this item on every try of this execution, so Retry On Fail or a lost answer never creates a second invoice',
				},
				{
					name: 'By Cybersource (Risk of Duplicates)',
					value: 'cybersource',
					description:
						"Cybersource's own sequence, like 98753. If its answer is lost (timeout, network or server error), the node cannot check whether the invoice exists, and running again (or Retry On Fail) may create it twice.",
				},
			],
		},
		merchantCustomerIdField,
		merchantDefinedFieldsOption,
		{
			displayName: 'Partner Developer ID',
			name: 'partnerDeveloperId',
			type: 'string',
			default: '',
			description: 'Your Cybersource partner developer ID, if you have one (at most 8 characters)',
		},
		{
			displayName: 'Partner Solution ID',
			name: 'partnerSolutionId',
			type: 'string',
			default: '',
			description: 'Your Cybersource partner solution ID (PSID), if you have one (at most 8 characters)',
		},
		...amountOptions,
		...checkoutOptions,
	]),
};

/** Update Fields: everything an existing invoice can change (the number cannot). */
export const updateFields: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	// Joined rather than a template literal: n8n's lint cannot see that the sentence ends with a period.
	description: ['Only the fields added here change; everything else keeps its current value.', refusedSentence('update')].join(' '),
	options: alphabetical([
		allowPartialPaymentsField,
		companyNameField,
		currencyField,
		customerEmailField,
		customerNameField,
		descriptionField,
		dueDateField,
		expirationDateField,
		merchantCustomerIdField,
		merchantDefinedFieldsOption,
		minimumPartialAmountField,
		totalAmountField,
		...amountOptions,
		...checkoutOptions,
	]),
};
