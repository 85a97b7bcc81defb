import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as invoice from './actions/invoice';
import * as invoiceSettings from './actions/invoiceSettings';
import { router } from './actions/router';
import { searchInvoices } from './methods/listSearch';
import { getMerchantDefinedFields } from './methods/loadOptions';

export class CybersourceInvoice implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cybersource Invoice',
		name: 'cybersourceInvoice',
		icon: { light: 'file:../../icons/cybersource.svg', dark: 'file:../../icons/cybersource.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Create, send and track Cybersource (Visa Acceptance) invoices with payment links',
		defaults: { name: 'Cybersource Invoice' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cybersourceApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Invoice', value: 'invoice' },
					{ name: 'Invoice Setting', value: 'invoiceSettings' },
				],
				default: 'invoice',
			},
			...invoice.description,
			...invoiceSettings.description,
		],
	};

	methods = {
		listSearch: { searchInvoices },
		loadOptions: { getMerchantDefinedFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
