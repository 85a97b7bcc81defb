import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError, toNodeError } from '../../shared/helpers/inputError';
import { parseWholeNumber } from '../../shared/helpers/values';
import type { OperationDescriptor, ParallelKind } from './operation';

/** The most requests a node run may have in flight; more rarely helps and invites 429 answers. */
export const MAX_PARALLEL_REQUESTS = 20;

const DISPLAY_NAME = 'Parallel Requests';

const HELP: Record<ParallelKind, string> = {
	items:
		'How many requests to Cybersource the node has in flight at once. 1 sends items one after another. For hundreds of invoices raise it to 5-10: each request waits for Cybersource, so 8 at once finish several times sooner. Output order and pairing stay the same. If Cybersource answers "too many requests", the node slows down by itself, waits as asked, then speeds up again; lower it if that happens often. With a higher number and On Error "Stop Workflow", items already sent when one fails still finish.',
	pages:
		'How many requests to Cybersource the node has in flight at once: with Return All, how many pages of 1000 invoices are fetched at the same time. Output order stays the newest-first order of Cybersource. If Cybersource answers "too many requests", the node slows down by itself, waits as asked, then speeds up again; lower it if that happens often.',
};

/**
 * The option under Options. Writes default to one request at a time (if an item fails and the run
 * stops, nothing after it was sent, so the run can be resumed from that item); listing only reads,
 * so Get Many fetches a few pages at once.
 */
export function parallelRequestsProperty(setting: NonNullable<OperationDescriptor['parallelRequests']>): INodeProperties {
	const fallback = setting.default;
	const description = `${HELP[setting.kind]} A whole number from 1 to ${MAX_PARALLEL_REQUESTS}.`;
	return {
		displayName: DISPLAY_NAME,
		name: 'parallelRequests',
		type: 'number',
		// No min / max / precision: the editor would change 50 into 20 without a word; the node
		// refuses a value outside 1-20 instead (readParallelRequests).
		default: fallback,
		description,
	};
}

/** The Parallel Requests of this run, read once from item 0; 1 where the operation has no such option. */
export function readParallelRequests(this: IExecuteFunctions, descriptor: OperationDescriptor): number {
	if (!descriptor.parallelRequests) return 1;
	const value = this.getNodeParameter('options.parallelRequests', 0, descriptor.parallelRequests.default);
	try {
		return parseWholeNumber(value, DISPLAY_NAME, 1, MAX_PARALLEL_REQUESTS, `a whole number from 1 to ${MAX_PARALLEL_REQUESTS}`);
	} catch (error) {
		throw toNodeError(this.getNode(), error as InputError, 0);
	}
}

/**
 * Operations that share one Options collection, in the list's order: same Parallel Requests
 * setting and the same `extra` options (a version's own, e.g. Allow Past Due Date).
 */
export function optionGroups(operations: readonly OperationDescriptor[], extra: (descriptor: OperationDescriptor) => string): OperationDescriptor[][] {
	const groups = new Map<string, OperationDescriptor[]>();
	for (const descriptor of operations) {
		if (!descriptor.parallelRequests) continue;
		const key = `${descriptor.parallelRequests.kind}:${descriptor.parallelRequests.default}:${extra(descriptor)}`;
		groups.set(key, [...(groups.get(key) ?? []), descriptor]);
	}
	return [...groups.values()];
}
