import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../descriptions/display';
import { invoiceLocator, readInvoiceId } from '../../descriptions/invoiceLocator';
import { cybersourceApiRequest, invoicePath } from '../../transport';

export const description: INodeProperties[] = showFor('invoice', ['send'], [
	{
		...invoiceLocator,
		description:
			'The invoice to send. Drafts and created invoices are sent (emailed when their delivery mode is email, otherwise published); sent and partially paid invoices are emailed again. Paid and canceled invoices cannot be sent.',
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const invoiceId = readInvoiceId.call(this, itemIndex);
	return await cybersourceApiRequest.call(this, 'POST', invoicePath(invoiceId, 'delivery'), undefined, undefined, {
		itemIndex,
	});
}
