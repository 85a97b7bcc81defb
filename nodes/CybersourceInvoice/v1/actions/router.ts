import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { defaultParallelRequests, invoiceOptions, MAX_PARALLEL_REQUESTS } from '../descriptions/options';
import { parseWholeNumber } from '../../../shared/helpers/values';
import { displayNameOf } from '../../../shared/helpers/fieldLabels';
import { InputError, toNodeError } from '../../../shared/helpers/inputError';
import { withWarnings } from '../../../shared/transport/warnings';
import * as invoice from './invoice';
import * as invoiceSettings from './invoiceSettings';
import type { Outcome } from '../../../../credentials/signing/outcome';
import { NodeRun } from './nodeRun';
import { runConcurrently } from './concurrently';

/**
 * Every operation: reads item `itemIndex`, returns one or more output objects. `run` is shared by
 * all items of this run; every request passes it on (`{ scope: run, itemIndex }`).
 */
export type Operation = (this: IExecuteFunctions, itemIndex: number, run: NodeRun) => Promise<IDataObject | IDataObject[]>;

/** By `resource:operation`; version 2 runs the same functions (v2/actions/router.ts). */
export const OPERATIONS: Record<string, Operation> = {
	'invoice:create': invoice.create.execute,
	'invoice:createDraft': invoice.createDraft.execute,
	'invoice:send': invoice.send.execute,
	'invoice:publish': invoice.publish.execute,
	'invoice:update': invoice.update.execute,
	'invoice:cancel': invoice.cancel.execute,
	'invoice:get': invoice.get.execute,
	'invoice:getAll': invoice.getAll.execute,
	'invoiceSettings:get': invoiceSettings.get.execute,
	'invoiceSettings:update': invoiceSettings.update.execute,
};

/** Errors keep their item: input problems become NodeOperationErrors that name field and item. */
function asNodeError(this: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof InputError) return toNodeError(this.getNode(), error, itemIndex);
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(this.getNode(), error as Error, { itemIndex });
}

/**
 * With Continue On Fail (or the error output) a failing item becomes `{ error, … }` paired to its
 * input. n8n moves an item to the error output only when its json holds nothing but `error` (it
 * then adds the input item's fields); the regular output gets the full explanation.
 */
function errorItem(this: IExecuteFunctions, error: Error, itemIndex: number): INodeExecutionData {
	const details = error as NodeApiError;
	const toErrorOutput = this.getNode().onError === 'continueErrorOutput';
	return {
		json: toErrorOutput
			? { error: error.message }
			: {
					error: error.message,
					...(details.description ? { description: details.description } : {}),
					...(details.httpCode ? { httpCode: details.httpCode } : {}),
				},
		pairedItem: { item: itemIndex },
	};
}

/** The Parallel Requests option (invoice operations only), read once for the whole run. */
function parallelRequestsOf(this: IExecuteFunctions, resource: string, operation: string): number {
	if (resource !== 'invoice') return 1;
	const value = this.getNodeParameter('options.parallelRequests', 0, defaultParallelRequests(operation));
	try {
		return parseWholeNumber(value, displayNameOf(invoiceOptions, 'parallelRequests'), 1, MAX_PARALLEL_REQUESTS, `a whole number from 1 to ${MAX_PARALLEL_REQUESTS}`);
	} catch (error) {
		throw toNodeError(this.getNode(), error as InputError, 0);
	}
}

/**
 * The item loop: each input item runs the chosen operation once, up to Parallel Requests items at
 * a time, and the output keeps item order and pairing. With Continue On Fail (or the error
 * output) a failing item becomes an error item and the others go on; otherwise the run stops with
 * the first failing item's error.
 */
export async function routeV1(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runItemLoop.call(this, OPERATIONS);
}

/** The item loop above, for a node version's own table of operations. */
export async function runItemLoop(this: IExecuteFunctions, operations: Record<string, Operation>): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const execute = operations[`${resource}:${operation}`];
	if (!execute) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}

	const parallel = parallelRequestsOf.call(this, resource, operation);
	const stopOnError = !this.continueOnFail();
	const run = new NodeRun(this, parallel);
	const outcomes: Array<Outcome<IDataObject | IDataObject[]> | undefined> = await runConcurrently(items.length, parallel, async (itemIndex) => {
		try {
			// Warnings recorded in the run for this item (e.g. a corrected clock) go into `warning`.
			return withWarnings(await execute.call(this, itemIndex, run), run.warnings.take(itemIndex));
		} finally {
			run.warnings.take(itemIndex); // after an error, the error says what matters: carry nothing over
		}
	}, stopOnError);

	// In item order, whatever order the requests finished in.
	const output: INodeExecutionData[] = [];
	for (const [itemIndex, outcome] of outcomes.entries()) {
		if (!outcome) continue; // not started: an earlier item failed and the run stops
		if (outcome.ok) {
			output.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(outcome.value), {
					itemData: { item: itemIndex },
				}),
			);
			continue;
		}
		const error = asNodeError.call(this, outcome.error, itemIndex);
		if (stopOnError) throw error;
		output.push(errorItem.call(this, error, itemIndex));
	}
	return [output];
}
