import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../../shared/helpers/inputError';

const PRODUCT_TYPES = ['INVOICING', 'PAYBYLINK'];

/** Both settings operations can target the invoicing or the pay-by-link settings. */
export const productTypeProperty: INodeProperties = {
	displayName: 'Product',
	name: 'productType',
	type: 'options',
	options: [
		{ name: 'Invoicing', value: 'INVOICING' },
		{ name: 'Pay by Link', value: 'PAYBYLINK' },
	],
	default: 'INVOICING',
	description: 'Which product the settings belong to',
};

/** The Product parameter; an expression may give it in any letter case, other words are refused. */
export function readProductType(this: IExecuteFunctions, itemIndex: number): string {
	const value = this.getNodeParameter('productType', itemIndex, 'INVOICING');
	const productType = typeof value === 'string' ? value.trim().toUpperCase() : '';
	if (!PRODUCT_TYPES.includes(productType)) {
		throw new InputError(productTypeProperty.displayName, `must be INVOICING or PAYBYLINK, got ${JSON.stringify(value)}`);
	}
	return productType;
}
