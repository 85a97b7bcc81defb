/** The list query's paging and status parameters (offset, limit, status), as the gateway checks them. */

import { INVOICE_STATUSES, InvoiceStatus } from '../types';
import { Checker } from './checker';
import { ErrorDetail, INVALID, MISSING } from './errors';

export interface ListQuery {
	offset: number;
	limit: number;
	status?: InvoiceStatus;
}

/** docs/cybersource-api.md#list-response-and-paging: offset and limit required integers, limit ≤ 1000, status enum (incl. PENDING, per the guide). */
export function validateListQuery(query: URLSearchParams): {
	query?: ListQuery;
	details: ErrorDetail[];
} {
	const c = new Checker();
	const integerParam = (name: string, min: number, max?: number): number | undefined => {
		const raw = query.get(name);
		if (raw === null || raw === '') return c.issue(name, MISSING);
		if (!/^\d+$/.test(raw)) return c.issue(name, INVALID);
		const number = Number(raw);
		if (number < min || (max !== undefined && number > max)) return c.issue(name, INVALID);
		return number;
	};
	const offset = integerParam('offset', 0);
	const limit = integerParam('limit', 1, 1000);
	const rawStatus = query.get('status');
	let status: InvoiceStatus | undefined;
	if (rawStatus !== null) {
		if ((INVOICE_STATUSES as readonly string[]).includes(rawStatus))
			status = rawStatus as InvoiceStatus;
		else c.issue('status', INVALID);
	}
	if (c.details.length || offset === undefined || limit === undefined)
		return { details: c.details };
	return { query: { offset, limit, status }, details: [] };
}
