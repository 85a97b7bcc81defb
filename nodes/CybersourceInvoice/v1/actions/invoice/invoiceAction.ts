import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { actionTookEffect } from '../../../helpers/reconcile';
import { settle } from '../../../helpers/settle';
import { ACTIONS, type InvoiceAction } from '../../../helpers/statuses';
import { cybersourceApiRequest, invoicePath, isOutcomeUnknown } from '../../../transport';

async function readInvoice(this: IExecuteFunctions, invoiceId: string, itemIndex: number): Promise<IDataObject> {
	return await cybersourceApiRequest.call(this, 'GET', invoicePath(invoiceId), undefined, undefined, { itemIndex });
}

/**
 * Send, publish or cancel, sent once. When the answer is lost, the invoice is read again and its
 * status (and, for Send, its history) says whether the action was applied; it is never repeated
 * blindly, since a second Send would email the customer twice. Send reads the invoice first, as
 * an email sent again leaves the status unchanged.
 */
export async function runInvoiceAction(
	this: IExecuteFunctions,
	invoiceId: string,
	action: InvoiceAction,
	itemIndex: number,
	/** The invoice as just read or written by the caller, when it has it (saves the read). */
	known?: IDataObject,
): Promise<IDataObject> {
	const before = action === 'delivery' ? (known ?? (await readInvoice.call(this, invoiceId, itemIndex))) : undefined;
	const done = await settle(
		cybersourceApiRequest.call(this, 'POST', invoicePath(invoiceId, action), undefined, undefined, { itemIndex }),
	);
	if (done.ok) return done.value;
	if (!isOutcomeUnknown(done.error)) throw done.error;
	const read = await settle(readInvoice.call(this, invoiceId, itemIndex));
	// Unreadable too: the POST's own error already says to check the invoice before trying again.
	if (!read.ok) throw done.error;
	const after = read.value;
	if (actionTookEffect(action, after, before)) return after;
	const { verb, done: past } = ACTIONS[action];
	throw new NodeOperationError(this.getNode(), `Cybersource did not confirm that invoice "${invoiceId}" was ${past} [item ${itemIndex}]`, {
		itemIndex,
		description: `${done.error.message}. The invoice was read again and shows no change (status ${String(after.status)}), so it was not done. Run the node again to ${verb} it.`,
	});
}
