import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { cybersourceApiRequest } from '../../transport';
import { createProperties, readCreateBody } from './createCommon';

export const description: INodeProperties[] = createProperties('createDraft', {
	displayName: 'Email When Sent',
	name: 'emailWhenSent',
	type: 'boolean',
	default: false,
	description:
		'Whether the Send operation will email this draft to the customer (needs Customer Email). Off: sending it later publishes it without an email. Either way nothing is emailed now.',
});

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const emailWhenSent = this.getNodeParameter('emailWhenSent', itemIndex, false) as boolean;
	const body = readCreateBody.call(this, itemIndex, {
		sendImmediately: false,
		deliveryMode: emailWhenSent ? 'email' : 'none',
		emailRequired: emailWhenSent,
	});
	return await cybersourceApiRequest.call(this, 'POST', '/invoicing/v2/invoices', body, undefined, {
		itemIndex,
	});
}
