import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { cybersourceApiRequest, type CybersourceContext, type RequestOptions } from './index';

/** The API's maximum page size. */
export const MAX_PAGE_SIZE = 1000;

export interface ListInvoicesQuery {
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
	max: number = Number.POSITIVE_INFINITY,
	options: RequestOptions = {},
): Promise<IDataObject[]> {
	const invoices: IDataObject[] = [];
	const seen = new Set<string>();
	let wanted = max;
	let offset = 0;
	while (invoices.length < wanted) {
		const limit = Math.min(MAX_PAGE_SIZE, max - invoices.length);
		const page = await cybersourceApiRequest.call(
			this,
			'GET',
			'/invoicing/v2/invoices',
			undefined,
			{ offset, limit, status: query.status },
			options,
		);
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
	}
	return invoices;
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
		`Cybersource listed invoice ${id} twice while paging (again at offset ${offset}), so the list cannot be read reliably${itemIndex === undefined ? '' : ` [item ${itemIndex}]`}`,
		{
			itemIndex,
			description:
				'The server ignored the offset, or invoices were created while the list was read. Nothing was returned. Run the node again, or use a Limit or a Status filter to read fewer invoices.',
		},
	);
}
