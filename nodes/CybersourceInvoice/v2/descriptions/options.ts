import type { INodeProperties } from 'n8n-workflow';

import { invoiceOperations } from '../../actions/invoice';
import type { OperationDescriptor } from '../../actions/operation';
import { optionGroups, parallelRequestsProperty } from '../../actions/parallelRequests';
import { invoiceNumberingOption } from './createGroups';

export const allowPastDueDateOption: INodeProperties = {
	displayName: 'Allow Past Due Date',
	name: 'allowPastDueDate',
	type: 'boolean',
	default: false,
	description:
		'Whether to create an invoice whose due date has already passed (it is overdue from the start, and an emailed one says so). Off: such an item stops with an error before anything is sent.',
};

/** Version 2's own options of an operation, besides Parallel Requests. */
function extraOptions(descriptor: OperationDescriptor): INodeProperties[] {
	return [...(descriptor.dueDateParameter ? [allowPastDueDateOption] : []), ...(descriptor.assignsNumber ? [invoiceNumberingOption] : [])];
}

/** Options of every invoice operation; the due-date and numbering ones where they apply. */
export const invoiceOptions: INodeProperties[] = optionGroups(invoiceOperations, (descriptor) =>
	extraOptions(descriptor)
		.map((option) => option.name)
		.join(','),
).map((group) => ({
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	displayOptions: { show: { resource: ['invoice'], operation: group.map((descriptor) => descriptor.operation) } },
	options: [...extraOptions(group[0]), parallelRequestsProperty(group[0].parallelRequests!)],
}));
