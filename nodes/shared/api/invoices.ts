/*
 * Cybersource's invoices API (docs/cybersource-api.md): its paths, and each call the nodes make to
 * it. Every node reads and writes invoices through here; retries are the transport's.
 */
import type { IDataObject } from 'n8n-workflow';

import { settle } from '../../../credentials/signing/outcome';
import type { InvoiceAction } from '../helpers/statuses';
import {
	cybersourceApiCall,
	cybersourceApiRequest,
	isNotFound,
	type CybersourceContext,
	type CybersourceResponse,
	type RequestOptions,
} from '../transport';
import { readPages, type PagedList } from '../transport/pagination';

/** Cybersource's invoices collection: list (GET) and create (POST). */
export const INVOICES_PATH = '/invoicing/v2/invoices';

/** Path of an invoice (or one of its actions); the id is URL-encoded before it is signed. */
export function invoicePath(invoiceId: string, action?: InvoiceAction): string {
	const base = `${INVOICES_PATH}/${encodeURIComponent(invoiceId)}`;
	return action ? `${base}/${action}` : base;
}

/** One invoice with its history; fails (404 included) like any request. */
export async function getInvoice(this: CybersourceContext, invoiceId: string, options: RequestOptions): Promise<IDataObject> {
	return await cybersourceApiRequest.call(this, 'GET', invoicePath(invoiceId), undefined, undefined, options);
}

/** One invoice, or undefined when Cybersource has none with this id (404). */
export async function findInvoice(
	this: CybersourceContext,
	invoiceId: string,
	options: RequestOptions,
): Promise<IDataObject | undefined> {
	const found = await settle(getInvoice.call(this, invoiceId, options));
	if (found.ok) return found.value;
	if (isNotFound(found.error)) return undefined;
	throw found.error;
}

/** One page of the invoice list (`invoices`, `totalInvoices`), newest first. */
export async function listInvoicePage(
	this: CybersourceContext,
	query: { offset: number; limit: number; status?: string },
	options: RequestOptions,
): Promise<IDataObject> {
	return await cybersourceApiRequest.call(this, 'GET', INVOICES_PATH, undefined, query, options);
}

const INVOICE_LIST: PagedList = {
	path: INVOICES_PATH,
	itemsField: 'invoices',
	totalField: 'totalInvoices',
	noun: 'invoice',
	overlapHint:
		'The server ignored the offset, or invoices were created while the list was read. Nothing was returned. Run the node again, or use a Limit or a Status filter to read fewer invoices.',
};

/** Up to `max` invoices, newest first, read page by page (transport/pagination.ts). */
export async function readInvoices(
	this: CybersourceContext,
	filters: { status?: string },
	max: number,
	options: RequestOptions,
): Promise<IDataObject[]> {
	return await readPages.call(this, INVOICE_LIST, filters, max, options);
}

/** Sends one create; the answer as the transport gives it (see createOnce for what a lost one means). */
export async function createInvoice(this: CybersourceContext, body: IDataObject, options: RequestOptions): Promise<CybersourceResponse> {
	return await cybersourceApiCall.call(this, 'POST', INVOICES_PATH, body, undefined, options);
}

/** Replaces an invoice's fields with `body` (PUT). */
export async function updateInvoice(
	this: CybersourceContext,
	invoiceId: string,
	body: IDataObject,
	options: RequestOptions,
): Promise<IDataObject> {
	return await cybersourceApiRequest.call(this, 'PUT', invoicePath(invoiceId), body, undefined, options);
}

/** Send, publish or cancel an invoice (POST to the action's path). */
export async function postInvoiceAction(
	this: CybersourceContext,
	invoiceId: string,
	action: InvoiceAction,
	options: RequestOptions,
): Promise<IDataObject> {
	return await cybersourceApiRequest.call(this, 'POST', invoicePath(invoiceId, action), undefined, undefined, options);
}
