/**
 * Warnings the transport has for the output item being worked on (for example "this machine's
 * clock is off"). Operations need not pass them along: the transport records them against the
 * node's execution context and the item (items may run in parallel) and the router adds them to
 * the item's `warning` field.
 */
import type { IDataObject } from 'n8n-workflow';

const pending = new WeakMap<object, Map<number, string[]>>();

/** Records `warning` for item `itemIndex`; without an item (e.g. a dropdown's list) there is no output to warn in. */
export function recordWarning(context: object, itemIndex: number | undefined, warning: string): void {
	if (itemIndex === undefined) return;
	const items = pending.get(context) ?? new Map<number, string[]>();
	const list = items.get(itemIndex) ?? [];
	if (!list.includes(warning)) list.push(warning);
	items.set(itemIndex, list);
	pending.set(context, items);
}

/** The warnings recorded for the item since the last call, once each; its list is emptied. */
export function takeWarnings(context: object, itemIndex: number): string[] {
	const items = pending.get(context);
	const list = items?.get(itemIndex) ?? [];
	items?.delete(itemIndex);
	return list;
}

/** Adds `warnings` to each output object's `warning` text (after a warning it already has). */
export function withWarnings<T extends IDataObject | IDataObject[]>(result: T, warnings: string[]): T {
	if (warnings.length === 0) return result;
	const add = (object: IDataObject): IDataObject => ({
		...object,
		warning: [typeof object.warning === 'string' ? object.warning : '', ...warnings].filter(Boolean).join(' '),
	});
	return (Array.isArray(result) ? result.map(add) : add(result)) as T;
}
