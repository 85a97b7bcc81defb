import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isOn } from '../../../shared/helpers/text';
import { createProperties, readCreateRequest } from './createCommon';
import { createOnce } from './createOnce';
import type { NodeRun } from '../nodeRun';
import type { OperationDescriptor } from '../operation';
import { invoiceOutput, readSimplify } from './output';

const emailWhenSentProperty: INodeProperties = {
	displayName: 'Email When Sent',
	name: 'emailWhenSent',
	type: 'boolean',
	default: false,
	description:
		'Whether the Send operation will email this draft to the customer (needs Customer Email). Off: sending it later publishes it without an email. Either way nothing is emailed now.',
};

export const description: INodeProperties[] = createProperties('createDraft', emailWhenSentProperty);

export async function execute(this: IExecuteFunctions, itemIndex: number, run: NodeRun): Promise<IDataObject> {
	const emailWhenSent = isOn(this.getNodeParameter('emailWhenSent', itemIndex, false), emailWhenSentProperty.displayName);
	const request = readCreateRequest.call(this, itemIndex, run, {
		sendImmediately: false,
		deliveryMode: emailWhenSent ? 'email' : 'none',
		emailRequired: emailWhenSent,
	});
	const simplify = readSimplify.call(this, itemIndex);
	const response = await createOnce.call(this, request, itemIndex, run);
	return invoiceOutput(response.body as IDataObject, simplify);
}

export const descriptor: OperationDescriptor = {
	resource: 'invoice',
	operation: 'createDraft',
	option: { name: 'Create Draft', description: 'Save an invoice as a draft to review, publish or send later', action: 'Create a draft invoice' },
	properties: description,
	subtitle: 'Create draft',
	execute,
	simplify: true,
	parallelRequests: { default: 1, kind: 'items' },
	dueDateParameter: 'dueDate',
	assignsNumber: true,
};
