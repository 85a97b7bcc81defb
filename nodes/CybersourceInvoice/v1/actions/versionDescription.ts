import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as invoice from '../../actions/invoice';
import * as invoiceSettings from '../../actions/invoiceSettings';

/** Version 1's parameters; name, icon and the other version-independent parts are in the base description. */
export const versionDescription: Omit<INodeTypeDescription, 'displayName' | 'name' | 'group' | 'description'> = {
	version: 1,
	subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
	defaults: { name: 'Cybersource Invoice' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'cybersourceApi', required: true }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Invoice', value: 'invoice' },
				{ name: 'Invoice Setting', value: 'invoiceSettings' },
			],
			default: 'invoice',
		},
		...invoice.description,
		...invoiceSettings.description,
	],
};
