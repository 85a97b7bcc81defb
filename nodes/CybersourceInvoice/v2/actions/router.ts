import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { InputError } from '../../../shared/helpers/inputError';
import { isOn } from '../../../shared/helpers/text';
import type { NodeRun } from '../../actions/nodeRun';
import { runItemLoop } from '../../actions/router';
import type { Execute, OperationDescriptor } from '../../actions/operation';
import { RENAMED_SETTINGS } from '../descriptions/invoiceSettings';
import { RENAMED_LINE_FIELDS } from '../descriptions/lineItems';
import { inSimplifiedOrder } from './output';
import { refusePastDueDate } from './pastDueDate';
import { VERSION_2_OPERATIONS } from './versionDescription';

/** Shared rules name fields with version 1's labels; these are the ones version 2 renamed. */
const RENAMED: Record<string, string> = { ...RENAMED_LINE_FIELDS, ...RENAMED_SETTINGS };

function withVersion2Label(error: unknown): unknown {
	if (!(error instanceof InputError) || !(error.field in RENAMED)) return error;
	return new InputError(RENAMED[error.field], error.problem, error.line);
}

/** The operation, with version 2's rule for past due dates, its field labels in messages and its simplified order. */
function version2(descriptor: OperationDescriptor): Execute {
	return async function (this: IExecuteFunctions, itemIndex: number, run: NodeRun) {
		let output: IDataObject | IDataObject[];
		try {
			refusePastDueDate.call(this, descriptor, itemIndex, run);
			output = await descriptor.execute.call(this, itemIndex, run);
		} catch (error) {
			throw withVersion2Label(error);
		}
		// Read by the operation already, which refused anything but a yes or no.
		if (!descriptor.simplify || !isOn(this.getNodeParameter('simplify', itemIndex, true), 'Simplify')) return output;
		return Array.isArray(output) ? output.map(inSimplifiedOrder) : inSimplifiedOrder(output);
	};
}

/** The shared item loop (Parallel Requests, pairing, error items) over version 2's operations. */
export async function routeV2(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runItemLoop.call(this, VERSION_2_OPERATIONS, version2);
}
