/* Cybersource's merchant-defined fields API (docs/cybersource-api.md#merchant-defined-fields). */
import type { IDataObject } from 'n8n-workflow';

import { cybersourceApiRequestArray, type CybersourceContext, type RequestOptions } from '../transport';

const INVOICE_FIELDS_PATH = '/invoicing/v2/Invoice/merchantDefinedFields';

/** The merchant's field definitions for invoices (the endpoint answers a bare array). */
export async function listInvoiceFieldDefinitions(this: CybersourceContext, options: RequestOptions): Promise<IDataObject[]> {
	return await cybersourceApiRequestArray.call(this, 'GET', INVOICE_FIELDS_PATH, options);
}
