import type { INodeProperties } from 'n8n-workflow';

import { EVENTS, type TriggerEvent } from './events';

/*
 * The parameters both triggers show the same way: Events (which invoice events start the
 * workflow) and Simplify (the shape of each event item). Each trigger's own parameters stay in its
 * versionDescription.ts.
 */

/**
 * `how` ends each event's `action`, the label of n8n's node list (Cybersource Invoice › Triggers),
 * where both triggers' events are listed together.
 */
export function eventsProperty(events: TriggerEvent[], description: string, how: 'Webhook' | 'Polling'): INodeProperties {
	return {
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: [],
		description,
		options: events.map((event) => ({
			name: EVENTS[event].name,
			value: event,
			description: EVENTS[event].description,
			action: `On ${EVENTS[event].name} (${how})`,
		})),
	};
}

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return the invoice as a flat summary (ID, number, status, customer name and email, currency, total, balance, due date, payment link, payments, amount paid) instead of the full invoice with its history. Paid and Partially Paid items carry their payment either way.',
};
