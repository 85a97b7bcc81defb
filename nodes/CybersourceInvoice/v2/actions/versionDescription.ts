import { invoiceOperations } from '../../actions/invoice';
import { invoiceSettingsOperations } from '../../actions/invoiceSettings';
import { keyOf, resourceProperty } from '../../actions/operation';
import { versionDescription as v1 } from '../../v1/actions/versionDescription';
import * as invoice from '../descriptions/invoice';
import * as invoiceSettings from '../descriptions/invoiceSettings';

/** Version 2's resources and their operations (a new resource is added here and in its description). */
export const VERSION_2_OPERATIONS = [...invoiceOperations, ...invoiceSettingsOperations];

/** What the canvas shows under the node, in words, for each resource and operation. */
export const SUBTITLES: Record<string, string> = Object.fromEntries(
	VERSION_2_OPERATIONS.map((descriptor) => [keyOf(descriptor), descriptor.subtitle]),
);

/** Version 2's parameters; credentials and connections are version 1's. */
export const versionDescription: typeof v1 = {
	...v1,
	version: 2,
	subtitle: `={{ ${JSON.stringify(SUBTITLES)}[$parameter["resource"] + ":" + $parameter["operation"]] }}`,
	properties: [
		resourceProperty([
			{ name: 'Invoice', value: 'invoice' },
			{ name: 'Invoice Setting', value: 'invoiceSettings' },
		]),
		...invoice.description,
		...invoiceSettings.description,
	],
};
