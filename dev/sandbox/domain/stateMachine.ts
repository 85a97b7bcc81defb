/** The status state machine of docs/cybersource-api.md#state-machine: which operation is allowed from which status, and where it leads. */

import type { DeliveryMode, HistoryEvent, InvoiceStatus } from '../types';

export type Operation = 'update' | 'send' | 'publish' | 'cancel' | 'pay';

/**
 * docs/cybersource-api.md#operations-per-status. PENDING is locked for everything (the guide: no edits, no second payment; send/cancel
 * are unknown there and refused here).
 */
const ALLOWED: Record<Operation, readonly InvoiceStatus[]> = {
	update: ['DRAFT', 'CREATED', 'SENT'],
	send: ['DRAFT', 'CREATED', 'SENT', 'PARTIAL'],
	publish: ['DRAFT'],
	cancel: ['DRAFT', 'CREATED', 'SENT'],
	pay: ['CREATED', 'SENT', 'PARTIAL'],
};

export function isAllowed(operation: Operation, status: InvoiceStatus): boolean {
	return ALLOWED[operation].includes(status);
}

export interface Transition {
	status: InvoiceStatus;
	/** Oldest first. */
	events: HistoryEvent[];
	emails: boolean;
}

/** docs/cybersource-api.md#create-modes: the outcome of a create (or of publishing a draft with `sendImmediately` on update). */
export function afterCreate(sendImmediately: boolean, mode: DeliveryMode): Transition {
	if (!sendImmediately) return { status: 'DRAFT', events: ['DRAFT'], emails: false };
	if (mode === 'none') return { status: 'CREATED', events: ['CREATE'], emails: false };
	return { status: 'SENT', events: ['CREATE', 'SEND'], emails: true };
}

/**
 * docs/cybersource-api.md#send-transitions. The undocumented combinations (CREATED/SENT/PARTIAL with deliveryMode none) send no
 * email and keep the status, as the API notes infers.
 */
export function afterSend(status: InvoiceStatus, mode: DeliveryMode): Transition {
	if (status === 'DRAFT') {
		return mode === 'email'
			? { status: 'SENT', events: ['SEND'], emails: true }
			: { status: 'CREATED', events: ['CREATE'], emails: false };
	}
	if (mode === 'none') return { status, events: [], emails: false };
	if (status === 'CREATED') return { status: 'SENT', events: ['SEND'], emails: true };
	return { status, events: ['RESEND'], emails: true }; // SENT, PARTIAL
}

/** `paymentLink` is only rendered for these (docs/cybersource-api.md#create-modes, docs/cybersource-api.md#invoice-resource). */
export function hasPaymentLink(status: InvoiceStatus): boolean {
	return status === 'CREATED' || status === 'SENT' || status === 'PARTIAL' || status === 'PAID';
}
