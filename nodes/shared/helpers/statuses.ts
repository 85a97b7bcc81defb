/**
 * Invoice statuses and the actions each allows, in one table. The gateway enforces these rules;
 * the node reads them to stop an update before it sends anything, to explain a refusal, to word
 * the field descriptions, to judge whether a lost action took effect, and (in the polling
 * trigger) to know which invoices can still change.
 */

export const INVOICE_STATUSES = ['DRAFT', 'CREATED', 'SENT', 'PARTIAL', 'PAID', 'CANCELED', 'PENDING'] as const;

export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

interface StatusRule {
	/** How sentences name invoices in this status ("sent invoices"). */
	label: string;
	/** What the status means, for the Get Many filter. */
	meaning: string;
	/** No action and no payment moves the invoice on. */
	final?: true;
}

export const STATUSES: Record<InvoiceStatus, StatusRule> = {
	DRAFT: { label: 'draft', meaning: 'Saved, not yet published or sent' },
	CREATED: { label: 'created', meaning: 'Published without email; payable through its link' },
	SENT: { label: 'sent', meaning: 'Emailed to the customer' },
	PARTIAL: { label: 'partially paid', meaning: 'Partly paid' },
	PAID: { label: 'paid', meaning: 'Fully paid', final: true },
	CANCELED: { label: 'canceled', meaning: 'Canceled by you', final: true },
	PENDING: { label: 'pending', meaning: 'A payment is being processed or reviewed' },
};

/** The actions on an invoice, named by the API path segment they post to. */
export type InvoiceAction = 'delivery' | 'publication' | 'cancelation';

interface ActionRule {
	/** What the user asks ("send") and what it did ("sent"). */
	verb: string;
	done: string;
	allowedFrom: readonly InvoiceStatus[];
	/** The status the action always ends in; Send has none (an email sent again keeps the status). */
	leadsTo?: InvoiceStatus;
}

/** `update` is a PUT on the invoice itself; the others post to `/invoices/{id}/{action}`. */
export const ACTIONS: Record<InvoiceAction | 'update', ActionRule> = {
	update: { verb: 'update', done: 'updated', allowedFrom: ['DRAFT', 'CREATED', 'SENT'] },
	delivery: { verb: 'send', done: 'sent', allowedFrom: ['DRAFT', 'CREATED', 'SENT', 'PARTIAL'] },
	publication: { verb: 'publish', done: 'published', allowedFrom: ['DRAFT'], leadsTo: 'CREATED' },
	cancelation: { verb: 'cancel', done: 'canceled', allowedFrom: ['DRAFT', 'CREATED', 'SENT'], leadsTo: 'CANCELED' },
};

export function isAllowed(action: keyof typeof ACTIONS, status: string): boolean {
	return (ACTIONS[action].allowedFrom as readonly string[]).includes(status);
}

/** Statuses an invoice can still leave, by an action or a payment. */
export const OPEN_STATUSES: InvoiceStatus[] = INVOICE_STATUSES.filter((status) => !STATUSES[status].final);

function listOf(statuses: readonly InvoiceStatus[]): string {
	const labels = statuses.map((status) => STATUSES[status].label);
	return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}` : labels[0];
}

/** "Only draft, created and sent invoices can be updated." */
export function allowedSentence(action: keyof typeof ACTIONS): string {
	const { done, allowedFrom } = ACTIONS[action];
	return `Only ${listOf(allowedFrom)} invoices can be ${done}.`;
}

/** "Partially paid, paid, canceled and pending invoices cannot be updated." */
export function refusedSentence(action: keyof typeof ACTIONS): string {
	const refused = INVOICE_STATUSES.filter((status) => !isAllowed(action, status));
	const text = `${listOf(refused)} invoices cannot be ${ACTIONS[action].done}.`;
	return text.charAt(0).toUpperCase() + text.slice(1);
}

