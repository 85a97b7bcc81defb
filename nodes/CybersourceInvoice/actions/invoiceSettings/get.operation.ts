import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../v1/descriptions/display';
import { getInvoiceSettings } from '../../../shared/api/settings';
import type { NodeRun } from '../nodeRun';
import { productTypeProperty, readProductType } from './common';
import type { OperationDescriptor } from '../operation';

export const description: INodeProperties[] = showFor('invoiceSettings', ['get'], [productTypeProperty]);

export async function execute(this: IExecuteFunctions, itemIndex: number, run: NodeRun): Promise<IDataObject> {
	const productType = readProductType.call(this, itemIndex);
	return await getInvoiceSettings.call(this, productType, { scope: run, itemIndex });
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
