import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../descriptions/display';
import { invoiceLocator, readInvoiceId } from '../../descriptions/invoiceLocator';
import { cybersourceApiRequest, invoicePath } from '../../transport';

export const description: INodeProperties[] = showFor('invoice', ['publish'], [
	{
		...invoiceLocator,
		description:
			'The draft to publish. It becomes payable (status CREATED) without any email; share its payment link yourself. Only drafts can be published.',
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const invoiceId = readInvoiceId.call(this, itemIndex);
	return await cybersourceApiRequest.call(this, 'POST', invoicePath(invoiceId, 'publication'), undefined, undefined, {
		itemIndex,
	});
}
