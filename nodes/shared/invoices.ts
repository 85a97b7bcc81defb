import type { IDataObject } from 'n8n-workflow';

import { settle } from '../../credentials/signing/outcome';
import {
	cybersourceApiCall,
	cybersourceApiRequest,
	type CybersourceContext,
	type CybersourceResponse,
	type RequestOptions,
} from './transport';
import { INVOICES_PATH, invoicePath } from './transport/paths';

/*
 * Cybersource's invoices, read and written the one way every node uses: the paths live in
 * transport/paths.ts, a missing invoice is told by `isNotFound`, and retries are the transport's.
 */

/** Cybersource answered 404: there is no such invoice (or webhook subscription). */
export function isNotFound(error: unknown): boolean {
	return String((error as { httpCode?: unknown } | undefined)?.httpCode) === '404';
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
export async function listInvoices(
	this: CybersourceContext,
	query: { offset: number; limit: number; status?: string },
	options: RequestOptions,
): Promise<IDataObject> {
	return await cybersourceApiRequest.call(this, 'GET', INVOICES_PATH, undefined, query, options);
}

/** Sends one create; the answer as the transport gives it (see createOnce for what a lost one means). */
export async function createInvoice(this: CybersourceContext, body: IDataObject, options: RequestOptions): Promise<CybersourceResponse> {
	return await cybersourceApiCall.call(this, 'POST', INVOICES_PATH, body, undefined, options);
}
