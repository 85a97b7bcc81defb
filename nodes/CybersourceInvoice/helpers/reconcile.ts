import type { IDataObject } from 'n8n-workflow';

import { object } from './invoiceResponse';
import { ACTIONS, type InvoiceAction } from './statuses';

/*
 * Deciding what happened to a write whose answer was lost, from the invoice as Cybersource now
 * shows it. Pure functions: the calls live in actions/invoice/createOnce.ts and invoiceAction.ts.
 */

/** The three facts that identify an invoice for a customer: who pays, in what, how much. */
interface Identity {
	email: string;
	currency: string;
	total: number;
}

function identityOf(invoice: IDataObject): Identity {
	const amounts = object(object(invoice.orderInformation).amountDetails);
	return {
		email: String(object(invoice.customerInformation).email ?? '').trim().toLowerCase(),
		currency: String(amounts.currency ?? '').trim().toUpperCase(),
		// Amounts come back as numbers or strings ("150" or "150.00"); compare their values.
		total: Number(amounts.totalAmount),
	};
}

function describe(identity: Identity): string {
	return `${identity.email || 'no customer email'}, ${identity.currency} ${identity.total}`;
}

/**
 * How the stored invoice differs from the create request that was sent (customer email, currency,
 * total), as `sent` / `stored` texts; undefined when they are the same invoice.
 */
export function identityMismatch(sent: IDataObject, stored: IDataObject): { sent: string; stored: string } | undefined {
	const a = identityOf(sent);
	const b = identityOf(stored);
	const same = a.email === b.email && a.currency === b.currency && Number.isFinite(a.total) && a.total === b.total;
	return same ? undefined : { sent: describe(a), stored: describe(b) };
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
