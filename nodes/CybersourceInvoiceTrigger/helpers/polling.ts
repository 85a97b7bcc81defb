import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { cybersourceApiRequest } from '../../CybersourceInvoice/transport';
import { OPEN_STATUSES } from '../../CybersourceInvoice/helpers/statuses';
import { MAX_PAGE_SIZE } from '../../CybersourceInvoice/transport/pagination';
import type { TriggerEvent } from './events';
import { findInvoice, getInvoice } from './output';

/**
 * Polling keeps only the OPEN invoices (number → status and, for PARTIAL, balance) plus the few
 * newest invoice numbers. Each poll lists the open statuses (one request per 1,000 open
 * invoices of a status) and the head of the newest-first list, so its cost follows the open
 * invoices, never every invoice ever issued. PENDING is not a list filter the API documents:
 * such invoices are read one by one until they leave PENDING.
 */
const OPEN: string[] = OPEN_STATUSES;
const LISTED_OPEN = OPEN.filter((status) => status !== 'PENDING');
const HEAD_KEEP = 5;
const HEAD_PAGE = 50;
/** New invoices looked at per poll; beyond this they are still tracked, only "created" is not emitted. */
const MAX_NEW_PER_POLL = 1000;

/** [status, balance or null when not read] */
type OpenEntry = [string, number | null];

export interface PollState extends IDataObject {
	version: 1;
	open: Record<string, OpenEntry>;
	head: string[];
}

export interface Change {
	event: TriggerEvent;
	invoiceNumber: string;
	/** The invoice when it was read for the change (re-used for the output). */
	invoice?: IDataObject;
}

function balanceOf(invoice: IDataObject): number | null {
	const amounts = ((invoice.orderInformation as IDataObject | undefined)?.amountDetails ?? {}) as IDataObject;
	const value = Number(amounts.balanceAmount);
	return amounts.balanceAmount === undefined || !Number.isFinite(value) ? null : value;
}

async function listPage(this: IPollFunctions, offset: number, limit: number, status?: string): Promise<{ items: IDataObject[]; total: number }> {
	const page = await cybersourceApiRequest.call(this, 'GET', '/invoicing/v2/invoices', undefined, { offset, limit, status });
	const items = Array.isArray(page.invoices) ? (page.invoices as IDataObject[]) : [];
	return { items, total: Number(page.totalInvoices) };
}

/** Every invoice of one status: number → status. */
async function listStatus(this: IPollFunctions, status: string): Promise<Map<string, string>> {
	const found = new Map<string, string>();
	for (let offset = 0; ; ) {
		const { items, total } = await listPage.call(this, offset, MAX_PAGE_SIZE, status);
		for (const item of items) found.set(String(item.id), String(item.status ?? status));
		offset += items.length;
		if (items.length === 0 || !Number.isFinite(total) || offset >= total) return found;
	}
}

/** The invoices created since `head` (newest first), read from the head of the list. */
async function newInvoices(this: IPollFunctions, head: string[], baseline: boolean): Promise<{ fresh: IDataObject[]; head: string[] }> {
	const fresh: IDataObject[] = [];
	let newestIds: string[] | undefined;
	for (let offset = 0; offset < MAX_NEW_PER_POLL; ) {
		const { items } = await listPage.call(this, offset, baseline ? HEAD_KEEP : HEAD_PAGE);
		newestIds ??= items.slice(0, HEAD_KEEP).map((item) => String(item.id));
		if (baseline) break;
		const known = items.findIndex((item) => head.includes(String(item.id)));
		fresh.push(...(known < 0 ? items : items.slice(0, known)));
		if (known >= 0 || items.length < HEAD_PAGE) break;
		offset += items.length;
	}
	return { fresh, head: newestIds ?? head };
}

async function openNow(this: IPollFunctions): Promise<Map<string, string>> {
	const open = new Map<string, string>();
	for (const status of LISTED_OPEN) for (const [id, found] of await listStatus.call(this, status)) open.set(id, found);
	return open;
}

/** First poll: remember where things stand, emit nothing. */
export async function baseline(this: IPollFunctions, events: TriggerEvent[]): Promise<PollState> {
	const open = await openNow.call(this);
	const state: PollState = { version: 1, open: {}, head: (await newInvoices.call(this, [], true)).head };
	for (const [id, status] of open) {
		const balance = status === 'PARTIAL' && events.includes('partiallyPaid') ? balanceOf(await getInvoice.call(this, id)) : null;
		state.open[id] = [status, balance];
	}
	return state;
}

/** The event a status change stands for, if any. */
function eventFor(previous: string | undefined, status: string): TriggerEvent | undefined {
	if (status === previous) return undefined;
	if (status === 'PAID') return 'paid';
	if (status === 'CANCELED') return 'canceled';
	if (status === 'PARTIAL' && previous !== 'PENDING') return 'partiallyPaid';
	if (status === 'SENT' && previous !== 'PENDING') return 'sent';
	return undefined;
}

interface PollWork {
	state: PollState;
	next: PollState;
	events: TriggerEvent[];
	changes: Change[];
}

function emit(work: PollWork, change: Change): void {
	if (work.events.includes(change.event)) work.changes.push(change);
}

/** Invoices new since the last poll: "created", then whatever status they already reached. */
async function handleNew(this: IPollFunctions, work: PollWork, fresh: IDataObject[], open: Map<string, string>): Promise<void> {
	for (const item of [...fresh].reverse()) {
		const id = String(item.id);
		const status = open.get(id) ?? String(item.status ?? '');
		const invoice = status === 'PARTIAL' && work.events.includes('partiallyPaid') ? await findInvoice.call(this, id) : undefined;
		emit(work, { event: 'created', invoiceNumber: id, invoice });
		const event = eventFor(undefined, status);
		if (event) emit(work, { event, invoiceNumber: id, invoice });
		if (OPEN.includes(status)) work.next.open[id] = [status, invoice ? balanceOf(invoice) : null];
	}
}

/** Known open invoices: a status change, a lower PARTIAL balance, or gone from the open lists. */
async function handleKnown(this: IPollFunctions, work: PollWork, open: Map<string, string>): Promise<void> {
	for (const [id, [previous, balance]] of Object.entries(work.state.open)) {
		let status = open.get(id);
		let invoice: IDataObject | undefined;
		// A PARTIAL invoice is read each poll: its balance is the only sign of another partial payment.
		if (status === undefined || (status === 'PARTIAL' && work.events.includes('partiallyPaid'))) {
			invoice = await findInvoice.call(this, id);
			if (!invoice) continue; // gone: forget it
			status = String(invoice.status ?? '');
		}
		const now = invoice ? balanceOf(invoice) : null;
		const event = eventFor(previous, status);
		if (event) emit(work, { event, invoiceNumber: id, invoice });
		else if (status === 'PARTIAL' && balance !== null && now !== null && now < balance)
			emit(work, { event: 'partiallyPaid', invoiceNumber: id, invoice });
		if (OPEN.includes(status)) work.next.open[id] = [status, now ?? (status === previous ? balance : null)];
	}
}

/** A later poll: every change since the previous poll, oldest invoices first, and the new state. */
export async function changesSince(this: IPollFunctions, state: PollState, events: TriggerEvent[]): Promise<{ changes: Change[]; state: PollState }> {
	const open = await openNow.call(this);
	const { fresh, head } = await newInvoices.call(this, state.head, false);
	const work: PollWork = { state, events, changes: [], next: { version: 1, open: {}, head } };
	const freshIds = new Set(fresh.map((item) => String(item.id)));
	await handleKnown.call(this, work, open);
	await handleNew.call(this, work, fresh.filter((item) => work.state.open[String(item.id)] === undefined), open);
	// Open invoices neither known nor new (e.g. more new ones than one poll reads): track them quietly.
	for (const [id, status] of open) if (!work.next.open[id] && !freshIds.has(id)) work.next.open[id] = [status, null];
	return { changes: work.changes, state: work.next };
}

/** "Fetch Test Event": the newest invoice that matches one of the events. */
export async function latestMatching(this: IPollFunctions, events: TriggerEvent[]): Promise<Change | undefined> {
	const statusOf: Partial<Record<TriggerEvent, string | undefined>> = {
		paid: 'PAID',
		partiallyPaid: 'PARTIAL',
		sent: 'SENT',
		canceled: 'CANCELED',
		created: undefined,
	};
	for (const event of events) {
		if (!(event in statusOf)) continue;
		const { items } = await listPage.call(this, 0, 1, statusOf[event]);
		if (items[0]) return { event, invoiceNumber: String(items[0].id) };
	}
	return undefined;
}
