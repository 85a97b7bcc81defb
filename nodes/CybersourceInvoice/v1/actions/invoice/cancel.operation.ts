import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../descriptions/display';
import { invoiceLocator, readInvoiceId } from '../../descriptions/invoiceLocator';
import { simplifyProperty } from '../../descriptions/simplify';
import { runInvoiceAction } from './invoiceAction';
import { invoiceOutput, readSimplify } from './output';

export const description: INodeProperties[] = showFor('invoice', ['cancel'], [
	{
		...invoiceLocator,
		description:
			'The invoice to cancel; its payment link stops working. Invoices with a payment (partial, pending or paid) and canceled ones cannot be canceled.',
	},
	simplifyProperty,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const invoiceId = readInvoiceId.call(this, itemIndex);
	const simplify = readSimplify.call(this, itemIndex);
	const invoice = await runInvoiceAction.call(this, invoiceId, 'cancelation', itemIndex);
	return invoiceOutput(invoice, simplify);
}
