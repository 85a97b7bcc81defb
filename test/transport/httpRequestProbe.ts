/**
 * n8n's HTTP Request node (4.x) as our credential meets it: the options object built exactly as
 * `HttpRequestV3.node.js` of n8n-nodes-base 2.8 builds it with the editor's defaults (Response
 * Format "Autodetect", redirects followed, a 5 minute timeout), sent through n8n-core's
 * `requestWithAuthentication`, the legacy request path the node uses with a "Predefined
 * Credential Type". The `helper` route sends the same request the way our own node does
 * (`httpRequestWithAuthentication`, a `url`), with redirects left to axios's default.
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

export type BodyContentType = 'json' | 'raw' | 'form-urlencoded' | 'binaryData';

export interface HttpRequestParameters {
	method: string;
	url: string;
	/** The node's typeVersion: 4.4 stops sending credentials on a cross-origin redirect by default. */
	version?: number;
	qs?: IDataObject;
	body?: IDataObject | string;
	contentType?: BodyContentType;
	route?: 'legacy' | 'helper';
}

const ACCEPT_AUTODETECT = 'application/json,text/html,application/xhtml+xml,application/xml,text/*;q=0.9, image/*;q=0.8, */*;q=0.7';

/** The options HttpRequestV3 passes to requestWithAuthentication for these parameters. */
export function httpRequestNodeOptions(parameters: HttpRequestParameters): IDataObject {
	const { method, url, version = 4.2, qs, body, contentType = 'json' } = parameters;
	const options: IDataObject = {
		headers: {} as IDataObject,
		method,
		uri: url,
		gzip: true,
		rejectUnauthorized: true,
		followRedirect: true,
		followAllRedirects: true,
		resolveWithFullResponse: true,
		sendCredentialsOnCrossOriginRedirect: version < 4.4,
		maxRedirects: undefined,
		timeout: 300_000,
	};
	if (body !== undefined) {
		if (contentType === 'form-urlencoded') options.form = body;
		else if (contentType === 'binaryData') options.body = Buffer.from(String(body));
		else options.body = body;
	}
	if (qs) options.qs = qs;
	// Response Format "Autodetect": the answer is read as a stream.
	Object.assign(options, { encoding: null, json: false, useStream: true });
	const headers = options.headers as IDataObject;
	if (contentType === 'raw') headers['content-type'] = 'application/json';
	headers.accept = ACCEPT_AUTODETECT;
	return options;
}

async function text(body: unknown): Promise<string> {
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	const chunks: Buffer[] = [];
	for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(chunk);
	return Buffer.concat(chunks).toString('utf8');
}

export class HttpRequestProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HTTP Request Probe',
		name: 'httpRequestProbe',
		group: ['output'],
		version: 1,
		description: 'test only',
		defaults: { name: 'HTTP Request Probe' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'cybersourceApi', required: true }],
		properties: [{ displayName: 'Request', name: 'request', type: 'json', default: '{}' }],
	} as unknown as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const parameters = JSON.parse(this.getNodeParameter('request', 0) as string) as HttpRequestParameters;
		if (parameters.route === 'helper') {
			const { method, url, qs, body } = parameters;
			const request = { method, url, qs, body, json: true, returnFullResponse: true } as IHttpRequestOptions;
			const response = (await this.helpers.httpRequestWithAuthentication.call(this, 'cybersourceApi', request)) as IDataObject;
			return [[{ json: { statusCode: response.statusCode, body: response.body as IDataObject } }]];
		}
		const options = httpRequestNodeOptions(parameters);
		// n8n's HTTP Request node (4.x) still calls the legacy helper, deprecated for new nodes; so must the probe.
		const legacy = this.helpers as unknown as { requestWithAuthentication: (this: IExecuteFunctions, ...args: unknown[]) => Promise<unknown> };
		const response = (await legacy.requestWithAuthentication.call(this, 'cybersourceApi', options, undefined, 0)) as IDataObject;
		const raw = await text(response.body);
		return [[{ json: { statusCode: response.statusCode, body: raw ? (JSON.parse(raw) as IDataObject) : {} } }]];
	}
}
