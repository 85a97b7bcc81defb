import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { objectOf } from '../../../shared/helpers/json';
import { minorUnits } from '../../../shared/money/currencies';
import { listInvoicePage } from '../../../shared/api/invoices';
import { singleRequest } from '../../../shared/transport';

const PAGE = 100;

function label(invoice: IDataObject): string {
	const customer = objectOf(invoice.customerInformation).name;
	const amounts = objectOf(objectOf(invoice.orderInformation).amountDetails);
	const currency = String(amounts.currency ?? '');
	const raw = amounts.totalAmount;
	const total = raw === undefined || raw === null || raw === '' ? Number.NaN : Number(raw);
	// List amounts may come back as numbers (150, not "150.00"); show the currency's decimals.
	const amount = Number.isFinite(total) ? `${total.toFixed(minorUnits(currency))} ${currency}` : '';
	return [`#${String(invoice.id)}`, customer, amount.trim(), invoice.status].filter(Boolean).join(' · ');
}

/** Recent invoices, newest first; a filter matches the number, the customer or the status. */
export async function searchInvoices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0) || 0;
	const page = await listInvoicePage.call(this, { offset, limit: PAGE }, singleRequest());
	const invoices = Array.isArray(page.invoices) ? (page.invoices as IDataObject[]) : [];
	const needle = (filter ?? '').trim().toLowerCase();
	const results = invoices
		.map((invoice) => ({ name: label(invoice), value: String(invoice.id) }))
		.filter((result) => !needle || result.name.toLowerCase().includes(needle));
	const next = offset + invoices.length;
	const total = Number(page.totalInvoices);
	const more = invoices.length === PAGE && (!Number.isFinite(total) || next < total);
	return { results, paginationToken: more ? String(next) : undefined };
}
