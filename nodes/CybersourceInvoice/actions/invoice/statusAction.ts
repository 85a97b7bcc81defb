import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readInvoiceId } from '../../../shared/helpers/invoiceId';
import type { InvoiceAction } from '../../../shared/helpers/statuses';
import { showFor } from '../../v1/descriptions/display';
import { invoiceLocator } from '../../v1/descriptions/invoiceLocator';
import { simplifyProperty } from '../../v1/descriptions/simplify';
import { runInvoiceAction } from './invoiceAction';
import { invoiceOutput, readSimplify } from './output';
import type { NodeRun } from '../nodeRun';
import type { Execute } from '../operation';

/** Send, Publish and Cancel: an invoice picker with its own help, and Simplify. */
export function statusActionProperties(operation: string, locatorDescription: string): INodeProperties[] {
	return showFor('invoice', [operation], [{ ...invoiceLocator, description: locatorDescription }, simplifyProperty]) as INodeProperties[];
}

/** Picks an invoice, posts one action, outputs the invoice it leaves. */
export function statusActionExecute(action: InvoiceAction): Execute {
	return async function (this: IExecuteFunctions, itemIndex: number, run: NodeRun): Promise<IDataObject> {
		const invoiceId = readInvoiceId.call(this, itemIndex);
		const simplify = readSimplify.call(this, itemIndex);
		const invoice = await runInvoiceAction.call(this, invoiceId, action, itemIndex, run);
		return invoiceOutput(invoice, simplify);
	};
}
