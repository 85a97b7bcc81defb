import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../descriptions/display';
import {
	allowPartialPaymentsField,
	createAdditionalFields,
	currencyField,
	customerEmailField,
	customerNameField,
	descriptionField,
	dueDateField,
	minimumPartialAmountField,
	totalAmountField,
} from '../../descriptions/invoiceFields';
import { lineItemProperties, readLineItems } from '../../descriptions/lineItems';
import { buildInvoiceBody, type BodyOptions, type InvoiceFields } from '../../helpers/invoiceBody';
import type { LineItemInput } from '../../helpers/lineItems';

/** The parameters Create and Create Draft share; `deliveryOption` is each one's email switch. */
export function createProperties(operation: string, deliveryOption: INodeProperties): INodeProperties[] {
	return showFor('invoice', [operation], [
		customerNameField,
		customerEmailField,
		{ ...descriptionField, required: true },
		{ ...dueDateField, required: true },
		{ ...currencyField, required: true },
		totalAmountField,
		...lineItemProperties(false),
		allowPartialPaymentsField,
		{ ...minimumPartialAmountField, displayOptions: { show: { allowPartialPayments: [true] } } },
		deliveryOption,
		createAdditionalFields,
	]);
}

const TOP_LEVEL_FIELDS = [
	'customerName',
	'customerEmail',
	'description',
	'dueDate',
	'currency',
	'totalAmount',
	'allowPartialPayments',
	'minimumPartialAmount',
] as const;

/** Reads a Create / Create Draft item and builds the request body; throws before any request. */
export function readCreateBody(
	this: IExecuteFunctions,
	itemIndex: number,
	options: Omit<BodyOptions, 'kind'>,
): IDataObject {
	const fields: InvoiceFields = {};
	// Not dropped when Allow Partial Payments is off: n8n already drops the hidden field, so a minimum
	// only gets here with an expression that turned partial payments off, and buildInvoiceBody refuses it.
	for (const name of TOP_LEVEL_FIELDS) fields[name] = this.getNodeParameter(name, itemIndex, '');
	Object.assign(fields, this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
	const lines = readLineItems.call(this, itemIndex) as LineItemInput[];
	return buildInvoiceBody(fields, lines, { kind: 'create', ...options });
}
