import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as update from './update.operation';

export { get, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['invoiceSettings'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get the invoice settings: branding, emails, reminders, payment page',
				action: 'Get invoice settings',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change some invoice settings, e.g. the logo or reminder emails',
				action: 'Update invoice settings',
			},
		],
		default: 'get',
	},
	...get.description,
	...update.description,
];
