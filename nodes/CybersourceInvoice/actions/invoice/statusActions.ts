import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readInvoiceId } from '../../../shared/helpers/invoiceId';
import { allowedSentence, refusedSentence, type InvoiceAction } from '../../../shared/helpers/statuses';
import { showFor } from '../../v1/descriptions/display';
import { invoiceLocator } from '../../v1/descriptions/invoiceLocator';
import { simplifyProperty } from '../../v1/descriptions/simplify';
import { runInvoiceAction } from './invoiceAction';
import { invoiceOutput, readSimplify } from './output';
import type { NodeRun } from '../nodeRun';

/** Send, Publish and Cancel: pick an invoice, post one action, output the invoice it leaves. */
function statusAction(operation: string, action: InvoiceAction, locatorDescription: string) {
	return {
		description: showFor('invoice', [operation], [
			{ ...invoiceLocator, description: locatorDescription },
			simplifyProperty,
		]) as INodeProperties[],
		async execute(this: IExecuteFunctions, itemIndex: number, run: NodeRun): Promise<IDataObject> {
			const invoiceId = readInvoiceId.call(this, itemIndex);
			const simplify = readSimplify.call(this, itemIndex);
			const invoice = await runInvoiceAction.call(this, invoiceId, action, itemIndex, run);
			return invoiceOutput(invoice, simplify);
		},
	};
}

export const send = statusAction(
	'send',
	'delivery',
	`The invoice to send. Drafts and created invoices are sent (emailed when their delivery mode is email, otherwise published); sent and partially paid invoices are emailed again. ${refusedSentence('delivery')}`,
);

export const publish = statusAction(
	'publish',
	'publication',
	`The draft to publish. It becomes payable (status CREATED) without any email; share its payment link yourself. ${allowedSentence('publication')}`,
);

export const cancel = statusAction(
	'cancel',
	'cancelation',
	`The invoice to cancel; its payment link stops working. ${refusedSentence('cancelation')}`,
);
