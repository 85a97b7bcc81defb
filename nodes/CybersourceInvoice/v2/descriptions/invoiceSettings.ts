import type { INodeProperties } from 'n8n-workflow';

import { invoiceSettingsOperations } from '../../actions/invoiceSettings';
import { operationProperty } from '../../actions/operation';

/** Labels version 2 changed to n8n's current names. */
export const RENAMED_SETTINGS: Record<string, string> = { 'Logo (Binary Property)': 'Logo Input Binary Field' };

/** Version 1's settings parameters (same names and rules), with version 2's labels. */
const version1: INodeProperties[] = [
	operationProperty('invoiceSettings', invoiceSettingsOperations, 'get'),
	...invoiceSettingsOperations.flatMap((descriptor) => descriptor.properties),
];

export const description: INodeProperties[] = version1.map((property) => {
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
