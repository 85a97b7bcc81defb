import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { invoiceOperations } from '../../actions/invoice';
import { invoiceSettingsOperations } from '../../actions/invoiceSettings';
import { operationProperty, resourceProperty } from '../../actions/operation';
import { invoiceOptions } from '../descriptions/options';

/** Version 1's operations: invoices and the invoice settings. */
export const VERSION_1_OPERATIONS = [...invoiceOperations, ...invoiceSettingsOperations];

/** Version 1's parameters; name, icon and the other version-independent parts are in the base description. */
export const versionDescription: Omit<INodeTypeDescription, 'displayName' | 'name' | 'group' | 'description'> = {
	version: 1,
	subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
	defaults: { name: 'Cybersource Invoice' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'cybersourceApi', required: true }],
	properties: [
		resourceProperty([
			{ name: 'Invoice', value: 'invoice' },
			{ name: 'Invoice Setting', value: 'invoiceSettings' },
		]),
		operationProperty('invoice', invoiceOperations, 'create'),
		...invoiceOperations.flatMap((descriptor) => descriptor.properties),
		...invoiceOptions,
		operationProperty('invoiceSettings', invoiceSettingsOperations, 'get'),
		...invoiceSettingsOperations.flatMap((descriptor) => descriptor.properties),
	],
};
