import type { INodeProperties } from 'n8n-workflow';

import * as v1 from '../../actions/invoiceSettings';

/** Labels version 2 changed to n8n's current names. */
export const RENAMED_SETTINGS: Record<string, string> = { 'Logo (Binary Property)': 'Logo Input Binary Field' };

/** Version 1's settings parameters (same names and rules), with version 2's labels. */
export const description: INodeProperties[] = v1.description.map((property) => {
	if (property.name !== 'settingsFields') return property;
	return {
		...property,
		placeholder: 'Add field',
		options: (property.options as INodeProperties[]).map((option) => ({
			...option,
			displayName: RENAMED_SETTINGS[option.displayName] ?? option.displayName,
		})),
	};
});
