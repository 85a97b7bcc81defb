/**
 * A minimal node that calls the transport directly, so transport behaviour (retries, timeouts,
 * error messages, pagination) is tested through n8n's engine and real HTTP.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { cybersourceApiCall, singleRequest, type TransportTuning } from '../../nodes/shared/transport';
import { readInvoices } from '../../nodes/shared/api/invoices';

export class TransportProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Transport Probe',
		name: 'transportProbe',
		group: ['output'],
		version: 1,
		description: 'test only',
		defaults: { name: 'Transport Probe' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'cybersourceApi', required: true }],
		properties: [
			{ displayName: 'Call', name: 'call', type: 'string', default: 'request' },
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'Path', name: 'path', type: 'string', default: '' },
			{ displayName: 'Body', name: 'body', type: 'json', default: '' },
			{ displayName: 'Query', name: 'query', type: 'json', default: '{}' },
			{ displayName: 'Max', name: 'max', type: 'number', default: 0 },
			{ displayName: 'Tuning', name: 'tuning', type: 'json', default: '{}' },
		],
	} as unknown as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const json = (name: string) => {
			const value = this.getNodeParameter(name, 0);
			return (typeof value === 'string' ? (value ? JSON.parse(value) : undefined) : value) as IDataObject | undefined;
		};
		const tuning = json('tuning') as Partial<TransportTuning>;
		if (this.getNodeParameter('call', 0) === 'list') {
			const max = this.getNodeParameter('max', 0) as number;
			const invoices = await readInvoices.call(
				this,
				(json('query') ?? {}) as { status?: string },
				max || Number.POSITIVE_INFINITY,
				singleRequest({ tuning }),
			);
			return [[{ json: { count: invoices.length, first: invoices[0], last: invoices[invoices.length - 1] } }]];
		}
		const response = await cybersourceApiCall.call(
			this,
			this.getNodeParameter('method', 0) as 'GET',
			this.getNodeParameter('path', 0) as string,
			json('body'),
			json('query') as Record<string, string>,
			singleRequest({ itemIndex: 0, tuning }),
		);
		return [[{ json: { statusCode: response.statusCode, body: response.body as IDataObject, warnings: response.warnings } }]];
	}
}
