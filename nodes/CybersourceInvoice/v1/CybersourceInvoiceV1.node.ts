import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';

import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { searchInvoices } from './methods/listSearch';
import { getMerchantDefinedFields } from './methods/loadOptions';

/**
 * Version 1 of the node. Not marked `implements INodeType`: n8n's lint would then ask it for its own
 * icon, which the base description gives; TypeScript still checks it as an INodeType where the
 * outer node lists its versions.
 */
export class CybersourceInvoiceV1 {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = { ...baseDescription, ...versionDescription };
	}

	methods = {
		listSearch: { searchInvoices },
		loadOptions: { getMerchantDefinedFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
