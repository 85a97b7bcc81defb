import type { INodeProperties } from 'n8n-workflow';

import { refusedSentence } from '../../../shared/helpers/statuses';
import type { OperationDescriptor } from '../operation';
import { statusActionExecute, statusActionProperties } from './statusAction';

export const description: INodeProperties[] = statusActionProperties(
	'send',
	`The invoice to send. Drafts and created invoices are sent (emailed when their delivery mode is email, otherwise published); sent and partially paid invoices are emailed again. ${refusedSentence('delivery')}`,
);

export const descriptor: OperationDescriptor = {
	resource: 'invoice',
	operation: 'send',
	option: { name: 'Send', description: 'Send a draft or created invoice, or email a sent one again', action: 'Send an invoice' },
	properties: description,
	subtitle: 'Send invoice',
	execute: statusActionExecute('delivery'),
	simplify: true,
	parallelRequests: { default: 1, kind: 'items' },
	invoiceRule: 'delivery',
};
