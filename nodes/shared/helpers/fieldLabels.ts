import type { INodeProperties } from 'n8n-workflow';

/**
 * The label a parameter shows in the editor, found by its name in a node's properties (options
 * of collections included), so messages name a field exactly as the user sees it.
 */
export function displayNameOf(properties: readonly INodeProperties[], name: string): string {
	for (const property of properties) {
		if (property.name === name) return property.displayName;
		const nested = (property.options ?? []).filter(
			(option): option is INodeProperties => 'displayName' in option && 'type' in option,
		);
		if (nested.some((option) => option.name === name)) return displayNameOf(nested, name);
	}
	// A wrong name is a programming error; the unit tests load every caller.
	throw new Error(`No parameter is named "${name}"`);
}
