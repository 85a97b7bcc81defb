import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { OPEN_STATUSES } from '../../shared/helpers/statuses';
import { paymentsMadeAtBalance, paymentsOf } from '../../shared/helpers/payments';
import { MAX_PAGE_SIZE } from '../../shared/transport/pagination';
import type { TriggerEvent } from '../../shared/triggers/events';
import { findInvoice, listInvoicePage } from '../../shared/api/invoices';
import { singleRequest } from '../../shared/transport';
import { changesOfInvoice, type Change } from './pollChanges';

export type { Change } from './pollChanges';

/**
 * Polling keeps only the OPEN invoices (number → status and how many of its payments were
 * reported) plus the few newest invoice numbers. Each poll lists the open statuses (one request
 * per 1,000 open invoices of a status) and the head of the newest-first list, so its cost follows
 * the open invoices, never every invoice ever issued. PENDING is not a list filter the API
 * documents: such invoices are read one by one until they leave PENDING.
 */
const OPEN: string[] = OPEN_STATUSES;
const LISTED_OPEN = OPEN.filter((status) => status !== 'PENDING');
/** Statuses an invoice with a payment can no longer have: their payment count is 0 without a read. */
const UNPAID = ['DRAFT', 'CREATED', 'SENT'];
const HEAD_KEEP = 5;
const HEAD_PAGE = 50;
/** New invoices looked at per poll; beyond this they are still tracked, only "created" is not emitted. */
const MAX_NEW_PER_POLL = 1000;

/**
 * [status, payments already reported or null when not known]. Version 1 kept the PARTIAL balance
 * in the second place instead; it is turned into a payment count when the invoice is next read.
 */
type OpenEntry = [string, number | null];

export interface PollState extends IDataObject {
	version: 1 | 2;
	open: Record<string, OpenEntry>;
	head: string[];
}

async function listPage(this: IPollFunctions, offset: number, limit: number, status?: string): Promise<{ items: IDataObject[]; total: number }> {
	const page = await listInvoicePage.call(this, { offset, limit, status }, singleRequest());
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
	const state: PollState = { version: 2, open: {}, head: (await newInvoices.call(this, [], true)).head };
	for (const [id, status] of open) {
		// A PARTIAL invoice's payments so far are counted now, so the next one is the first reported.
		const invoice = status === 'PARTIAL' && events.includes('partiallyPaid') ? await findInvoice.call(this, id, singleRequest()) : undefined;
		state.open[id] = [status, invoice ? paymentsOf(invoice).length : UNPAID.includes(status) ? 0 : null];
	}
	return state;
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

/** Payments already reported when `entry` was saved; a version 1 entry held the balance instead. */
function reportedOf(state: PollState, entry: OpenEntry, invoice: IDataObject | undefined): number | null {
	const [status, value] = entry;
	if (state.version === 2) return value;
	if (UNPAID.includes(status)) return 0;
	return invoice && value !== null ? paymentsMadeAtBalance(invoice, paymentsOf(invoice), value) : null;
}

/** The entry kept for the next poll, when the invoice is still open. */
function keep(work: PollWork, id: string, status: string, reported: number | null): void {
	if (OPEN.includes(status)) work.next.open[id] = [status, UNPAID.includes(status) ? 0 : reported];
}

/** Whether an invoice in this status must be read to report its payments. */
function paymentsWanted(events: TriggerEvent[], status: string): boolean {
	if (status === 'PAID') return events.includes('paid') || events.includes('partiallyPaid');
	return (status === 'PARTIAL' || status === 'PENDING') && events.includes('partiallyPaid');
}

/** Invoices new since the last poll: "created", then each payment (or status) they already reached. */
async function handleNew(this: IPollFunctions, work: PollWork, fresh: IDataObject[], open: Map<string, string>): Promise<void> {
	for (const item of [...fresh].reverse()) {
		const id = String(item.id);
		const status = open.get(id) ?? String(item.status ?? '');
		const invoice = paymentsWanted(work.events, status) ? await findInvoice.call(this, id, singleRequest()) : undefined;
		emit(work, { event: 'created', invoiceNumber: id, invoice });
		for (const change of changesOfInvoice({ id, status, invoice, reported: 0 })) emit(work, change);
		keep(work, id, status, invoice ? paymentsOf(invoice).length : null);
	}
}

/** Known open invoices: new payments, a status change, or gone from the open lists. */
async function handleKnown(this: IPollFunctions, work: PollWork, open: Map<string, string>): Promise<void> {
	for (const [id, entry] of Object.entries(work.state.open)) {
		const previous = entry[0];
		let status = open.get(id);
		let invoice: IDataObject | undefined;
		// A PARTIAL invoice is read each poll: only its history shows another partial payment.
		if (status === undefined || (status === 'PARTIAL' && work.events.includes('partiallyPaid'))) {
			invoice = await findInvoice.call(this, id, singleRequest());
			if (!invoice) continue; // gone: forget it
			status = String(invoice.status ?? '');
		}
		const reported = reportedOf(work.state, entry, invoice);
		for (const change of changesOfInvoice({ id, status, invoice, previous, reported })) emit(work, change);
		keep(work, id, status, invoice ? paymentsOf(invoice).length : status === previous ? reported : null);
	}
}

/** A later poll: every change since the previous poll, oldest invoices first, and the new state. */
export async function changesSince(this: IPollFunctions, state: PollState, events: TriggerEvent[]): Promise<{ changes: Change[]; state: PollState }> {
	const open = await openNow.call(this);
	const { fresh, head } = await newInvoices.call(this, state.head, false);
	const work: PollWork = { state, events, changes: [], next: { version: 2, open: {}, head } };
	const freshIds = new Set(fresh.map((item) => String(item.id)));
	await handleKnown.call(this, work, open);
	await handleNew.call(this, work, fresh.filter((item) => work.state.open[String(item.id)] === undefined), open);
	// Open invoices neither known nor new (e.g. more new ones than one poll reads): track them quietly.
	for (const [id, status] of open) if (!work.next.open[id] && !freshIds.has(id)) keep(work, id, status, null);
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
