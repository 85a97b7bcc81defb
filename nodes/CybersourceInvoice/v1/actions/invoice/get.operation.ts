import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../descriptions/display';
import { invoiceLocator } from '../../descriptions/invoiceLocator';
import { simplifyProperty } from '../../descriptions/simplify';
import { readInvoiceId } from '../../../../shared/helpers/invoiceId';
import { simplifyInvoice } from '../../../../shared/helpers/invoiceResponse';
import { getInvoice } from '../../../../shared/api/invoices';
import { readSimplify } from './output';
import type { NodeRun } from '../nodeRun';

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
