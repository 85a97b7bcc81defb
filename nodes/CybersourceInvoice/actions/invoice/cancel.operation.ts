import type { INodeProperties } from 'n8n-workflow';

import { refusedSentence } from '../../../shared/helpers/statuses';
import type { OperationDescriptor } from '../operation';
import { statusActionExecute, statusActionProperties } from './statusAction';

export const description: INodeProperties[] = statusActionProperties(
	'cancel',
	`The invoice to cancel; its payment link stops working. ${refusedSentence('cancelation')}`,
);

export const descriptor: OperationDescriptor = {
	resource: 'invoice',
	operation: 'cancel',
	option: { name: 'Cancel', description: 'Cancel an unpaid invoice so it can no longer be paid', action: 'Cancel an invoice' },
	properties: description,
	subtitle: 'Cancel invoice',
	execute: statusActionExecute('cancelation'),
	simplify: true,
	parallelRequests: { default: 1, kind: 'items' },
	invoiceRule: 'cancelation',
};
