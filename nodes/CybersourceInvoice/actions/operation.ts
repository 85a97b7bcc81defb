import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ACTIONS } from '../../shared/helpers/statuses';
import type { NodeRun } from './nodeRun';

/**
 * Runs one operation for input item `itemIndex` and returns its output object(s). `run` is shared
 * by all items of the node run; every request passes it on (`{ scope: run, itemIndex }`).
 */
export type Execute = (this: IExecuteFunctions, itemIndex: number, run: NodeRun) => Promise<IDataObject | IDataObject[]>;

/** What the Parallel Requests option does for an operation: send items, or fetch pages of a list. */
export type ParallelKind = 'items' | 'pages';

/**
 * Everything the node knows about one operation, in one place. The router, the canvas subtitle,
 * the Operation and Options parameters, version 2's Simplify and due-date rules and the invoice
 * picker are all built from the list of descriptors, so an operation is added in one file.
 */
export interface OperationDescriptor {
	resource: string;
	operation: string;
	/** Its entry in the Operation list (name, description, action), the same in every version. */
	option: Omit<INodePropertyOptions, 'value'>;
	/** Its parameters as version 1 shows them (version 2 derives its own from them). */
	properties: INodeProperties[];
	/** What the canvas shows under the node in version 2, in words ("Create invoice"). */
	subtitle: string;
	execute: Execute;
	/** Version 2 orders its output for Simplify (the operation itself reads the Simplify parameter). */
	simplify: boolean;
	/** Offers Parallel Requests with this default; without it the operation runs items one at a time. */
	parallelRequests?: { default: number; kind: ParallelKind };
	/** The parameter holding a due date: version 2 refuses a past one unless the user allows it. */
	dueDateParameter?: string;
	/** The node may number the invoice itself (version 2's Options › Invoice Numbering). */
	assignsNumber?: boolean;
	/** The status rule it follows on an existing invoice: the picker offers only invoices it can act on. */
	invoiceRule?: keyof typeof ACTIONS;
}

export function keyOf(descriptor: Pick<OperationDescriptor, 'resource' | 'operation'>): string {
	return `${descriptor.resource}:${descriptor.operation}`;
}

/** The descriptor of `resource` / `operation`, or undefined when this list has none. */
export function findOperation(operations: readonly OperationDescriptor[], resource: string, operation: string): OperationDescriptor | undefined {
	return operations.find((descriptor) => descriptor.resource === resource && descriptor.operation === operation);
}

/** The Operation parameter of a resource: its descriptors' entries, by name as n8n's lint wants. */
export function operationProperty(resource: string, operations: readonly OperationDescriptor[], defaultOperation: string): INodeProperties {
	const options: INodePropertyOptions[] = operations
		.filter((descriptor) => descriptor.resource === resource)
		.map((descriptor) => ({ ...descriptor.option, value: descriptor.operation }))
		.sort((a, b) => a.name.localeCompare(b.name));
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
}

/** The Resource parameter of a node version, listing the resources it offers (the first is the default). */
export function resourceProperty(resources: INodePropertyOptions[]): INodeProperties {
	const fallback = resources[0].value;
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources,
		default: fallback,
	};
}
