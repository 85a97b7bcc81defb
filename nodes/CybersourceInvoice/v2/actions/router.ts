import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { InputError } from '../../../shared/helpers/inputError';
import { isOn } from '../../../shared/helpers/text';
import type { NodeRun } from '../../v1/actions/nodeRun';
import { OPERATIONS, runItemLoop, type Operation } from '../../v1/actions/router';
import { RENAMED_SETTINGS } from '../descriptions/invoiceSettings';
import { RENAMED_LINE_FIELDS } from '../descriptions/lineItems';
import { inSimplifiedOrder } from './output';
import { refusePastDueDate } from './pastDueDate';

/** Shared rules name fields with version 1's labels; these are the ones version 2 renamed. */
const RENAMED: Record<string, string> = { ...RENAMED_LINE_FIELDS, ...RENAMED_SETTINGS };

function withVersion2Label(error: unknown): unknown {
	if (!(error instanceof InputError) || !(error.field in RENAMED)) return error;
	return new InputError(RENAMED[error.field], error.problem, error.line);
}

/**
 * Version 1's operation, with version 2's rule for past due dates, its field labels in messages
 * and its simplified order.
 */
function version2(key: string, execute: Operation): Operation {
	const hasSimplify = key.startsWith('invoice:');
	return async function (this: IExecuteFunctions, itemIndex: number, run: NodeRun) {
		let output: IDataObject | IDataObject[];
		try {
			refusePastDueDate.call(this, key, itemIndex);
			output = await execute.call(this, itemIndex, run);
		} catch (error) {
			throw withVersion2Label(error);
		}
		// Read by the operation already, which refused anything but a yes or no.
		if (!hasSimplify || !isOn(this.getNodeParameter('simplify', itemIndex, true), 'Simplify')) return output;
		return Array.isArray(output) ? output.map(inSimplifiedOrder) : inSimplifiedOrder(output);
	};
}

const V2_OPERATIONS: Record<string, Operation> = Object.fromEntries(
	Object.entries(OPERATIONS).map(([key, execute]) => [key, version2(key, execute)]),
);

/** Version 1's item loop (Parallel Requests, pairing, error items) over version 2's operations. */
export async function routeV2(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runItemLoop.call(this, V2_OPERATIONS);
}
