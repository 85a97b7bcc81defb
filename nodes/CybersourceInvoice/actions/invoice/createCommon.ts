import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../v1/descriptions/display';
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
} from '../../v1/descriptions/invoiceFields';
import { lineItemProperties } from '../../v1/descriptions/lineItems';
import { simplifyProperty } from '../../v1/descriptions/simplify';
import { isBlank } from '../../../shared/helpers/values';
import { buildInvoiceBody, type BodyOptions, type InvoiceFields } from '../../../shared/helpers/invoiceBody';
import { readNumbering } from '../../../shared/helpers/invoiceNumber';
import { readLineItems, type LineItemInput } from '../../../shared/helpers/lineItems';
import { CREATE_GROUPS } from '../../v2/descriptions/createGroups';
import type { CreateRequest } from './createOnce';
import { warnIfPastDueDate } from './dueDateWarning';
import { assignNumber } from './numberOrigin';
import type { NodeRun } from '../nodeRun';

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
		simplifyProperty,
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

/**
 * Reads a Create / Create Draft item and builds the request body; throws before any request. An
 * empty Invoice Number is assigned by the node unless the user chose Cybersource numbering.
 */
export function readCreateRequest(
	this: IExecuteFunctions,
	itemIndex: number,
	run: NodeRun,
	options: Omit<BodyOptions, 'kind'>,
): CreateRequest {
	const fields: InvoiceFields = {};
	// Not dropped when Allow Partial Payments is off: n8n already drops the hidden field, so a minimum
	// only gets here with an expression that turned partial payments off, and buildInvoiceBody refuses it.
	for (const name of TOP_LEVEL_FIELDS) fields[name] = this.getNodeParameter(name, itemIndex, '');
	const { invoiceNumbering, ...additional } = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	Object.assign(fields, additional);
	// Version 2 shows Invoice Number at the top, groups the other fields and puts Invoice Numbering
	// in Options (v2/descriptions/createGroups.ts); version 1 has none of these parameters.
	const topNumber = this.getNodeParameter('invoiceNumber', itemIndex, '');
	if (!isBlank(topNumber)) fields.invoiceNumber = topNumber;
	for (const group of CREATE_GROUPS) Object.assign(fields, this.getNodeParameter(group, itemIndex, {}) as IDataObject);
	const numbering = readNumbering(invoiceNumbering ?? this.getNodeParameter('options.invoiceNumbering', itemIndex, 'node'));
	const lines = readLineItems.call(this, itemIndex) as LineItemInput[];
	const body = buildInvoiceBody(fields, lines, { kind: 'create', ...options });
	const info = body.invoiceInformation as IDataObject;
	warnIfPastDueDate.call(this, itemIndex, run, info.dueDate);
	if (info.invoiceNumber !== undefined) return { body, chosenBy: 'given' };
	if (numbering === 'cybersource') return { body };
	info.invoiceNumber = assignNumber(run.numberOrigin, itemIndex);
	return { body, chosenBy: 'assigned' };
}
