import { randomBytes, randomUUID } from 'node:crypto';
import type { IExecuteFunctions } from 'n8n-workflow';

import { numberForItem, runCode, type NumberOrigin } from '../../../shared/helpers/invoiceNumber';

/** Where the seed lives in the node's execution context; other per-execution state uses other keys. */
export const SEED_KEY = 'invoiceNumberSeed';

/**
 * A random value for this node in this execution, made on its first run and kept in the node's
 * execution context. n8n-core keeps that context in the execution's data (`executionData.contextData`,
 * one object per node name), so Retry On Fail, a loop and a resumed execution see the same value;
 * a new execution, in this database or another one, starts with an empty context.
 */
function executionSeed(this: IExecuteFunctions): string {
	const context = this.getContext('node');
	const kept = context[SEED_KEY];
	if (typeof kept === 'string' && kept !== '') return kept;
	const seed = randomBytes(16).toString('hex');
	context[SEED_KEY] = seed;
	return seed;
}

/** Everything but the item index: the same for the whole run of the node, with its code (runCode). */
export type RunOrigin = Omit<NumberOrigin, 'itemIndex'> & { code: string };

/** Read once per run (NodeRun.numberOrigin): the data proxy is costly to build, and so is the code's hash. */
export function runOrigin(this: IExecuteFunctions): RunOrigin {
	const origin = {
		executionSeed: executionSeed.call(this),
		instanceId: this.getInstanceId(),
		workflowId: String(this.getWorkflow().id ?? ''),
		// Without an execution id nothing can be repeated safely anyway; a random one keeps it unique.
		executionId: this.getExecutionId() || randomUUID(),
		nodeId: this.getNode().id || this.getNode().name,
		runIndex: Number(this.getWorkflowDataProxy(0).$runIndex ?? 0),
	};
	return { ...origin, code: runCode(origin) };
}

/** The same on every try of this item in this execution; see assignedInvoiceNumber. */
export function assignNumber(origin: RunOrigin, itemIndex: number): string {
	return numberForItem(origin.code, itemIndex);
}
