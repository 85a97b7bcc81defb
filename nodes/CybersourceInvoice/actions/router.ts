import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { InputError, toNodeError } from '../../shared/helpers/inputError';
import { withWarnings } from '../../shared/transport/warnings';
import type { Outcome } from '../../../credentials/signing/outcome';
import { findOperation, type Execute, type OperationDescriptor } from './operation';
import { readParallelRequests } from './parallelRequests';
import { NodeRun } from './nodeRun';
import { runConcurrently } from './concurrently';

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

/**
 * The item loop: each input item runs the chosen operation once, up to Parallel Requests items at
 * a time, and the output keeps item order and pairing. With Continue On Fail (or the error
 * output) a failing item becomes an error item and the others go on; otherwise the run stops with
 * the first failing item's error. `operations` is the node version's list; `adapt` lets a version
 * wrap an operation's execute with its own rules (version 2: past due dates, labels, Simplify).
 */
export async function runItemLoop(
	this: IExecuteFunctions,
	operations: readonly OperationDescriptor[],
	adapt: (descriptor: OperationDescriptor) => Execute = (descriptor) => descriptor.execute,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const descriptor = findOperation(operations, resource, operation);
	if (!descriptor) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const execute = adapt(descriptor);

	const parallel = readParallelRequests.call(this, descriptor);
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
