import type { InvoiceAction } from '../helpers/statuses';

/** Cybersource's invoices collection: list (GET) and create (POST). */
export const INVOICES_PATH = '/invoicing/v2/invoices';

/** Path of an invoice (or one of its actions); the id is URL-encoded before it is signed. */
export function invoicePath(invoiceId: string, action?: InvoiceAction): string {
	const base = `${INVOICES_PATH}/${encodeURIComponent(invoiceId)}`;
	return action ? `${base}/${action}` : base;
}
