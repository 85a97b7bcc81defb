/** The trigger's events, their Cybersource notification types and the history entries that record them. */

export type TriggerEvent =
	| 'created'
	| 'sent'
	| 'paid'
	| 'partiallyPaid'
	| 'canceled'
	| 'reminderSent'
	| 'overdueReminderSent';

interface EventInfo {
	name: string;
	description: string;
	/** The notification type Cybersource sends (webhook events only). */
	eventType?: string;
	/** The invoice history entry that dates the event. */
	historyEvent: string[];
}

const PREFIX = 'invoicing.customer.invoice.';

export const EVENTS: Record<TriggerEvent, EventInfo> = {
	created: {
		name: 'Invoice Created',
		description: 'A new invoice appeared (draft, published or sent)',
		historyEvent: ['CREATE', 'DRAFT'],
	},
	sent: {
		name: 'Invoice Sent',
		description: 'The invoice was e-mailed to the customer',
		eventType: `${PREFIX}send`,
		historyEvent: ['SEND', 'RESEND'],
	},
	paid: {
		name: 'Invoice Paid',
		description: 'The invoice was paid in full',
		eventType: `${PREFIX}paid`,
		historyEvent: ['PAYMENT'],
	},
	partiallyPaid: {
		name: 'Invoice Partially Paid',
		description: 'A partial payment was received and a balance remains',
		eventType: `${PREFIX}partial-payment`,
		historyEvent: ['PAYMENT'],
	},
	canceled: {
		name: 'Invoice Canceled',
		description: 'The invoice was canceled',
		eventType: `${PREFIX}cancel`,
		historyEvent: ['CANCEL'],
	},
	reminderSent: {
		name: 'Reminder Sent',
		description: 'A payment reminder was e-mailed 5 days before the due date (needs reminders enabled in the invoice settings)',
		eventType: `${PREFIX}reminder`,
		historyEvent: ['REMINDER'],
	},
	overdueReminderSent: {
		name: 'Overdue Reminder Sent',
		description: 'An overdue reminder was e-mailed the day after the due date (needs reminders enabled in the invoice settings)',
		eventType: `${PREFIX}overdue-reminder`,
		historyEvent: ['REMINDER'],
	},
};

export const WEBHOOK_EVENTS: TriggerEvent[] = ['sent', 'paid', 'partiallyPaid', 'canceled', 'reminderSent', 'overdueReminderSent'];
export const POLLING_EVENTS: TriggerEvent[] = ['created', 'sent', 'paid', 'partiallyPaid', 'canceled'];

export function eventTypesOf(events: TriggerEvent[]): string[] {
	return events.map((event) => EVENTS[event].eventType).filter((type): type is string => type !== undefined);
}

export function eventOfType(eventType: string): TriggerEvent | undefined {
	return WEBHOOK_EVENTS.find((event) => EVENTS[event].eventType === eventType);
}
