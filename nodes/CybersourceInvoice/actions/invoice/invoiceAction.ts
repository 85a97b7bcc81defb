import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { actionTookEffect, markOf, type InvoiceMark } from '../../../shared/helpers/reconcile';
import { settle } from '../../../../credentials/signing/outcome';
import { messageOf } from '../../../shared/helpers/errorMessage';
import { ACTIONS, type InvoiceAction } from '../../../shared/helpers/statuses';
import { getInvoice, postInvoiceAction } from '../../../shared/api/invoices';
import { isOutcomeUnknown } from '../../../shared/transport';
import { itemTag } from '../../../shared/helpers/inputError';
import { actionMemory, type ActionMemory } from './actionMemory';
import type { NodeRun } from '../nodeRun';

/** The action may have been applied and the invoice could not be read to check. */
function actionUnconfirmedError(this: IExecuteFunctions, invoiceId: string, action: InvoiceAction, itemIndex: number, why: string): NodeOperationError {
	const { verb, done } = ACTIONS[action];
	return new NodeOperationError(this.getNode(), `Cybersource did not confirm whether invoice "${invoiceId}" was ${done} ${itemTag(itemIndex)}`, {
		itemIndex,
		description: `${why} So it may have been ${done}. Retry On Fail is safe: within this execution the node remembers the attempt and reads the invoice before it would ${verb} it again. A new execution (running the workflow again, n8n's Retry button) does not know: check the invoice with Get first (for Send, its history shows each email).`,
	});
}

function notDoneError(this: IExecuteFunctions, invoiceId: string, action: InvoiceAction, itemIndex: number, cause: Error, status: unknown): NodeOperationError {
	const { verb, done } = ACTIONS[action];
	return new NodeOperationError(this.getNode(), `Cybersource did not confirm that invoice "${invoiceId}" was ${done} ${itemTag(itemIndex)}`, {
		itemIndex,
		description: `${messageOf(cause)}. The invoice was read again and shows no change (status ${String(status)}), so it was not done. Run the node again to ${verb} it.`,
	});
}

/**
 * After an earlier try of this item in this execution (Retry On Fail): the invoice, and whether
 * that try's action shows in it. Done, or visible in the status / history, means it is not repeated.
 */
async function afterEarlierTry(
	this: IExecuteFunctions,
	invoiceId: string,
	action: InvoiceAction,
	itemIndex: number,
	run: NodeRun,
	memory: ActionMemory,
): Promise<{ invoice: IDataObject; applied: boolean }> {
	const earlier = memory.earlier ?? {};
	const read = await settle(getInvoice.call(this, invoiceId, { scope: run, itemIndex }));
	if (!read.ok) {
		const { done } = ACTIONS[action];
		const why = earlier.done
			? `An earlier try of this item ${done} invoice ${invoiceId}; reading it again now failed (${messageOf(read.error)}), and it was not ${done} again.`
			: `An earlier try of this item sent the request without a readable answer, and reading the invoice now failed (${messageOf(read.error)}).`;
		throw actionUnconfirmedError.call(this, invoiceId, action, itemIndex, why);
	}
	const applied = earlier.done === true || actionTookEffect(action, read.value, earlier.before);
	if (applied) memory.finished();
	return { invoice: read.value, applied };
}

/** The invoice before a Send: the caller's copy when it shows the history, else read. */
async function markBefore(this: IExecuteFunctions, invoiceId: string, itemIndex: number, run: NodeRun, known?: IDataObject): Promise<InvoiceMark> {
	// An update's answer has no history: comparing against it would take any earlier email for this one.
	return markOf(known?.invoiceHistory ? known : await getInvoice.call(this, invoiceId, { scope: run, itemIndex }));
}

/**
 * Send, publish or cancel, sent once. When the answer is lost, the invoice is read again and its
 * status (and, for Send, its history) says whether the action was applied; it is never repeated
 * blindly, since a second Send would email the customer twice. Send reads the invoice first, as
 * an email sent again leaves the status unchanged. Retry On Fail's next try of the item finds its
 * earlier attempt in the node context (actionMemory.ts) and returns the invoice instead of acting again.
 */
export async function runInvoiceAction(
	this: IExecuteFunctions,
	invoiceId: string,
	action: InvoiceAction,
	itemIndex: number,
	run: NodeRun,
	/** The invoice as the caller just read it, history included, when it has it (saves a read). */
	known?: IDataObject,
): Promise<IDataObject> {
	const memory = actionMemory.call(this, itemIndex, invoiceId, action);
	let current = known;
	if (memory.earlier) {
		const earlier = await afterEarlierTry.call(this, invoiceId, action, itemIndex, run, memory);
		if (earlier.applied) return earlier.invoice;
		current = earlier.invoice;
	}
	const before = action === 'delivery' ? await markBefore.call(this, invoiceId, itemIndex, run, current) : undefined;
	memory.started(before);
	const done = await settle(postInvoiceAction.call(this, invoiceId, action, { scope: run, itemIndex }));
	if (done.ok) {
		memory.finished();
		return done.value;
	}
	if (!isOutcomeUnknown(done.error)) {
		// Refused (say, not allowed in its status): a later try must not take someone else's change for its own.
		memory.forget();
		throw done.error;
	}
	const read = await settle(getInvoice.call(this, invoiceId, { scope: run, itemIndex }));
	if (!read.ok) {
		const why = `${messageOf(done.error)}, and reading the invoice to check failed too (${messageOf(read.error)}).`;
		throw actionUnconfirmedError.call(this, invoiceId, action, itemIndex, why);
	}
	if (!actionTookEffect(action, read.value, before)) {
		memory.forget();
		throw notDoneError.call(this, invoiceId, action, itemIndex, done.error, read.value.status);
	}
	memory.finished();
	return read.value;
}
