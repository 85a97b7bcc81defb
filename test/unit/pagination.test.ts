/**
 * Reading the invoice list page by page: pages of at most 1000, never more than asked for or
 * than the total, an empty page ends the read, and an invoice listed twice stops it with an error
 * (a server that ignores the offset would otherwise repeat page one).
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { readInvoices } from '../../nodes/shared/api/invoices';
import { singleRequest } from '../../nodes/shared/transport/requestOptions';

const ALL = Number.POSITIVE_INFINITY;

type ListContext = Pick<IExecuteFunctions, 'getNode' | 'getCredentials'> & {
	helpers: Pick<IExecuteFunctions['helpers'], 'httpRequestWithAuthentication'>;
};

interface Server {
	/** Invoices the server has; the page is sliced from it by offset and limit. */
	invoices: IDataObject[];
	/** What it claims as totalInvoices (defaults to the real count). */
	claimedTotal?: number;
	/** Answers page one whatever the offset. */
	ignoresOffset?: boolean;
}

/** An execute context whose list endpoint answers from `server`; records each page's offset and limit. */
function listContext(server: Server): { context: IExecuteFunctions; pages: Array<[number, number]> } {
	const pages: Array<[number, number]> = [];
	const node: INode = { id: '1', name: 'Cybersource Invoice', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };
	const fake: ListContext = {
		getNode: () => node,
		getCredentials: async () => ({ environment: 'custom', baseUrl: 'https://cybersource.example.test' }) as never,
		helpers: {
			httpRequestWithAuthentication: async (_type: string, request: IHttpRequestOptions) => {
				const { offset, limit } = request.qs as { offset: number; limit: number };
				pages.push([offset, limit]);
				const from = server.ignoresOffset ? 0 : offset;
				const body = { totalInvoices: server.claimedTotal ?? server.invoices.length, invoices: server.invoices.slice(from, from + limit) };
				return { statusCode: 200, headers: {}, body };
			},
		},
	};
	return { context: fake as unknown as IExecuteFunctions, pages };
}

const invoices = (count: number) => Array.from({ length: count }, (_, index) => ({ id: String(90000 + index) }));

describe('readInvoices', () => {
	it('reads all pages, 1000 at a time, up to the total', async () => {
		const { context, pages } = listContext({ invoices: invoices(2500) });
		const list = await readInvoices.call(context, {}, ALL, singleRequest());
		expect(list).toHaveLength(2500);
		expect(new Set(list.map((invoice) => invoice.id)).size).toBe(2500);
		expect(pages).toEqual([
			[0, 1000],
			[1000, 1000],
			[2000, 1000],
		]);
	});

	it('asks for no more than the limit', async () => {
		const { context, pages } = listContext({ invoices: invoices(2500) });
		expect(await readInvoices.call(context, {}, 1200, singleRequest())).toHaveLength(1200);
		expect(pages).toEqual([
			[0, 1000],
			[1000, 200],
		]);
	});

	it('never returns more than the total the server states', async () => {
		const { context } = listContext({ invoices: invoices(30), claimedTotal: 20 });
		expect(await readInvoices.call(context, {}, ALL, singleRequest())).toHaveLength(20);
	});

	it('stops at an empty page when the server over-counts', async () => {
		const { context, pages } = listContext({ invoices: invoices(5), claimedTotal: 5000 });
		expect(await readInvoices.call(context, {}, ALL, singleRequest())).toHaveLength(5);
		expect(pages).toEqual([
			[0, 1000],
			[5, 1000],
		]);
	});

	it('stops with an error when an invoice is listed twice', async () => {
		const { context } = listContext({ invoices: invoices(1500), ignoresOffset: true });
		await expect(readInvoices.call(context, {}, ALL, singleRequest({ itemIndex: 0 }))).rejects.toThrow(
			'Cybersource listed invoice 90000 twice while paging (again at offset 1000), so the list cannot be read reliably [item 1]',
		);
	});
});
