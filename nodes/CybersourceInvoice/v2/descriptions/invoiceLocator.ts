import type { INodeProperties } from 'n8n-workflow';

import { invoiceLocator as v1Locator } from '../../v1/descriptions/invoiceLocator';

/** Version 1's locator; its typed mode is labelled "By ID" as in n8n's own nodes (the ID is the invoice number). */
export const invoiceLocator: INodeProperties = {
	...v1Locator,
	description: 'The invoice to act on, picked from the most recent invoices or given by its ID (its invoice number)',
	modes: (v1Locator.modes ?? []).map((mode) =>
		mode.name === 'id'
			? { ...mode, displayName: 'By ID', hint: "The invoice's ID, which is also its invoice number, as returned by Create or Get Many" }
			: mode,
	),
};
