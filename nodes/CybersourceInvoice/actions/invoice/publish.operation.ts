import type { INodeProperties } from 'n8n-workflow';

import { allowedSentence } from '../../../shared/helpers/statuses';
import type { OperationDescriptor } from '../operation';
import { statusActionExecute, statusActionProperties } from './statusAction';

export const description: INodeProperties[] = statusActionProperties(
	'publish',
	`The draft to publish. It becomes payable (status CREATED) without any email; share its payment link yourself. ${allowedSentence('publication')}`,
);

export const descriptor: OperationDescriptor = {
	resource: 'invoice',
	operation: 'publish',
	option: { name: 'Publish', description: 'Make a draft payable without emailing it', action: 'Publish a draft invoice' },
	properties: description,
	subtitle: 'Publish draft',
	execute: statusActionExecute('publication'),
	simplify: true,
	parallelRequests: { default: 1, kind: 'items' },
	invoiceRule: 'publication',
};
