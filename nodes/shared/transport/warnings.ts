/**
 * Warnings for the output items of one node run (for example "this machine's clock is off", or
 * "the due date has passed"). The transport and the operations record them in the run's
 * RequestScope, per item (items may run in parallel); the router adds each item's to its
 * `warning` field.
 */
import type { IDataObject } from 'n8n-workflow';

export class ItemWarnings {
	private readonly byItem = new Map<number, string[]>();

	/** Records `warning` for item `itemIndex`; without an item (e.g. a dropdown's list) there is no output to warn in. */
	record(itemIndex: number | undefined, warning: string): void {
		if (itemIndex === undefined) return;
		const list = this.byItem.get(itemIndex) ?? [];
		if (!list.includes(warning)) list.push(warning);
		this.byItem.set(itemIndex, list);
	}

	/** The warnings recorded for the item since the last call, once each; its list is emptied. */
	take(itemIndex: number): string[] {
		const list = this.byItem.get(itemIndex) ?? [];
		this.byItem.delete(itemIndex);
		return list;
	}
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
