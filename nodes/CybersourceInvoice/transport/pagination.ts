import type { IDataObject } from 'n8n-workflow';

import { cybersourceApiRequest, type CybersourceContext, type RequestOptions } from './index';

/** The API's maximum page size (reference §3.2). */
export const MAX_PAGE_SIZE = 1000;

export interface ListInvoicesQuery {
	status?: string;
}

/**
 * Reads invoices page by page (newest first, as the API returns them) until `max` items, the
 * end of the list (`totalInvoices`), or an empty page, whichever comes first.
 */
export async function listInvoices(
	this: CybersourceContext,
	query: ListInvoicesQuery,
	max: number = Number.POSITIVE_INFINITY,
	options: RequestOptions = {},
): Promise<IDataObject[]> {
	const invoices: IDataObject[] = [];
	let offset = 0;
	while (invoices.length < max) {
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
		invoices.push(...items.slice(0, max - invoices.length));
		offset += items.length;
		const total = Number(page.totalInvoices);
		// An empty page ends the loop even if totalInvoices says otherwise, so a server that
		// over-counts cannot make us loop forever.
		if (items.length === 0 || (Number.isFinite(total) && offset >= total)) break;
	}
	return invoices;
}
