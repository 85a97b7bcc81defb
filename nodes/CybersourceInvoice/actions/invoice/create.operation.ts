import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invoiceIdFromAcceptedMessage } from '../../../shared/helpers/invoiceResponse';
import { isOn } from '../../../shared/helpers/text';
import { getInvoice } from '../../../shared/api/invoices';
import { createProperties, readCreateRequest } from './createCommon';
import { createOnce } from './createOnce';
import type { NodeRun } from '../nodeRun';
import type { OperationDescriptor } from '../operation';
import { invoiceOutput, readSimplify } from './output';

const sendByEmailProperty: INodeProperties = {
	displayName: 'Send by Email',
	name: 'sendByEmail',
	type: 'boolean',
	default: false,
	description:
		'Whether Cybersource emails the invoice to the customer now (status SENT; needs Customer Email). Off: the invoice is published without an email (status CREATED) and its payment link is returned for you to share.',
};

export const description: INodeProperties[] = createProperties('create', sendByEmailProperty);

const EMAIL_FAILED =
	'The invoice was created, but Cybersource could not email it. Run the Send operation to try again, or share the payment link yourself.';

export async function execute(this: IExecuteFunctions, itemIndex: number, run: NodeRun): Promise<IDataObject> {
	const sendByEmail = isOn(this.getNodeParameter('sendByEmail', itemIndex, false), sendByEmailProperty.displayName);
	const request = readCreateRequest.call(this, itemIndex, run, {
		sendImmediately: true,
		deliveryMode: sendByEmail ? 'email' : 'none',
		emailRequired: sendByEmail,
	});
	const simplify = readSimplify.call(this, itemIndex);
	const response = await createOnce.call(this, request, itemIndex, run);
	const result = response.body as IDataObject;
	if (response.statusCode !== 202) {
		// Found after a lost answer (or by a later try): meant to be emailed, yet not SENT, so the email failed.
		const notEmailed = sendByEmail && result.status === 'CREATED';
		return invoiceOutput(result, simplify, notEmailed ? { emailSent: false, warning: `Invoice ${String(result.id)}: ${EMAIL_FAILED}` } : {});
	}

	// 202: the invoice exists but the email failed. Its id is only in the message.
	const invoiceId =
		invoiceIdFromAcceptedMessage(result.message) ??
		((request.body.invoiceInformation as IDataObject).invoiceNumber as string | undefined);
	if (!invoiceId) return { ...result, emailSent: false, warning: EMAIL_FAILED };
	const invoice = await getInvoice.call(this, invoiceId, { scope: run, itemIndex });
	return invoiceOutput(invoice, simplify, {
		emailSent: false,
		warning: `Invoice ${invoiceId}: ${EMAIL_FAILED}`,
		cybersourceMessage: result.message,
	});
}

export const descriptor: OperationDescriptor = {
	resource: 'invoice',
	operation: 'create',
	option: { name: 'Create', description: 'Create a payable invoice, and email it or get its payment link', action: 'Create an invoice' },
	properties: description,
	subtitle: 'Create invoice',
	execute,
	simplify: true,
	parallelRequests: { default: 1, kind: 'items' },
	dueDateParameter: 'dueDate',
	assignsNumber: true,
};
