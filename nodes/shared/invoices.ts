/*
 * The invoices API moved to api/invoices.ts. The polling trigger (nodes/shared/pollingTrigger/)
 * still imports these three from here: point it at api/invoices.ts (listInvoicePage for
 * listInvoices), then delete this file.
 */
export { findInvoice, getInvoice, listInvoicePage as listInvoices } from './api/invoices';
