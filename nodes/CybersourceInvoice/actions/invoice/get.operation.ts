import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../v1/descriptions/display';
import { invoiceLocator } from '../../v1/descriptions/invoiceLocator';
import { simplifyProperty } from '../../v1/descriptions/simplify';
import { readInvoiceId } from '../../../shared/helpers/invoiceId';
import { simplifyInvoice } from '../../../shared/helpers/invoiceResponse';
import { getInvoice } from '../../../shared/api/invoices';
import { readSimplify } from './output';
import type { NodeRun } from '../nodeRun';
import type { OperationDescriptor } from '../operation';

export const description: INodeProperties[] = showFor('invoice', ['get'], [
	{ ...invoiceLocator, description: 'The invoice to get, with its full history (sent, paid, …)' },
	simplifyProperty,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, run: NodeRun): Promise<IDataObject> {
	const invoiceId = readInvoiceId.call(this, itemIndex);
	const simplify = readSimplify.call(this, itemIndex);
	const invoice = await getInvoice.call(this, invoiceId, { scope: run, itemIndex });
	return simplify ? simplifyInvoice(invoice) : invoice;
}

export const descriptor: OperationDescriptor = {
	resource: 'invoice',
	operation: 'get',
	option: { name: 'Get', description: 'Get an invoice with its status, balance and history', action: 'Get an invoice' },
	properties: description,
	subtitle: 'Get invoice',
	execute,
	simplify: true,
	parallelRequests: { default: 1, kind: 'items' },
};
