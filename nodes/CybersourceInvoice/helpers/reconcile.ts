import type { IDataObject } from 'n8n-workflow';

import { differences } from './echoedFields';
import { ACTIONS, type InvoiceAction } from './statuses';

/*
 * Deciding what happened to a write whose answer was lost, from the invoice as Cybersource now
 * shows it. Pure functions: the calls live in actions/invoice/createOnce.ts and invoiceAction.ts.
 */

/**
 * How the stored invoice differs from the create request that was sent, in every field the invoice
 * echoes (see echoedFields.ts), as `sent` / `stored` texts naming each differing field with its
 * value, e.g. `due date 2026-12-20, description "March retainer"`; undefined when they agree.
 */
export function identityMismatch(sent: IDataObject, stored: IDataObject): { sent: string; stored: string } | undefined {
	const found = differences(sent, stored);
	if (found.length === 0) return undefined;
	return {
		sent: found.map((difference) => `${difference.label} ${difference.sent}`).join(', '),
		stored: found.map((difference) => `${difference.label} ${difference.stored}`).join(', '),
	};
}

function historyLength(invoice: IDataObject): number {
	return Array.isArray(invoice.invoiceHistory) ? invoice.invoiceHistory.length : 0;
}

/**
 * Whether the invoice shows that the action was applied. Publish and cancel end in one status
 * (their `leadsTo` in statuses.ts). Send may keep the status (an email sent again), so it is judged against the
 * invoice read before it: a new status or a new history entry means it went out.
 */
export function actionTookEffect(action: InvoiceAction, after: IDataObject, before?: IDataObject): boolean {
	const { leadsTo } = ACTIONS[action];
	if (leadsTo) return after.status === leadsTo;
	if (!before) return false;
	return after.status !== before.status || historyLength(after) > historyLength(before);
}
