import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../descriptions/display';
import { invoiceLocator, readInvoiceId } from '../../descriptions/invoiceLocator';
import { simplifyProperty } from '../../descriptions/simplify';
import { runInvoiceAction } from './invoiceAction';
import { invoiceOutput, readSimplify } from './output';

export const description: INodeProperties[] = showFor('invoice', ['send'], [
	{
		...invoiceLocator,
		description:
			'The invoice to send. Drafts and created invoices are sent (emailed when their delivery mode is email, otherwise published); sent and partially paid invoices are emailed again. Paid and canceled invoices cannot be sent.',
	},
	simplifyProperty,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const invoiceId = readInvoiceId.call(this, itemIndex);
	const simplify = readSimplify.call(this, itemIndex);
	const invoice = await runInvoiceAction.call(this, invoiceId, 'delivery', itemIndex);
	return invoiceOutput(invoice, simplify);
}
