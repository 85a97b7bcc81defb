import type { INodeProperties } from 'n8n-workflow';

import { invoiceOptions } from '../../v1/descriptions/options';

import * as create from './create.operation';
import * as createDraft from './createDraft.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import { cancel, publish, send } from './statusActions';
import * as update from './update.operation';

export { cancel, create, createDraft, get, getAll, publish, send, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['invoice'] } },
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				description: 'Cancel an unpaid invoice so it can no longer be paid',
				action: 'Cancel an invoice',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a payable invoice, and email it or get its payment link',
				action: 'Create an invoice',
			},
			{
				name: 'Create Draft',
				value: 'createDraft',
				description: 'Save an invoice as a draft to review, publish or send later',
				action: 'Create a draft invoice',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get an invoice with its status, balance and history',
				action: 'Get an invoice',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List invoices, newest first, optionally by status',
				action: 'Get many invoices',
			},
			{
				name: 'Publish',
				value: 'publish',
				description: 'Make a draft payable without emailing it',
				action: 'Publish a draft invoice',
			},
			{
				name: 'Send',
				value: 'send',
				description: 'Send a draft or created invoice, or email a sent one again',
				action: 'Send an invoice',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change an invoice that has not been paid',
				action: 'Update an invoice',
			},
		],
		default: 'create',
	},
	...create.description,
	...createDraft.description,
	...send.description,
	...publish.description,
	...update.description,
	...cancel.description,
	...get.description,
	...getAll.description,
	...invoiceOptions,
];
