import type { INodeProperties } from 'n8n-workflow';

import { invoiceOptions as v1InvoiceOptions } from '../../v1/descriptions/options';
import { invoiceNumberingOption } from './createGroups';

export const allowPastDueDateOption: INodeProperties = {
	displayName: 'Allow Past Due Date',
	name: 'allowPastDueDate',
	type: 'boolean',
	default: false,
	description:
		'Whether to create an invoice whose due date has already passed (it is overdue from the start, and an emailed one says so). Off: such an item stops with an error before anything is sent.',
};

/** Version 1's Parallel Requests option for these operations. */
function parallelRequests(operation: string): INodeProperties {
	const collection = v1InvoiceOptions.find((options) => options.displayOptions?.show?.operation?.includes(operation));
	return (collection?.options as INodeProperties[])[0];
}

function optionsFor(operations: string[], extra: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { resource: ['invoice'], operation: operations } },
		options: [...extra, parallelRequests(operations[0])],
	};
}

/** Options of every invoice operation; the due-date and numbering ones where they apply. */
export const invoiceOptions: INodeProperties[] = [
	optionsFor(['create', 'createDraft'], [allowPastDueDateOption, invoiceNumberingOption]),
	optionsFor(['update'], [allowPastDueDateOption]),
	optionsFor(['send', 'publish', 'cancel', 'get'], []),
	optionsFor(['getAll'], []),
];
