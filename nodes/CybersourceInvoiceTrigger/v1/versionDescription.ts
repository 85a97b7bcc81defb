import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { eventsProperty, simplifyProperty } from '../../shared/triggers/triggerFields';
import { WEBHOOK_EVENTS } from '../../shared/triggers/events';

/** Version 1's parameters and webhooks; name, icon and description are in the base description. */
export const versionDescription: Omit<INodeTypeDescription, 'displayName' | 'name' | 'group' | 'description'> = {
	version: 1,
	subtitle: '={{ $parameter["events"].join(", ") }}',
	defaults: { name: 'Cybersource Invoice Trigger' },
	inputs: [],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'cybersourceApi', required: true }],
	webhooks: [
		// An accepted delivery is answered by the node itself (see webhook()); n8n's own answer when a
		// workflow starts would be the literal text 'firstEntryJson' (no responseData here).
		{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		// Some health checks are GET requests on the same URL.
		{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'webhook' },
	],
	properties: [
		{
			displayName:
				'Cybersource must reach this n8n over public HTTPS. Behind a firewall, use the Cybersource Invoice Polling Trigger instead.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		eventsProperty(WEBHOOK_EVENTS, 'The invoice events that start the workflow', 'Webhook'),
		simplifyProperty,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				{
					displayName: 'Maximum Signature Age (Seconds)',
					name: 'maxAgeSeconds',
					type: 'number',
					default: 0,
					description:
						'Refuse deliveries whose signature time "t" is older than this; 0 = off (recommended). Cybersource describes "t" as the time the signature key was created, so a limit may refuse every delivery. Replays are already refused by signature and notification ID.',
				},
			],
		},
	],
};
