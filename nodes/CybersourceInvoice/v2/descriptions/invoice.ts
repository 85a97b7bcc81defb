import type { INodeProperties } from 'n8n-workflow';

import * as v1 from '../../actions/invoice';
import { operationProperty } from '../../actions/operation';
import { showFor } from '../../v1/descriptions/display';
import {
	allowPartialPaymentsField,
	customerEmailField,
	customerNameField,
	descriptionField,
	minimumPartialAmountField,
	updateFields as v1UpdateFields,
} from '../../v1/descriptions/invoiceFields';
import { createGroups, withSentenceCaseButton } from './createGroups';
import { currencyField, dueDateField, expirationDateField, invoiceNumberField, simplifyField, totalAmountField } from './invoiceFields';
import { invoiceLocator } from './invoiceLocator';
import { lineItemProperties } from './lineItems';
import { invoiceOptions } from './options';

/** A parameter of a version 1 operation, by name. */
function v1Parameter(properties: INodeProperties[], name: string): INodeProperties {
	const property = properties.find((candidate) => candidate.name === name);
	if (!property) throw new Error(`Version 1 has no parameter "${name}" here`);
	return property;
}

/** Create and Create Draft: invoice number near the top, line items before the total they give. */
function createProperties(operation: 'create' | 'createDraft', delivery: string): INodeProperties[] {
	return showFor('invoice', [operation], [
		customerNameField,
		customerEmailField,
		{ ...descriptionField, required: true },
		invoiceNumberField,
		{ ...dueDateField, required: true },
		{ ...currencyField, required: true },
		...lineItemProperties(false),
		totalAmountField,
		allowPartialPaymentsField,
		{ ...minimumPartialAmountField, displayOptions: { show: { allowPartialPayments: [true] } } },
		v1Parameter(v1[operation].description, delivery),
		...createGroups,
		simplifyField,
	]);
}

/** Version 2's looks of fields Update Fields shares with Create. */
const UPDATE_FIELD_LOOKS: Record<string, INodeProperties> = {
	currency: currencyField,
	dueDate: dueDateField,
	expirationDate: expirationDateField,
	totalAmount: totalAmountField,
};

const updateFields: INodeProperties = {
	...v1UpdateFields,
	placeholder: 'Add field',
	options: (v1UpdateFields.options as INodeProperties[]).map((option) => UPDATE_FIELD_LOOKS[option.name] ?? withSentenceCaseButton(option)),
};

function updateProperties(): INodeProperties[] {
	const locator = v1Parameter(v1.update.description, 'invoiceId');
	return showFor('invoice', ['update'], [
		{ ...invoiceLocator, description: locator.description, hint: locator.hint },
		updateFields,
		...lineItemProperties(true),
		v1Parameter(v1.update.description, 'sendAfterUpdate'),
		simplifyField,
	]);
}

/** Send, Publish, Cancel, Get and Get Many as in version 1, with version 2's locator, Simplify and labels. */
function asVersion2(properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => {
		const show = { displayOptions: property.displayOptions };
		if (property.name === 'simplify') return { ...simplifyField, ...show };
		if (property.name === 'invoiceId') return { ...invoiceLocator, description: property.description, ...show };
		if (property.name === 'filters') return { ...property, placeholder: 'Add filter' };
		return property;
	});
}


export const description: INodeProperties[] = [
	operationProperty('invoice', v1.invoiceOperations, 'create'),
	...createProperties('create', 'sendByEmail'),
	...createProperties('createDraft', 'emailWhenSent'),
	...asVersion2(v1.send.description),
	...asVersion2(v1.publish.description),
	...updateProperties(),
	...asVersion2(v1.cancel.description),
	...asVersion2(v1.get.description),
	...asVersion2(v1.getAll.description),
	...invoiceOptions,
];
