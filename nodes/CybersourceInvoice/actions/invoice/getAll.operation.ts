import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../v1/descriptions/display';
import { simplifyProperty } from '../../v1/descriptions/simplify';
import { isBlank, parseWholeNumber } from '../../../shared/helpers/values';
import { displayNameOf } from '../../../shared/helpers/fieldLabels';
import { InputError } from '../../../shared/helpers/inputError';
import { simplifyInvoice } from '../../../shared/helpers/invoiceResponse';
import { INVOICE_STATUSES, STATUSES } from '../../../shared/helpers/statuses';
import { isOn } from '../../../shared/helpers/text';
import { readInvoices } from '../../../shared/api/invoices';
import type { NodeRun } from '../nodeRun';
import type { OperationDescriptor } from '../operation';
import { readSimplify } from './output';

export const description: INodeProperties[] = showFor('invoice', ['getAll'], [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: INVOICE_STATUSES.map((status) => ({
					name: status.charAt(0) + status.slice(1).toLowerCase(),
					value: status,
					description: STATUSES[status].meaning,
				})),
				default: 'SENT',
				description: 'Only return invoices in this status',
			},
		],
	},
	simplifyProperty,
]);

/** How messages name a parameter of Get Many: its label in the description above. */
const label = (name: string): string => displayNameOf(description, name);

/** The status filter: blank for none; any letter case is accepted, other words are refused. */
function readStatus(value: unknown): string | undefined {
	if (isBlank(value)) return undefined;
	const status = String(value).trim().toUpperCase();
	if (!(INVOICE_STATUSES as readonly string[]).includes(status)) {
		throw new InputError(label('status'), `${JSON.stringify(value)} is not an invoice status. Use one of ${INVOICE_STATUSES.join(', ')}`);
	}
	return status;
}

/** Newest first, read in pages of up to 1000 (the API maximum). */
export async function execute(this: IExecuteFunctions, itemIndex: number, run: NodeRun): Promise<IDataObject[]> {
	const returnAll = isOn(this.getNodeParameter('returnAll', itemIndex, false), label('returnAll'));
	const limit = returnAll
		? Number.POSITIVE_INFINITY
		: parseWholeNumber(this.getNodeParameter('limit', itemIndex, 50), label('limit'), 1, Number.MAX_SAFE_INTEGER, 'a whole number of 1 or more');
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const status = readStatus(filters.status);
	const simplify = readSimplify.call(this, itemIndex);
	const invoices = await readInvoices.call(this, { status }, limit, { scope: run, itemIndex });
	return simplify ? invoices.map(simplifyInvoice) : invoices;
}

export const descriptor: OperationDescriptor = {
	resource: 'invoice',
	operation: 'getAll',
	option: { name: 'Get Many', description: 'List invoices, newest first, optionally by status', action: 'Get many invoices' },
	properties: description,
	subtitle: 'Get many invoices',
	execute,
	simplify: true,
	parallelRequests: { default: 4, kind: 'pages' },
};
