/*
 * Cybersource's invoice settings API (docs/cybersource-api.md): one settings object per product
 * (INVOICING or PAYBYLINK), read and replaced whole.
 */
import type { IDataObject } from 'n8n-workflow';

import { cybersourceApiRequest, type CybersourceContext, type RequestOptions } from '../transport';

const SETTINGS_PATH = '/invoicing/v2/invoiceSettings';

/** The product's settings as Cybersource keeps them. */
export async function getInvoiceSettings(this: CybersourceContext, productType: string, options: RequestOptions): Promise<IDataObject> {
	return await cybersourceApiRequest.call(this, 'GET', SETTINGS_PATH, undefined, { productType }, options);
}

/** Replaces the product's settings with `body` (PUT). */
export async function putInvoiceSettings(
	this: CybersourceContext,
	productType: string,
	body: IDataObject,
	options: RequestOptions,
): Promise<IDataObject> {
	return await cybersourceApiRequest.call(this, 'PUT', SETTINGS_PATH, body, { productType }, options);
}
