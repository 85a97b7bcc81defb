import type { OperationDescriptor } from '../operation';
import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as createDraft from './createDraft.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as publish from './publish.operation';
import * as send from './send.operation';
import * as update from './update.operation';

export { cancel, create, createDraft, get, getAll, publish, send, update };

/** The invoice operations, in the order their parameters appear in the node's description. */
export const invoiceOperations: OperationDescriptor[] = [create, createDraft, send, publish, update, cancel, get, getAll].map(
	(module) => module.descriptor,
);
