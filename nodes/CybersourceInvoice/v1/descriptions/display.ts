import type { INodeProperties } from 'n8n-workflow';

/** Shows shared field definitions only for the given resource and operations. */
export function showFor(
	resource: string,
	operations: string[],
	properties: INodeProperties[],
	extra: Record<string, Array<string | boolean>> = {},
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, resource: [resource], operation: operations, ...extra },
		},
	}));
}
