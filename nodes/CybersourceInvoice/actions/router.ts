import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { InputError, toNodeError } from '../helpers/inputError';
import * as invoice from './invoice';
import * as invoiceSettings from './invoiceSettings';

/** Every operation: reads item `itemIndex`, returns one or more output objects. */
type Operation = (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject | IDataObject[]>;

const OPERATIONS: Record<string, Operation> = {
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
 * The item loop: each input item runs the chosen operation once. With Continue On Fail (or the
 * error output) a failing item becomes `{ error, … }` paired to its input and the others go on.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = OPERATIONS[`${resource}:${operation}`];
	if (!run) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await run.call(this, itemIndex);
			output.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
					itemData: { item: itemIndex },
				}),
			);
		} catch (caught) {
			const error = asNodeError.call(this, caught, itemIndex);
			if (!this.continueOnFail()) throw error;
			const details = error as NodeApiError;
			// n8n moves an item to the error output only when its json holds nothing but `error`
			// (it then adds the input item's fields); the regular output gets the full explanation.
			const toErrorOutput = this.getNode().onError === 'continueErrorOutput';
			output.push({
				json: toErrorOutput
					? { error: error.message }
					: {
							error: error.message,
							...(details.description ? { description: details.description } : {}),
							...(details.httpCode ? { httpCode: details.httpCode } : {}),
						},
				pairedItem: { item: itemIndex },
			});
		}
	}
	return [output];
}
