import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { objectOf } from '../../shared/helpers/json';
import { minorUnits } from '../../shared/money/currencies';
import { listInvoicePage } from '../../shared/api/invoices';
import { singleRequest } from '../../shared/transport';
import { isAllowed } from '../../shared/helpers/statuses';
import { invoiceOperations } from '../actions/invoice';
import { findOperation } from '../actions/operation';

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

/** Whether the panel's operation could act on the invoice (Update is not offered a paid one). */
function actionable(this: ILoadOptionsFunctions): (invoice: IDataObject) => boolean {
	const operation = String(this.getCurrentNodeParameter('operation') ?? '');
	const rule = findOperation(invoiceOperations, 'invoice', operation)?.invoiceRule;
	return (invoice) => !rule || isAllowed(rule, String(invoice.status));
}

/**
 * Recent invoices, newest first, that the chosen operation can act on; a filter matches the number,
 * the customer or the status.
 */
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
		.filter(actionable.call(this))
		.map((invoice) => ({ name: label(invoice), value: String(invoice.id) }))
		.filter((result) => !needle || result.name.toLowerCase().includes(needle));
	const next = offset + invoices.length;
	const total = Number(page.totalInvoices);
	const more = invoices.length === PAGE && (!Number.isFinite(total) || next < total);
	return { results, paginationToken: more ? String(next) : undefined };
}
