import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';

import { searchInvoices } from '../methods/listSearch';
import { getMerchantDefinedFields } from '../methods/loadOptions';
import { routeV2 } from './actions/router';
import { versionDescription } from './actions/versionDescription';

/**
 * Version 2: the same operations and rules as version 1 (it runs version 1's operation functions),
 * arranged for what a user sees first: Simplify on, invoice number and line items near the top,
 * optional fields in groups, currencies in a list. Not named *.node.ts, like version 1's class.
 */
export class CybersourceInvoiceV2 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = { ...baseDescription, ...versionDescription };
	}

	methods = {
		listSearch: { searchInvoices },
		loadOptions: { getMerchantDefinedFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeV2.call(this);
	}
}
