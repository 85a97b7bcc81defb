import type { INodeProperties } from 'n8n-workflow';

/** The most requests a node run may have in flight; more rarely helps and invites 429 answers. */
export const MAX_PARALLEL_REQUESTS = 20;

/**
 * Writes default to one request at a time: if an item fails and the run stops, nothing after it
 * was sent, so the run can be resumed from that item. Listing only reads, so Get Many fetches a
 * few pages at once by default.
 */
const DEFAULT_PARALLEL_REQUESTS: Record<string, number> = { getAll: 4 };

export function defaultParallelRequests(operation: string): number {
	return DEFAULT_PARALLEL_REQUESTS[operation] ?? 1;
}

const WRITE_HELP =
	'How many requests to Cybersource the node has in flight at once. 1 sends items one after another. For hundreds of invoices raise it to 5-10: each request waits for Cybersource, so 8 at once finish several times sooner. Output order and pairing stay the same. If Cybersource answers "too many requests", the node slows down by itself, waits as asked, then speeds up again; lower it if that happens often. With a higher number and On Error "Stop Workflow", items already sent when one fails still finish.';

const LIST_HELP =
	'How many requests to Cybersource the node has in flight at once: with Return All, how many pages of 1000 invoices are fetched at the same time. Output order stays the newest-first order of Cybersource. If Cybersource answers "too many requests", the node slows down by itself, waits as asked, then speeds up again; lower it if that happens often.';

function optionsFor(operations: string[], help: string): INodeProperties {
	const fallback = defaultParallelRequests(operations[0]);
	const description = `${help} A whole number from 1 to ${MAX_PARALLEL_REQUESTS}.`;
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['invoice'], operation: operations } },
		options: [
			{
				displayName: 'Parallel Requests',
				name: 'parallelRequests',
				type: 'number',
				// No min / max / precision: the editor would change 50 into 20 without a word; the node
				// refuses a value outside 1-20 instead (router.ts).
				default: fallback,
				description,
			},
		],
	};
}

/** Options of every invoice operation. */
export const invoiceOptions: INodeProperties[] = [
	optionsFor(['create', 'createDraft', 'send', 'publish', 'update', 'cancel', 'get'], WRITE_HELP),
	optionsFor(['getAll'], LIST_HELP),
];
