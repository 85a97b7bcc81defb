/**
 * Parallel Requests: several items in flight at once, yet output order, pairing, error items and
 * "stop at the first failing item" are exactly as one at a time; 429s slow the node down instead
 * of failing or duplicating creates. The sandbox answers after a delay so requests overlap, and a
 * counting pass-through in front of it sees how many are in flight.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startCountingProxy, type CountingProxy } from '../harness/countingProxy';
import { startLoopback } from '../transport/loopback';
import { sandboxCredentials } from '../harness/sandbox';
import { runNode, type RunOptions } from '../harness/engine';
import { byNumber, createInvoice, createParams, itemsOf, useSandbox } from './helpers';

const sandbox = useSandbox();
let proxy: CountingProxy;

beforeAll(async () => {
	proxy = await startCountingProxy(sandbox().url);
});
afterAll(async () => await proxy.close());
beforeEach(() => {
	sandbox().setLatency({ ms: 25 });
	proxy.reset();
});

/** Runs the node through the counting pass-through. */
async function runVia(options: Omit<RunOptions, 'credentials'>) {
	return await runNode({ ...options, credentials: { ...sandboxCredentials(sandbox()), baseUrl: proxy.url } });
}

function withParallel(parameters: INodeParameters, parallelRequests: number): INodeParameters {
	return { ...parameters, options: { parallelRequests } };
}

const getParams = { resource: 'invoice', operation: 'get', invoiceId: byNumber('={{ $json.number }}') } as INodeParameters;

async function createMany(count: number): Promise<string[]> {
	const ids: string[] = [];
	for (let i = 0; i < count; i++) ids.push(await createInvoice(sandbox()));
	return ids;
}

describe('Parallel Requests', () => {
	it('keeps item order and pairing with that many requests in flight, never more', async () => {
		const ids = await createMany(12);
		proxy.reset();
		const result = await runVia({
			items: itemsOf(ids.map((number) => ({ number }))),
			parameters: withParallel(getParams, 4),
		});
		expect(result.error).toBeUndefined();
		expect(result.json.map((invoice) => invoice.id)).toEqual(ids);
		expect(result.items.map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
		expect(proxy.mostInFlight()).toBe(4);
	});

	it('sends one request at a time by default', async () => {
		const ids = await createMany(4);
		proxy.reset();
		const result = await runVia({ items: itemsOf(ids.map((number) => ({ number }))), parameters: getParams });
		expect(result.json.map((invoice) => invoice.id)).toEqual(ids);
		expect(proxy.mostInFlight()).toBe(1);
	});

	it.each(['continueRegularOutput', 'continueErrorOutput'] as const)(
		'gives the same items, error items and pairing as one at a time (%s)',
		async (onError) => {
			const [first, second, third] = await createMany(3);
			const numbers = [first, '', 'NOPE-404', second, 'NOPE-405', third];
			const runWith = async (parallel: number) => {
				const result = await runVia({
					onError,
					items: itemsOf(numbers.map((number) => ({ number }))),
					parameters: withParallel(getParams, parallel),
				});
				const shape = (items: typeof result.items) => items.map((item) => [item.json.id ?? item.json, item.pairedItem]);
				return { main: shape(result.items), errors: shape(result.errorItems) };
			};
			const oneAtATime = await runWith(1);
			expect(await runWith(6)).toEqual(oneAtATime);
			expect(oneAtATime.main.length + oneAtATime.errors.length).toBe(numbers.length);
		},
	);

	it('without Continue On Fail stops with the first failing item, after every earlier item ran', async () => {
		const ids = await createMany(6);
		const numbers = [...ids.slice(0, 3), 'NOPE-404', ...ids.slice(3)];
		sandbox().clearRequests();
		const result = await runVia({
			items: itemsOf(numbers.map((number) => ({ number }))),
			parameters: withParallel(getParams, 3),
		});
		expect(result.error?.message).toBe('Invoice "NOPE-404" does not exist');
		expect(result.error?.context?.itemIndex).toBe(3);
		const asked = sandbox().requests().map((request) => request.path.split('/').pop());
		expect(asked).toEqual(expect.arrayContaining(numbers.slice(0, 4)));
	});

	it('creates every invoice exactly once, in order and paired, with error items in place, when Cybersource answers 429 to a burst', async () => {
		const emails = Array.from({ length: 16 }, (_, i) => (i === 5 ? 'five@example' : `buyer${i}@example.com`));
		sandbox().injectFault({ kind: '429', method: 'POST', count: 6, retryAfterSeconds: 1 });
		const result = await runVia({
			onError: 'continueRegularOutput',
			items: itemsOf(emails.map((email) => ({ email }))),
			parameters: withParallel(createParams({ customerEmail: '={{ $json.email }}' }), 8),
		});

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual(emails.map((_, item) => ({ item })));
		expect(result.json[5].error).toBe('Customer Email: "five@example" is not a valid email address [item 6]');
		const good = result.json.filter((_, index) => index !== 5);
		const storedEmails = good.map((invoice) => {
			const stored = sandbox().getInvoice(String(invoice.id)) as IDataObject;
			return (stored.customerInformation as IDataObject).email;
		});
		expect(storedEmails).toEqual(emails.filter((_, index) => index !== 5));

		// Each good item was created by exactly one accepted POST; the 429s created nothing.
		const posts = sandbox().requests().filter((request) => request.method === 'POST');
		expect(posts.filter((request) => request.status === 429)).toHaveLength(6);
		expect(posts.filter((request) => request.status === 201)).toHaveLength(15);
		expect(new Set(good.map((invoice) => invoice.id)).size).toBe(15);
		expect(proxy.mostInFlight()).toBeLessThanOrEqual(8);
	});

	it('refuses a Parallel Requests outside 1 to 20 before sending anything', async () => {
		sandbox().clearRequests();
		const result = await runVia({ parameters: withParallel(getParams, 21), items: itemsOf([{ number: 'X' }]) });
		expect(result.error?.message).toBe('Parallel Requests: must be a whole number from 1 to 20, got 21 [item 1]');
		expect(sandbox().requests()).toHaveLength(0);
	});
});

describe('Return All in parallel', () => {
	const listParams = (options: IDataObject = {}, extra: INodeParameters = {}) =>
		({ resource: 'invoice', operation: 'getAll', returnAll: true, options, ...extra }) as INodeParameters;
	const pagesAsked = () =>
		sandbox()
			.requests()
			.map((request) => new URL(request.path, 'http://x').searchParams)
			.map((query) => `${query.get('offset')}+${query.get('limit')}`);

	it('fetches the pages after the first several at a time (4 by default) and keeps the API order', async () => {
		sandbox().seed(5500, { status: 'SENT' });
		const oneAtATime = await runVia({ parameters: listParams({ parallelRequests: 1 }) });
		expect(proxy.mostInFlight()).toBe(1);
		sandbox().clearRequests();
		proxy.reset();

		const parallel = await runVia({ parameters: listParams() });
		expect(parallel.error).toBeUndefined();
		expect(parallel.json.map((invoice) => invoice.id)).toEqual(oneAtATime.json.map((invoice) => invoice.id));
		expect(parallel.json).toHaveLength(5500);
		expect(new Set(pagesAsked())).toEqual(new Set(['0+1000', '1000+1000', '2000+1000', '3000+1000', '4000+1000', '5000+1000']));
		expect(pagesAsked()).toHaveLength(6);
		expect(proxy.mostInFlight()).toBe(4);
	});

	it('asks for no page beyond the Limit', async () => {
		sandbox().seed(5500, { status: 'SENT' });
		const result = await runVia({ parameters: listParams({ parallelRequests: 8 }, { returnAll: false, limit: 2500 }) });
		expect(result.json).toHaveLength(2500);
		expect(pagesAsked().sort()).toEqual(['0+1000', '1000+1000', '2000+500']);
	});

	it('retries pages Cybersource answered with 429 and still returns every invoice once, in order', async () => {
		sandbox().seed(4200, { status: 'SENT' });
		const expected = (await runVia({ parameters: listParams({ parallelRequests: 1 }) })).json.map((invoice) => invoice.id);
		sandbox().injectFault({ kind: '429', method: 'GET', path: '/offset=[1-9]/', count: 3, retryAfterSeconds: 0 });
		const result = await runVia({ parameters: listParams({ parallelRequests: 4 }) });
		expect(result.error).toBeUndefined();
		expect(result.json.map((invoice) => invoice.id)).toEqual(expected);
		expect(sandbox().requests().filter((request) => request.status === 429)).toHaveLength(3);
	});

	it('reads on from where a short page ended, so nothing is skipped or repeated', async () => {
		// A server whose page at offset 1000 holds only 700 invoices although more follow.
		const total = 3500;
		const server = await startLoopback((request, response) => {
			const query = new URL(request.url, 'http://x').searchParams;
			const offset = Number(query.get('offset'));
			const size = offset === 1000 ? 700 : Number(query.get('limit'));
			const invoices = Array.from({ length: Math.max(0, Math.min(size, total - offset)) }, (_, i) => ({ id: `INV${offset + i}` }));
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end(JSON.stringify({ totalInvoices: total, invoices }));
		});
		try {
			const result = await runNode({
				parameters: listParams({ parallelRequests: 4 }),
				credentials: { ...sandboxCredentials(sandbox()), baseUrl: server.url },
			});
			expect(result.error).toBeUndefined();
			expect(result.json.map((invoice) => invoice.id)).toEqual(Array.from({ length: total }, (_, i) => `INV${i}`));
		} finally {
			await server.close();
		}
	});
});
