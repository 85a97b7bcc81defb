import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../v1/descriptions/display';
import { cybersourceApiRequest } from '../../../shared/transport';
import type { NodeRun } from '../nodeRun';
import type { OperationDescriptor } from '../operation';
import { productTypeProperty, readProductType, SETTINGS_PATH } from './common';

export const description: INodeProperties[] = showFor('invoiceSettings', ['get'], [productTypeProperty]);

export async function execute(this: IExecuteFunctions, itemIndex: number, run: NodeRun): Promise<IDataObject> {
	const productType = readProductType.call(this, itemIndex);
	return await cybersourceApiRequest.call(this, 'GET', SETTINGS_PATH, undefined, { productType }, { scope: run, itemIndex });
}

export const descriptor: OperationDescriptor = {
	resource: 'invoiceSettings',
	operation: 'get',
	option: { name: 'Get', description: 'Get the invoice settings: branding, emails, reminders, payment page', action: 'Get invoice settings' },
	properties: description,
	subtitle: 'Get settings',
	execute,
	simplify: false,
};
