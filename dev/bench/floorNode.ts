/**
 * The n8n floor: a bare node that sends each item's create through n8n's
 * `httpRequestWithAuthentication` with the same credential, and nothing else (no parameters,
 * checks, retries or output shaping). What it costs is what any node pays inside n8n.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

export function floorNode(body: (index: number) => string): INodeType {
	const description = {
		displayName: 'Floor',
		name: 'floor',
		group: ['output'],
		version: 1,
		description: '',
		defaults: { name: 'Floor' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'cybersourceApi', required: true }],
		properties: [],
	} as unknown as INodeTypeDescription;
	return {
		description,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const output: INodeExecutionData[] = [];
			const items = this.getInputData();
			for (let index = 0; index < items.length; index++) {
				const json = (await this.helpers.httpRequestWithAuthentication.call(this, 'cybersourceApi', {
					method: 'POST',
					url: '/invoicing/v2/invoices',
					body: JSON.parse(body(index)) as object,
					json: true,
				})) as INodeExecutionData['json'];
				output.push({ json, pairedItem: { item: index } });
			}
			return [output];
		},
	};
}
