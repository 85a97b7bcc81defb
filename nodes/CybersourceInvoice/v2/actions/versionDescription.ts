import { versionDescription as v1 } from '../../v1/actions/versionDescription';
import * as invoice from '../descriptions/invoice';
import * as invoiceSettings from '../descriptions/invoiceSettings';

/** What the canvas shows under the node, in words, for each resource and operation. */
export const SUBTITLES: Record<string, string> = {
	'invoice:create': 'Create invoice',
	'invoice:createDraft': 'Create draft',
	'invoice:send': 'Send invoice',
	'invoice:publish': 'Publish draft',
	'invoice:update': 'Update invoice',
	'invoice:cancel': 'Cancel invoice',
	'invoice:get': 'Get invoice',
	'invoice:getAll': 'Get many invoices',
	'invoiceSettings:get': 'Get settings',
	'invoiceSettings:update': 'Update settings',
};

/** Version 2's parameters; the resource list, credentials and connections are version 1's. */
export const versionDescription: typeof v1 = {
	...v1,
	version: 2,
	subtitle: `={{ ${JSON.stringify(SUBTITLES)}[$parameter["resource"] + ":" + $parameter["operation"]] }}`,
	properties: [v1.properties[0], ...invoice.description, ...invoiceSettings.description],
};
