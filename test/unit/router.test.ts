/**
 * The router's item loop: output in item order and paired to its input; without Continue On
 * Fail the first failing item stops the run with an error naming it; with it, a failing item
 * becomes an error item (full explanation on the regular output, `error` alone on the error
 * output, where n8n adds the input's fields).
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INode, INodeExecutionData, NodeApiError } from 'n8n-workflow';

import { runItemLoop } from '../../nodes/CybersourceInvoice/actions/router';
import { VERSION_1_OPERATIONS } from '../../nodes/CybersourceInvoice/v1/actions/versionDescription';

/** Version 1's item loop, as its node class runs it. */
function routeV1(this: IExecuteFunctions) {
	return runItemLoop.call(this, VERSION_1_OPERATIONS);
}

type OnError = INode['onError'];

/** Only what the router, the Get operation and the transport call; anything else is a TypeError. */
type RouterContext = Pick<IExecuteFunctions, 'getInputData' | 'getNodeParameter' | 'getNode' | 'continueOnFail' | 'getCredentials'> & {
	helpers: Pick<IExecuteFunctions['helpers'], 'httpRequestWithAuthentication' | 'returnJsonArray' | 'constructExecutionMetaData'>;
};

/**
 * An execute context for Get on the given invoice ids (one per item). The "server" answers 200
 * with the invoice, or 404 for ids starting with "missing".
 */
function getContext(ids: string[], onError: OnError = 'stopWorkflow', extra: IDataObject = {}): { context: IExecuteFunctions; requests: string[] } {
	const requests: string[] = [];
	const node: INode = { id: '1', name: 'Cybersource Invoice', type: 'test', typeVersion: 1, position: [0, 0], parameters: {}, onError };
	const parameters = (itemIndex: number): IDataObject => ({ resource: 'invoice', operation: 'get', invoiceId: ids[itemIndex], simplify: false, ...extra });
	const fake: RouterContext = {
		getInputData: () => ids.map((id) => ({ json: { input: id } })),
		getNodeParameter: ((name: string, itemIndex: number, fallback?: unknown) => parameters(itemIndex)[name] ?? fallback) as IExecuteFunctions['getNodeParameter'],
		getNode: () => node,
		continueOnFail: () => onError !== 'stopWorkflow',
		getCredentials: async () => ({ environment: 'custom', baseUrl: 'https://cybersource.example.test' }) as never,
		helpers: {
			httpRequestWithAuthentication: async (_type: string, request: IHttpRequestOptions) => {
				requests.push(request.url);
				const id = request.url.split('/').pop() ?? '';
				return id.startsWith('missing')
					? { statusCode: 404, headers: {}, body: { message: 'Not found' } }
					: { statusCode: 200, headers: {}, body: { id, status: 'DRAFT' } };
			},
			returnJsonArray: (data: IDataObject | IDataObject[]) => (Array.isArray(data) ? data : [data]).map((json) => ({ json })),
			constructExecutionMetaData: (items: INodeExecutionData[], { itemData }: { itemData: { item: number } }) =>
				items.map((item) => ({ ...item, pairedItem: itemData })),
		},
	};
	return { context: fake as unknown as IExecuteFunctions, requests };
}

describe('routeV1', () => {
	it('returns one item per input, in order and paired', async () => {
		const { context } = getContext(['11', '12', '13']);
		const [output] = await routeV1.call(context);
		expect(output).toEqual([
			{ json: { id: '11', status: 'DRAFT' }, pairedItem: { item: 0 } },
			{ json: { id: '12', status: 'DRAFT' }, pairedItem: { item: 1 } },
			{ json: { id: '13', status: 'DRAFT' }, pairedItem: { item: 2 } },
		]);
	});

	it('stops at the first failing item, naming it; later items are not sent', async () => {
		const { context, requests } = getContext(['11', 'missing-7', '13']);
		await expect(routeV1.call(context)).rejects.toMatchObject({
			message: 'Invoice "missing-7" does not exist',
			context: { itemIndex: 1 },
		});
		expect(requests).toEqual(['/invoicing/v2/invoices/11', '/invoicing/v2/invoices/missing-7']);
	});

	it('turns an input problem into an error naming the field and the item; nothing is sent for it', async () => {
		const { context, requests } = getContext(['11', '']);
		await expect(routeV1.call(context)).rejects.toMatchObject({
			message: 'Invoice: is required: pick one from the list or enter its number [item 2]',
			description: 'Nothing was sent to Cybersource. Fix the value and run the node again.',
		});
		expect(requests).toEqual(['/invoicing/v2/invoices/11']);
	});

	it('with Continue On Fail (regular output), gives a failing item the message, description and HTTP code', async () => {
		const { context } = getContext(['missing-1', '12', ''], 'continueRegularOutput');
		const [output] = await routeV1.call(context);
		expect(output).toEqual([
			{
				json: {
					error: 'Invoice "missing-1" does not exist',
					description: 'Check the invoice number, and that the credential is for the merchant that owns the invoice.',
					httpCode: '404',
				},
				pairedItem: { item: 0 },
			},
			{ json: { id: '12', status: 'DRAFT' }, pairedItem: { item: 1 } },
			{
				json: {
					error: 'Invoice: is required: pick one from the list or enter its number [item 3]',
					description: 'Nothing was sent to Cybersource. Fix the value and run the node again.',
				},
				pairedItem: { item: 2 },
			},
		]);
	});

	it('with the error output, gives a failing item `error` alone, so n8n routes it there', async () => {
		const { context } = getContext(['12', 'missing-2'], 'continueErrorOutput');
		const [output] = await routeV1.call(context);
		expect(output[1]).toEqual({ json: { error: 'Invoice "missing-2" does not exist' }, pairedItem: { item: 1 } });
	});

	it('refuses an operation it does not know', async () => {
		const { context } = getContext(['11'], 'stopWorkflow', { operation: 'delete' });
		await expect(routeV1.call(context)).rejects.toThrow('The operation "delete" of "invoice" is not supported');
	});

	it('refuses a Parallel Requests setting out of range, before any request, even with Continue On Fail', async () => {
		const { context, requests } = getContext(['11'], 'continueRegularOutput', { 'options.parallelRequests': 0 });
		const error = (await routeV1.call(context).catch((caught: unknown) => caught)) as NodeApiError;
		expect(error.message).toBe('Parallel Requests: must be a whole number from 1 to 20, got 0 [item 1]');
		expect(requests).toEqual([]);
	});
});
