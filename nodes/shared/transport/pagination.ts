import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { cybersourceApiRequest, type CybersourceContext, type RequestOptions } from './index';
import { INVOICES_PATH } from './paths';
import { itemTag } from '../helpers/inputError';

/** The API's maximum page size. */
export const MAX_PAGE_SIZE = 1000;

interface ListInvoicesQuery {
	status?: string;
}

/**
 * Reads invoices page by page (newest first, as the API returns them) until `max` items, the
 * end of the list (`totalInvoices`, never exceeded), or an empty page, whichever comes first.
 * An id seen twice stops the read with an error: the pages overlap, so the result would hold
 * duplicates (a server that ignores the offset would otherwise repeat page one until the total).
 */
export async function listInvoices(
	this: CybersourceContext,
	query: ListInvoicesQuery,
	max: number,
	options: RequestOptions,
): Promise<IDataObject[]> {
	const invoices: IDataObject[] = [];
	const seen = new Set<string>();
	const pages = new PageReader(this, query, max, options);
	let wanted = max;
	let offset = 0;
	while (invoices.length < wanted) {
		const page = await pages.read(offset);
		const items = Array.isArray(page.invoices) ? (page.invoices as IDataObject[]) : [];
		const total = Number(page.totalInvoices);
		if (Number.isFinite(total)) wanted = Math.min(wanted, total);
		for (const invoice of items.slice(0, wanted - invoices.length)) {
			assertNew.call(this, seen, invoice, offset, options.itemIndex);
			invoices.push(invoice);
		}
		offset += items.length;
		// An empty page ends the loop even if totalInvoices says otherwise, so a server that
		// over-counts cannot make us loop forever.
		if (items.length === 0) break;
		// The total is known: ask for the next pages now, so they arrive while this one is used.
		if (Number.isFinite(total)) pages.prefetch(offset, wanted);
	}
	return invoices;
}

/**
 * Fetches list pages, some ahead of time: as many as the node's Parallel Requests allow (one
 * with `singleRequest()`). Pages are still used strictly in order, so the checks above see
 * them as a one-by-one read would; a page fetched for an offset that is never reached (a short
 * page moved the offsets) is dropped.
 */
class PageReader {
	private readonly ahead = new Map<number, Promise<IDataObject>>();
	private readonly pagesAhead: number;

	constructor(
		private readonly context: CybersourceContext,
		private readonly query: ListInvoicesQuery,
		private readonly max: number,
		private readonly options: RequestOptions,
	) {
		this.pagesAhead = options.scope.limiter.max;
	}

	async read(offset: number): Promise<IDataObject> {
		const page = this.ahead.get(offset) ?? this.fetch(offset);
		for (const at of this.ahead.keys()) if (at <= offset) this.ahead.delete(at);
		return await page;
	}

	prefetch(offset: number, wanted: number): void {
		for (let page = 0; page < this.pagesAhead; page++) {
			const at = offset + page * MAX_PAGE_SIZE;
			if (at >= wanted) break;
			if (this.ahead.has(at)) continue;
			const pending = this.fetch(at);
			pending.catch(() => undefined); // a page never read must not be an unhandled rejection
			this.ahead.set(at, pending);
		}
	}

	private async fetch(offset: number): Promise<IDataObject> {
		const limit = Math.min(MAX_PAGE_SIZE, this.max - offset);
		return await cybersourceApiRequest.call(
			this.context,
			'GET',
			INVOICES_PATH,
			undefined,
			{ offset, limit, status: this.query.status },
			this.options,
		);
	}
}

function assertNew(this: CybersourceContext, seen: Set<string>, invoice: IDataObject, offset: number, itemIndex?: number) {
	if (invoice.id === undefined || invoice.id === null) return;
	const id = String(invoice.id);
	if (!seen.has(id)) {
		seen.add(id);
		return;
	}
	throw new NodeOperationError(
		this.getNode(),
		`Cybersource listed invoice ${id} twice while paging (again at offset ${offset}), so the list cannot be read reliably${itemIndex === undefined ? '' : ` ${itemTag(itemIndex)}`}`,
		{
			itemIndex,
			description:
				'The server ignored the offset, or invoices were created while the list was read. Nothing was returned. Run the node again, or use a Limit or a Status filter to read fewer invoices.',
		},
	);
}
