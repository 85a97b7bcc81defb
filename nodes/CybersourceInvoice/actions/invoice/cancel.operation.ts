import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../descriptions/display';
import { invoiceLocator, readInvoiceId } from '../../descriptions/invoiceLocator';
import { cybersourceApiRequest, invoicePath } from '../../transport';

export const description: INodeProperties[] = showFor('invoice', ['cancel'], [
	{
		...invoiceLocator,
		description:
			'The invoice to cancel; its payment link stops working. Invoices with a payment (partial, pending or paid) and canceled ones cannot be canceled.',
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const invoiceId = readInvoiceId.call(this, itemIndex);
	return await cybersourceApiRequest.call(this, 'POST', invoicePath(invoiceId, 'cancelation'), undefined, undefined, {
		itemIndex,
	});
}
