import type { INodeProperties } from 'n8n-workflow';

import { invoiceOperations } from '../../actions/invoice';
import { optionGroups, parallelRequestsProperty } from '../../actions/parallelRequests';

/** Version 1's Options: Parallel Requests alone, one collection per kind of operation. */
export const invoiceOptions: INodeProperties[] = optionGroups(invoiceOperations, () => '').map((group) => ({
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: { show: { resource: ['invoice'], operation: group.map((descriptor) => descriptor.operation) } },
	options: [parallelRequestsProperty(group[0].parallelRequests!)],
}));
