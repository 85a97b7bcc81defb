import type { INodeProperties } from 'n8n-workflow';

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

export const SETTINGS_PATH = '/invoicing/v2/invoiceSettings';
