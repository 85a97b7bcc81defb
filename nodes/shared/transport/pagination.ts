import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { cybersourceApiRequest, type CybersourceContext, type RequestOptions } from './index';
import { itemTag } from '../helpers/inputError';

/** The largest page Cybersource's list endpoints answer. */
export const MAX_PAGE_SIZE = 1000;

/** A list endpoint read with `offset` and `limit`: where it is, and the names its answer and messages use. */
export interface PagedList {
	path: string;
	/** The answer's array of this page's items, e.g. `invoices`. */
	itemsField: string;
	/** The answer's count of all items, e.g. `totalInvoices`. */
	totalField: string;
	/** One item in messages, e.g. `invoice`. */
	noun: string;
	/** The description of the error an item listed twice raises: why, and what to do. */
	overlapHint: string;
}

/** Filters sent with every page, after `offset` and `limit`. */
type Filters = Record<string, string | undefined>;

/**
 * Reads a list page by page (in the order the API returns it) until `max` items, the end of the
 * list (its total, never exceeded), or an empty page, whichever comes first. An id seen twice
 * stops the read with an error: the pages overlap, so the result would hold duplicates (a server
 * that ignores the offset would otherwise repeat page one until the total).
 */
export async function readPages(
	this: CybersourceContext,
	list: PagedList,
	filters: Filters,
	max: number,
	options: RequestOptions,
): Promise<IDataObject[]> {
	const items: IDataObject[] = [];
	const seen = new Set<string>();
	const pages = new PageReader(this, list, filters, max, options);
	let wanted = max;
	let offset = 0;
	while (items.length < wanted) {
		const page = await pages.read(offset);
		const pageItems = Array.isArray(page[list.itemsField]) ? (page[list.itemsField] as IDataObject[]) : [];
		const total = Number(page[list.totalField]);
		if (Number.isFinite(total)) wanted = Math.min(wanted, total);
		for (const item of pageItems.slice(0, wanted - items.length)) {
			assertNew.call(this, list, seen, item, offset, options.itemIndex);
			items.push(item);
		}
		offset += pageItems.length;
		// An empty page ends the loop even if the total says otherwise, so a server that
		// over-counts cannot make us loop forever.
		if (pageItems.length === 0) break;
		// The total is known: ask for the next pages now, so they arrive while this one is used.
		if (Number.isFinite(total)) pages.prefetch(offset, wanted);
	}
	return items;
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
		private readonly list: PagedList,
		private readonly filters: Filters,
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
			this.list.path,
			undefined,
			{ offset, limit, ...this.filters },
			this.options,
		);
	}
}

function assertNew(this: CybersourceContext, list: PagedList, seen: Set<string>, item: IDataObject, offset: number, itemIndex?: number) {
	if (item.id === undefined || item.id === null) return;
	const id = String(item.id);
	if (!seen.has(id)) {
		seen.add(id);
		return;
	}
	throw new NodeOperationError(
		this.getNode(),
		`Cybersource listed ${list.noun} ${id} twice while paging (again at offset ${offset}), so the list cannot be read reliably${itemIndex === undefined ? '' : ` ${itemTag(itemIndex)}`}`,
		{ itemIndex, description: list.overlapHint },
	);
}
