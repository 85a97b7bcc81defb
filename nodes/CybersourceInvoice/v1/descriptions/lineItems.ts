import type { INodeProperties } from 'n8n-workflow';

import { ARRAY_FIELD } from '../../../shared/helpers/lineItems';
import { MAX_LINE_ITEMS } from '../../../shared/helpers/limits';

const lineFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'e.g. Consulting hours',
		description: 'What is being invoiced on this line (required, at most 255 characters)',
	},
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		default: '',
		placeholder: 'e.g. CONS-001',
		description: 'Your product code for this line (optional)',
	},
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		// No numberPrecision / minValue: n8n's editor would round 1.5 to 2 (or raise 0 to 1) without a
		// word. The node refuses what is not a whole number from 1 up, naming the line and the item.
		default: 1,
		description: 'A whole number from 1 to 999,999,999',
	},
	{
		displayName: 'Unit Price',
		name: 'unitPrice',
		type: 'string',
		default: '',
		placeholder: 'e.g. 150.00',
		description: 'Price of one unit, like 150.00 (digits and an optional "." only)',
	},
	{
		displayName: 'Discount Amount',
		name: 'discountAmount',
		type: 'string',
		default: '',
		description: 'Discount on this line, subtracted from its total',
	},
	{
		displayName: 'Discount %',
		name: 'discountPercent',
		type: 'string',
		default: '',
		description: 'Discount on this line in percent (at most 2 decimals). Used for the line total when no Discount Amount is given.',
	},
	{
		displayName: 'Tax Amount',
		name: 'taxAmount',
		type: 'string',
		default: '',
		description: 'Tax on this line, added to its total',
	},
	{
		displayName: 'Tax Rate',
		name: 'taxRate',
		type: 'string',
		default: '',
		description: 'Tax rate of this line in percent. Used for the line total when no Tax Amount is given.',
	},
	{
		displayName: 'Line Total',
		name: 'totalAmount',
		type: 'string',
		default: '',
		placeholder: 'Leave empty to compute',
		description:
			'Total of this line. Leave empty to compute it: quantity × unit price − discount + tax. A total given here must equal that, unless Skip Total Check is on.',
	},
];

const fieldsMode = { name: 'Using Fields Below', value: 'fields', description: 'Enter each line as a row' };
const arrayMode = {
	name: 'From an Array',
	value: 'array',
	description: 'Take all lines from a list given by an expression, e.g. the items of a spreadsheet or CRM step',
};

const modeDescription = `How the invoice's line items (at most ${MAX_LINE_ITEMS}) are given. With no lines, the invoice is for the Total Amount only.`;

const createModeProperty: INodeProperties = {
	displayName: 'Line Items',
	name: 'lineItemsMode',
	type: 'options',
	noDataExpression: true,
	options: [fieldsMode, arrayMode],
	default: 'fields',
	description: modeDescription,
};

const updateModeProperty: INodeProperties = {
	displayName: 'Line Items',
	name: 'lineItemsMode',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Keep Current Lines', value: 'keep', description: 'Do not change the line items' },
		{ ...fieldsMode, name: 'Replace Using Fields Below' },
		{ ...arrayMode, name: 'Replace From an Array' },
		{ name: 'Remove All Lines', value: 'remove', description: 'Make it an amount-only invoice (then set Total Amount)' },
	],
	default: 'keep',
	description: modeDescription,
};

const rowsProperty: INodeProperties = {
	displayName: 'Lines',
	name: 'lineItems',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Line',
	default: {},
	description: `Up to ${MAX_LINE_ITEMS} lines`,
	displayOptions: { show: { lineItemsMode: ['fields'] } },
	options: [{ displayName: 'Line', name: 'line', values: lineFields }],
};

const arrayProperty: INodeProperties = {
	displayName: ARRAY_FIELD,
	name: 'lineItemsArray',
	type: 'json',
	default: '[]',
	placeholder: '{{ $json.items }}',
	description:
		'An expression returning a list of lines, or JSON text of one. Each line is an object with name, quantity and unitPrice, and optionally sku, discountAmount, discountPercent, taxAmount, taxRate and totalAmount. Other keys are ignored.',
	hint: 'Example: [{"name":"Consulting","quantity":2,"unitPrice":"150.00"}]',
	displayOptions: { show: { lineItemsMode: ['array'] } },
};

/** Line-item parameters for Create and Create Draft, or for Update (with Keep / Remove). */
export function lineItemProperties(forUpdate: boolean): INodeProperties[] {
	return [forUpdate ? updateModeProperty : createModeProperty, rowsProperty, arrayProperty];
}
