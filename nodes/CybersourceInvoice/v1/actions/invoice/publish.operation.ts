import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../descriptions/display';
import { invoiceLocator, readInvoiceId } from '../../descriptions/invoiceLocator';
import { simplifyProperty } from '../../descriptions/simplify';
import { runInvoiceAction } from './invoiceAction';
import { invoiceOutput, readSimplify } from './output';

export const description: INodeProperties[] = showFor('invoice', ['publish'], [
	{
		...invoiceLocator,
		description:
			'The draft to publish. It becomes payable (status CREATED) without any email; share its payment link yourself. Only drafts can be published.',
	},
	simplifyProperty,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const invoiceId = readInvoiceId.call(this, itemIndex);
	const simplify = readSimplify.call(this, itemIndex);
	const invoice = await runInvoiceAction.call(this, invoiceId, 'publication', itemIndex);
	return invoiceOutput(invoice, simplify);
}
