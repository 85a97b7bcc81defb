import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../descriptions/display';
import { getInvoiceSettings } from '../../../../shared/api/settings';
import type { NodeRun } from '../nodeRun';
import { productTypeProperty, readProductType } from './common';

export const description: INodeProperties[] = showFor('invoiceSettings', ['get'], [productTypeProperty]);

export async function execute(this: IExecuteFunctions, itemIndex: number, run: NodeRun): Promise<IDataObject> {
	const productType = readProductType.call(this, itemIndex);
	return await getInvoiceSettings.call(this, productType, { scope: run, itemIndex });
}
