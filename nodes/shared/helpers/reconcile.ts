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

/** History events that mean an email went out (docs/cybersource-api.md#invoice-history). */
const SEND_EVENTS = new Set(['SEND', 'RESEND']);

/** What an action is judged against: the invoice's status and how many sends its history shows. */
export interface InvoiceMark {
	status: string;
	sends: number;
}

export function markOf(invoice: IDataObject): InvoiceMark {
	const history = Array.isArray(invoice.invoiceHistory) ? (invoice.invoiceHistory as IDataObject[]) : [];
	return { status: String(invoice.status ?? ''), sends: history.filter((entry) => SEND_EVENTS.has(String(entry?.event))).length };
}

/**
 * Whether the invoice shows that the action was applied. Publish and cancel end in one status
 * (their `leadsTo` in statuses.ts). Send may keep the status (an email sent again), so it is judged
 * against the invoice before it: a new status or one more SEND / RESEND in its history means it
 * went out (an UPDATE entry, say from Update before Send After Update, does not count).
 */
export function actionTookEffect(action: InvoiceAction, after: IDataObject, before?: InvoiceMark): boolean {
	const { leadsTo } = ACTIONS[action];
	if (leadsTo) return after.status === leadsTo;
	if (!before) return false;
	const now = markOf(after);
	return now.status !== before.status || now.sends > before.sends;
}
