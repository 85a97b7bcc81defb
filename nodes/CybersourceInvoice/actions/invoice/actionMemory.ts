import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { InvoiceMark } from '../../../shared/helpers/reconcile';
import type { InvoiceAction } from '../../../shared/helpers/statuses';

/*
 * What Send, Publish and Cancel already did in this execution. n8n's Retry On Fail runs the node
 * again for ALL items, in the same execution and with the same run index, and keeps the node's
 * context (`getContext('node')`, saved with the execution) across those tries. So each item notes
 * its attempt there just before the request goes out, and marks it done once it is known to have
 * worked; a later try reads the invoice instead of acting again. A few bytes per item: the invoice
 * itself is read again, never stored.
 */

/** This package's key in the node context; other keys there belong to others. */
const CONTEXT_KEY = 'cybersourceActionsTried';

/** One earlier attempt: the invoice as it was before it (when read first), and whether it worked. */
export interface Attempt {
	before?: InvoiceMark;
	done?: boolean;
}

export interface ActionMemory {
	/** What an earlier try of this item did, if anything. */
	earlier?: Attempt;
	/** Just before the request goes out. */
	started(before?: InvoiceMark): void;
	/** Once the action is known to have been applied. */
	finished(): void;
	/** Once it is known NOT to have been applied (refused, or no change): nothing to remember. */
	forget(): void;
}

/** The attempts of this execution's node, or undefined where n8n gives no node context. */
function attemptsOf(context: IExecuteFunctions): Record<string, Attempt> | undefined {
	let store: IDataObject;
	try {
		store = context.getContext('node');
	} catch {
		return undefined;
	}
	store[CONTEXT_KEY] ??= {};
	return store[CONTEXT_KEY] as Record<string, Attempt>;
}

/** The memory of one item's action on one invoice in this run of the node. */
export function actionMemory(
	this: IExecuteFunctions,
	itemIndex: number,
	invoiceId: string,
	action: InvoiceAction,
): ActionMemory {
	const attempts = attemptsOf(this);
	if (!attempts) return { started: () => undefined, finished: () => undefined, forget: () => undefined };
	// A loop runs the node again with item indexes from 0: the run index keeps those apart.
	const runIndex = Number(this.getWorkflowDataProxy(itemIndex).$runIndex ?? 0);
	const key = JSON.stringify([runIndex, itemIndex, action, invoiceId]);
	return {
		earlier: attempts[key],
		started: (before) => {
			attempts[key] = before ? { before } : {};
		},
		finished: () => {
			// Done needs nothing more: the invoice is read again when asked.
			attempts[key] = { done: true };
		},
		forget: () => {
			delete attempts[key];
		},
	};
}
