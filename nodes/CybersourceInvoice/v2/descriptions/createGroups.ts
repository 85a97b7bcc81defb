import type { INodeProperties } from 'n8n-workflow';

import { createAdditionalFields } from '../../v1/descriptions/invoiceFields';
import { expirationDateField } from './invoiceFields';

/*
 * Version 1 offers Create's optional fields as one alphabetical list of 20. Version 2 groups them
 * by what they are about; each option keeps its version 1 name, so createCommon's reader passes
 * the same values to the shared body builder.
 */

/** "Add Field" → "Add field", as n8n's buttons read now. */
export function withSentenceCaseButton(property: INodeProperties): INodeProperties {
	const placeholder = property.placeholder?.replace(/^Add (\w+)$/, (_all, what: string) => `Add ${what.toLowerCase()}`);
	return placeholder === property.placeholder ? property : { ...property, placeholder };
}

/** Version 1's definition of an Additional Fields option, by name. */
function v1Option(name: string): INodeProperties {
	const option = (createAdditionalFields.options as INodeProperties[]).find((candidate) => candidate.name === name);
	if (!option) throw new Error(`Additional Fields has no option "${name}"`);
	return withSentenceCaseButton(option);
}

function group(displayName: string, name: string, description: string, options: INodeProperties[]): INodeProperties {
	return { displayName, name, type: 'collection', placeholder: 'Add field', default: {}, description, options };
}

/** The groups' names, in the order the panel shows them; createCommon reads the same list. */
export const CREATE_GROUPS = ['customerDetails', 'totals', 'paymentPage', 'references'] as const;

export const createGroups: INodeProperties[] = [
	group('Customer Details', 'customerDetails', "More about the customer: company and your own customer ID", [
		v1Option('companyName'),
		v1Option('merchantCustomerId'),
	]),
	group(
		'Totals',
		'totals',
		'Invoice-wide discount, tax and freight, in the order the total is computed: lines − discount + tax + freight',
		['discountAmount', 'discountPercent', 'taxAmount', 'taxRate', 'taxType', 'freightAmount', 'freightTaxable', 'freightTaxRate', 'subAmount', 'skipTotalCheck'].map(v1Option),
	),
	group('Payment Page', 'paymentPage', 'What the payment page asks for, and until when it works', [
		expirationDateField,
		v1Option('requestPhone'),
		v1Option('requestShipping'),
	]),
	group(
		'References',
		'references',
		'Your references for reconciliation and reporting',
		['transactionReferenceNumber', 'merchantDefinedFields', 'partnerDeveloperId', 'partnerSolutionId'].map(v1Option),
	),
];

/** Invoice Numbering, in Options: who numbers an invoice whose Invoice Number is empty. */
export const invoiceNumberingOption: INodeProperties = v1Option('invoiceNumbering');
