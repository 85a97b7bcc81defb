import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { eventsProperty, simplifyProperty } from '../../shared/triggers/triggerFields';
import { POLLING_EVENTS } from '../../shared/triggers/events';

/** Version 1's parameters; name, icon and description are in the base description. */
export const versionDescription: Omit<INodeTypeDescription, 'displayName' | 'name' | 'group' | 'description'> = {
	version: 1,
	subtitle: '={{ $parameter["events"].join(", ") }}',
	defaults: { name: 'Cybersource Invoice Polling Trigger' },
	polling: true,
	inputs: [],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'cybersourceApi', required: true }],
	properties: [
		{
			displayName:
				'Checks Cybersource at the Poll Times above (every minute unless changed). The first check after activation only records where things stand; later checks output each change once.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		eventsProperty(
			POLLING_EVENTS,
			'The invoice changes that start the workflow. Reminders and re-sends change no status, so only the webhook trigger sees them.',
			'Polling',
		),
		simplifyProperty,
	],
};
