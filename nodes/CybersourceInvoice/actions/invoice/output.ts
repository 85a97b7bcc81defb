import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { simplifyInvoice } from '../../../shared/helpers/invoiceResponse';
import { isOn } from '../../../shared/helpers/text';
import { simplifyProperty } from '../../v1/descriptions/simplify';

/** Read before any request, so that a wrong value stops the item before anything changes. */
export function readSimplify(this: IExecuteFunctions, itemIndex: number): boolean {
	return isOn(this.getNodeParameter('simplify', itemIndex, false), simplifyProperty.displayName);
}

/**
 * What a write operation outputs: the invoice as Cybersource returns it, or with Simplify the flat
 * shape Get uses (id, number, status and payment link first). `notes` (like an email warning) are
 * kept either way.
 */
export function invoiceOutput(invoice: IDataObject, simplify: boolean, notes: IDataObject = {}): IDataObject {
	return { ...(simplify ? simplifyInvoice(invoice) : invoice), ...notes };
}
