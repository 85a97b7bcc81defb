import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { identityMismatch } from '../../../shared/helpers/reconcile';
import { settle } from '../../../../credentials/signing/outcome';
import { messageOf } from '../../../shared/helpers/errorMessage';
import { createInvoice, findInvoice } from '../../../shared/api/invoices';
import { DEFAULT_TUNING, isOutcomeUnknown, type CybersourceResponse } from '../../../shared/transport';
import { itemTag } from '../../../shared/helpers/inputError';
import type { NodeRun } from '../nodeRun';

/** Sends of one create at most, when its answers keep getting lost. */
const MAX_CREATE_ATTEMPTS = 3;

/** Who chose the invoice number of a create: this node or the user. */
export type NumberChooser = 'assigned' | 'given';

export interface CreateRequest {
	body: IDataObject;
	/** Undefined when the body has no number: Cybersource will number the invoice. */
	chosenBy?: NumberChooser;
}

function isDuplicateNumber(error: unknown): error is NodeApiError {
	return error instanceof NodeApiError && error.httpCode === '400' && error.errorResponse?.reason === 'DUPLICATE_RECORD';
}

function otherInvoiceError(
	this: IExecuteFunctions,
	number: string,
	chosenBy: NumberChooser,
	itemIndex: number,
	seen: { sent: string; stored: string },
): NodeOperationError {
	const fix =
		chosenBy === 'given'
			? 'Give each invoice its own number (for example built from the order or row ID), or leave Invoice Number empty so that the node assigns one. If it is this item\'s invoice, changed after it was created (for example with Update), read it with Get instead.'
			: 'Run the workflow again: a new execution assigns new numbers. Or set Invoice Number yourself.';
	return new NodeOperationError(this.getNode(), `Invoice number "${number}" already belongs to a different invoice ${itemTag(itemIndex)}`, {
		itemIndex,
		description: `Cybersource's invoice ${number} has ${seen.stored}; this item has ${seen.sent}. Nothing was created. ${fix}`,
	});
}

function isRateLimited(error: unknown): error is NodeApiError {
	return error instanceof NodeApiError && error.httpCode === '429';
}

/** What running again does with this number: the same execution reuses it; a new one only if it is the user's. */
function whatIsSafe(number: string, chosenBy: NumberChooser): string {
	return chosenBy === 'given'
		? `Running again with the same Invoice Number (Retry On Fail, the same or a new execution) is safe: Cybersource refuses a second invoice ${number} and the node returns the one it has.`
		: `Retry On Fail (or this same execution run again) is safe: it reuses the number ${number}, so Cybersource refuses a second invoice and the node returns the one it has. A new execution (running the workflow again, n8n's Retry button) assigns a new number and would create a second invoice: look for invoice ${number} with Get first, or give Invoice Number from your data.`;
}

/** The create may or may not have been stored, and reading the number to find out failed too. */
function createUnconfirmedError(
	this: IExecuteFunctions,
	number: string,
	chosenBy: NumberChooser,
	why: string,
	itemIndex: number,
): NodeOperationError {
	return new NodeOperationError(this.getNode(), `Cybersource did not confirm whether invoice "${number}" was created ${itemTag(itemIndex)}`, {
		itemIndex,
		description: `${why} So invoice ${number} may exist. ${whatIsSafe(number, chosenBy)}`,
	});
}

/** Why the create's outcome is open when the number could not be read, for createUnconfirmedError. */
function whyUnconfirmed(sent: unknown, duplicate: boolean, lookup: unknown): string {
	const reading = `, and reading the invoice to check failed (${messageOf(lookup)}).`;
	return duplicate
		? `Cybersource already has this invoice number (an earlier try of this item may have stored it)${reading}`
		: `${messageOf(sent)}${reading}`;
}

/**
 * Creates the invoice at most once. With a number (assigned or given), a lost answer, a
 * "duplicate number" refusal or a 429 is settled by reading the invoice with that number (the
 * transport retries that read within its read budget): if it matches what was sent (every field it
 * echoes, see identityMismatch) it is the result; if it does not exist the create is sent again, at most
 * MAX_CREATE_ATTEMPTS times. Without a number nothing can be checked, so the transport's error
 * (which says to check before running again) is passed on.
 */
export async function createOnce(
	this: IExecuteFunctions,
	{ body, chosenBy }: CreateRequest,
	itemIndex: number,
	run: NodeRun,
): Promise<CybersourceResponse> {
	const number = (body.invoiceInformation as IDataObject).invoiceNumber as string | undefined;
	for (let attempt = 1; ; attempt++) {
		const sent = await settle(createInvoice.call(this, body, { scope: run, itemIndex }));
		if (sent.ok) return sent.value;
		const duplicate = isDuplicateNumber(sent.error);
		// A 429 after the transport's retries: an earlier try may have stored this very invoice.
		const settleable = duplicate || isOutcomeUnknown(sent.error) || isRateLimited(sent.error);
		if (number === undefined || chosenBy === undefined || !settleable) throw sent.error;

		const lookup = await settle(findInvoice.call(this, number, { scope: run, itemIndex }));
		if (!lookup.ok) throw createUnconfirmedError.call(this, number, chosenBy, whyUnconfirmed(sent.error, duplicate, lookup.error), itemIndex);
		const stored = lookup.value;
		if (stored) {
			const mismatch = identityMismatch(body, stored);
			if (mismatch) throw otherInvoiceError.call(this, number, chosenBy, itemIndex, mismatch);
			return { statusCode: 200, body: stored };
		}
		// Refused as a duplicate yet not found, or turned away unread: nothing of this item is stored.
		if (duplicate || isRateLimited(sent.error)) throw sent.error;
		if (attempt >= MAX_CREATE_ATTEMPTS) {
			const why = `${messageOf(sent.error)}. After ${MAX_CREATE_ATTEMPTS} sends Cybersource showed no invoice ${number}, but a late one may still be stored.`;
			throw createUnconfirmedError.call(this, number, chosenBy, why, itemIndex);
		}
		// Not stored: send it again, after a short wait. A late first attempt is refused as a duplicate.
		await sleep(DEFAULT_TUNING.baseDelayMs * attempt);
	}
}
