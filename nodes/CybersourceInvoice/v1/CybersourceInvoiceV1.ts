import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';

import { runItemLoop } from '../actions/router';
import { VERSION_1_OPERATIONS, versionDescription } from './actions/versionDescription';
import { searchInvoices } from '../methods/listSearch';
import { getMerchantDefinedFields } from '../methods/loadOptions';

/**
 * Version 1 of the node. Not named *.node.ts: n8n loads every *.node.js of a custom extensions folder
 * as a node of its own, and this class only works inside the versioned node.
 */
export class CybersourceInvoiceV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = { ...baseDescription, ...versionDescription };
	}

	methods = {
		listSearch: { searchInvoices },
		loadOptions: { getMerchantDefinedFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runItemLoop.call(this, VERSION_1_OPERATIONS);
	}
}
