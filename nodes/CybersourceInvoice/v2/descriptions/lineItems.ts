import type { INodeProperties } from 'n8n-workflow';

import { lineItemProperties as v1LineItemProperties } from '../../v1/descriptions/lineItems';

/** Labels version 2 changed, so that the same thing has the same name everywhere. */
export const RENAMED_LINE_FIELDS: Record<string, string> = { 'Discount %': 'Discount Percent' };

function relabel(property: INodeProperties): INodeProperties {
	const displayName = RENAMED_LINE_FIELDS[property.displayName] ?? property.displayName;
	return { ...property, displayName };
}

/** Version 1's line-item parameters (same names and rules), with version 2's labels. */
export function lineItemProperties(forUpdate: boolean): INodeProperties[] {
	return v1LineItemProperties(forUpdate).map((property) => {
		if (property.name !== 'lineItems') return property;
		const rows = (property.options ?? []) as Array<{ displayName: string; name: string; values: INodeProperties[] }>;
		return {
			...property,
			placeholder: 'Add line',
			options: rows.map((row) => ({ ...row, values: row.values.map(relabel) })),
		};
	});
}
