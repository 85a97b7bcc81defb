import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showFor } from '../../v1/descriptions/display';
import { updateFields } from '../../v1/descriptions/invoiceFields';
import { invoiceLocator } from '../../v1/descriptions/invoiceLocator';
import { lineItemProperties } from '../../v1/descriptions/lineItems';
import { simplifyProperty } from '../../v1/descriptions/simplify';
import { readInvoiceId } from '../../../shared/helpers/invoiceId';
import { parseMoney } from '../../../shared/money/amounts';
import { isBlank } from '../../../shared/helpers/values';
import { displayNameOf } from '../../../shared/helpers/fieldLabels';
import { buildInvoiceBody, type InvoiceFields } from '../../../shared/helpers/invoiceBody';
import { readCurrentInvoice } from '../../../shared/helpers/invoiceResponse';
import { readLineItems, type LineItemInput } from '../../../shared/helpers/lineItems';
import { allowedSentence, isAllowed, refusedSentence } from '../../../shared/helpers/statuses';
import { isOn } from '../../../shared/helpers/text';
import { getInvoice, updateInvoice } from '../../../shared/api/invoices';
import { itemTag } from '../../../shared/helpers/inputError';
import { warnIfPastDueDate } from './dueDateWarning';
import type { NodeRun } from '../nodeRun';
import type { OperationDescriptor } from '../operation';
import { runInvoiceAction } from './invoiceAction';
import { invoiceOutput, readSimplify } from './output';

export const description: INodeProperties[] = showFor('invoice', ['update'], [
	{
		...invoiceLocator,
		description: `The invoice to change. ${allowedSentence('update')}`,
		hint: refusedSentence('update'),
	},
	updateFields,
	...lineItemProperties(true),
	{
		displayName: 'Send After Update',
		name: 'sendAfterUpdate',
		type: 'boolean',
		default: false,
		description:
			'Whether to send the invoice again after the update (an update alone does not email anything). Needed after changing the customer email of a sent invoice: the old link stops working.',
	},
	simplifyProperty,
]);

/** How messages name a parameter of Update: its label in the description above. */
const label = (name: string): string => displayNameOf(description, name);

/** Fields whose change means the total must be recomputed from the lines. */
const TOTAL_INPUTS = [
	'currency',
	'totalAmount',
	'discountAmount',
	'discountPercent',
	'taxAmount',
	'taxRate',
	'freightAmount',
	'freightTaxable',
	'freightTaxRate',
] as const;

/**
 * Everything that can be checked without the current invoice, so bad input stops the item
 * before any request. Missing required values get neutral stand-ins; amounts are read with the
 * given currency, or the most permissive one (4 decimals) until the invoice's is known. Line
 * totals need the real currency's rounding, so without a new currency they are checked later,
 * after reading the invoice and still before changing it.
 */
function precheck(patch: InvoiceFields, lines: LineItemInput[] | 'keep'): void {
	isOn(patch.allowPartialPayments, label('allowPartialPayments'));
	const trial: InvoiceFields = {
		description: 'precheck',
		dueDate: '2099-12-31',
		currency: 'CLF',
		totalAmount: '1',
		...patch,
		allowPartialPayments: true,
		minimumPartialAmount: undefined,
	};
	buildInvoiceBody(trial, lines === 'keep' ? undefined : lines, {
		kind: 'update',
		deliveryMode: 'none',
		emailRequired: false,
		checkLineTotals: !isBlank(patch.currency),
		checkInvoiceTotal: false,
	});
	if (!isBlank(patch.minimumPartialAmount)) {
		parseMoney(patch.minimumPartialAmount, String(trial.currency), label('minimumPartialAmount'));
	}
}

/**
 * The API replaces the whole invoice on PUT, so the current one is fetched and only the fields
 * the user set are changed.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: NodeRun): Promise<IDataObject> {
	const invoiceId = readInvoiceId.call(this, itemIndex);
	const given = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	// Empty values are ignored: an AI agent or a mapping may fill fields it does not mean to change.
	const patch: InvoiceFields = Object.fromEntries(Object.entries(given).filter(([, value]) => !isBlank(value)));
	const newLines = readLineItems.call(this, itemIndex);
	const sendAfterUpdate = isOn(this.getNodeParameter('sendAfterUpdate', itemIndex, false), label('sendAfterUpdate'));
	precheck(patch, newLines);
	const simplify = readSimplify.call(this, itemIndex);

	const read = await getInvoice.call(this, invoiceId, { scope: run, itemIndex });
	const current = readCurrentInvoice(read);
	if (!isAllowed('update', current.status)) {
		throw new NodeOperationError(
			this.getNode(),
			`Invoice "${invoiceId}" is ${current.status} and cannot be updated ${itemTag(itemIndex)}`,
			{
				itemIndex,
				description: `${allowedSentence('update')} Nothing was changed.`,
			},
		);
	}

	const fields: InvoiceFields = { ...current.fields, ...patch };
	const lines = newLines === 'keep' ? current.lines : newLines;
	const touchesTotal = newLines !== 'keep' || TOTAL_INPUTS.some((key) => key in patch);
	if (!touchesTotal) {
		// Amounts untouched: keep them exactly as stored, even if they do not add up our way.
		fields.skipTotalCheck = true;
	} else if (isBlank(patch.totalAmount) && lines.length) {
		delete fields.totalAmount;
	}
	// Turning partial payments off drops the stored minimum; a minimum given now is refused instead.
	if (!isOn(fields.allowPartialPayments, label('allowPartialPayments')) && !('minimumPartialAmount' in patch)) {
		delete fields.minimumPartialAmount;
	}

	const body = buildInvoiceBody(fields, lines, {
		kind: 'update',
		deliveryMode: current.deliveryMode,
		emailRequired: sendAfterUpdate && current.deliveryMode === 'email',
		// A stored expiration date may be in the past by now; only a new one is checked.
		checkExpiration: 'expirationDate' in patch,
		// Lines kept as stored are not judged again; new ones are.
		checkLineTotals: newLines !== 'keep',
	});
	const dueDate = (body.invoiceInformation as IDataObject).dueDate;
	// Only a changed due date: a stored one that has passed since is not the user's doing now.
	if (dueDate !== current.fields.dueDate) warnIfPastDueDate.call(this, itemIndex, run, dueDate);
	const updated = await updateInvoice.call(this, invoiceId, body, { scope: run, itemIndex });
	if (!sendAfterUpdate) return invoiceOutput(updated, simplify);
	// Like Send: a lost answer is settled by reading the invoice, never by emailing it twice. Its
	// history as read before the update (the update's answer has none) tells a new email apart.
	const sent = await runInvoiceAction.call(this, invoiceId, 'delivery', itemIndex, run, read);
	return invoiceOutput(sent, simplify);
}

export const descriptor: OperationDescriptor = {
	resource: 'invoice',
	operation: 'update',
	option: { name: 'Update', description: 'Change an invoice that has not been paid', action: 'Update an invoice' },
	properties: description,
	subtitle: 'Update invoice',
	execute,
	simplify: true,
	parallelRequests: { default: 1, kind: 'items' },
	dueDateParameter: 'updateFields.dueDate',
	invoiceRule: 'update',
};
