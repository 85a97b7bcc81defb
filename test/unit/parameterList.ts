import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

/**
 * A node version's parameters as lines `where › path = default`: where they show (resource and
 * operation) and the name path inside collections. What a saved workflow depends on: if a line
 * changes, workflows saved with that version may read their values differently.
 */
export function parameterList(properties: readonly INodeProperties[], prefix = ''): string[] {
	return properties.flatMap((property) => {
		const show = property.displayOptions?.show ?? {};
		const where = ['resource', 'operation']
			.filter((key) => show[key])
			.map((key) => `${key}=${(show[key] as unknown[]).join('|')}`)
			.join(' ');
		const path = `${prefix}${property.name}`;
		const line = `${where ? `[${where}] ` : ''}${path} (${property.type}) = ${JSON.stringify(property.default)}`;
		return [line, ...nested(property, `${path}.`)];
	});
}

function nested(property: INodeProperties, prefix: string): string[] {
	const options = (property.options ?? []) as Array<INodeProperties | INodePropertyCollection | INodePropertyOptions>;
	if (property.type === 'collection') return parameterList(options as INodeProperties[], prefix);
	if (property.type === 'fixedCollection') {
		return (options as INodePropertyCollection[]).flatMap((group) => parameterList(group.values, `${prefix}${group.name}.`));
	}
	if (property.type === 'options') return [`${prefix.slice(0, -1)} values: ${(options as INodePropertyOptions[]).map((option) => String(option.value)).join(', ')}`];
	return [];
}
