import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * A user input the API would refuse, found before anything is sent. `field` is the parameter's
 * display name; `line` is the 1-based line item, when the problem is in one.
 */
export class InputError extends Error {
	constructor(
		readonly field: string,
		readonly problem: string,
		readonly line?: number,
	) {
		super(`${line !== undefined ? `Line ${line} › ` : ''}${field}: ${problem}`);
	}

	/** Runs `read` for one line item: its input errors name that line. Others pass through. */
	static forLine<T>(line: number, read: () => T): T {
		try {
			return read();
		} catch (error) {
			throw InputError.withLine(error, line);
		}
	}

	private static withLine(error: unknown, line: number): unknown {
		return error instanceof InputError && error.line === undefined
			? new InputError(error.field, error.problem, line)
			: error;
	}
}

/**
 * How a message names the input item: counted from 1, like the lines ("Line 1 … [item 1]" is the
 * first line of the first item). n8n's own error panel still shows the 0-based Item Index beside it.
 */
export function itemTag(itemIndex: number): string {
	return `[item ${itemIndex + 1}]`;
}

/** The NodeOperationError n8n shows: field, line and item named in the message. */
export function toNodeError(node: INode, error: InputError, itemIndex: number): NodeOperationError {
	return new NodeOperationError(node, `${error.message} ${itemTag(itemIndex)}`, {
		itemIndex,
		description: 'Nothing was sent to Cybersource. Fix the value and run the node again.',
	});
}
