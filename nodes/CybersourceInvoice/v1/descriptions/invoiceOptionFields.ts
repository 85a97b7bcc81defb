import type { INodeProperties } from 'n8n-workflow';

/** Invoice-wide discount, tax and freight, offered in Additional Fields and Update Fields. */
export const amountOptions: INodeProperties[] = [
	{
		displayName: 'Discount Amount',
		name: 'discountAmount',
		type: 'string',
		default: '',
		placeholder: 'e.g. 10.00',
		description: 'Discount on the whole invoice, subtracted from the line items when the total is computed',
	},
	{
		displayName: 'Discount Percent',
		name: 'discountPercent',
		type: 'string',
		default: '',
		placeholder: 'e.g. 5',
		description:
			'Discount on the whole invoice as a percentage of the line items (without the % sign). Ignored for the total when a Discount Amount is given.',
	},
	{
		displayName: 'Freight Amount',
		name: 'freightAmount',
		type: 'string',
		default: '',
		placeholder: 'e.g. 20.00',
		description: 'Shipping and handling, added to the computed total',
	},
	{
		displayName: 'Freight Tax Rate',
		name: 'freightTaxRate',
		type: 'string',
		default: '',
		placeholder: 'e.g. 10',
		description: 'Tax rate on freight, in percent. Added to the computed total when Freight Taxable is on.',
	},
	{
		displayName: 'Freight Taxable',
		name: 'freightTaxable',
		type: 'boolean',
		default: false,
		description: 'Whether freight is taxed',
	},
	{
		displayName: 'Sub Amount',
		name: 'subAmount',
		type: 'string',
		default: '',
		description: 'Informational subtotal shown on the invoice. Not used to compute the total.',
	},
	{
		displayName: 'Tax Amount',
		name: 'taxAmount',
		type: 'string',
		default: '',
		placeholder: 'e.g. 8.25',
		description: 'Tax on the whole invoice, added to the computed total',
	},
	{
		displayName: 'Tax Rate',
		name: 'taxRate',
		type: 'string',
		default: '',
		placeholder: 'e.g. 8.25',
		description:
			'Tax rate in percent (8.25 means 8.25%). Without a Tax Amount, the tax added to the computed total is this rate of the lines after discount.',
	},
	{
		displayName: 'Tax Type',
		name: 'taxType',
		type: 'string',
		default: '',
		placeholder: 'e.g. State Tax',
		description: 'Label of the tax shown on the invoice, like "State Tax" or "VAT"',
	},
];

/** What the payment page asks for, and the total check. */
export const checkoutOptions: INodeProperties[] = [
	{
		displayName: 'Request Phone',
		name: 'requestPhone',
		type: 'boolean',
		default: false,
		description: "Whether the payment page asks for the customer's phone number",
	},
	{
		displayName: 'Request Shipping',
		name: 'requestShipping',
		type: 'boolean',
		default: false,
		description: "Whether the payment page asks for the customer's shipping address",
	},
	{
		displayName: 'Skip Total Check',
		name: 'skipTotalCheck',
		type: 'boolean',
		default: false,
		description:
			'Whether to send a Total Amount or a Line Total that differs from what the node computes (lines − discount + tax + freight; quantity × unit price − discount + tax). Off: such an invoice is stopped with both numbers shown.',
	},
	{
		displayName: 'Transaction Reference Number',
		name: 'transactionReferenceNumber',
		type: 'string',
		default: '',
		description: 'Reconciliation ID passed to the payment processor (letters and digits, at most 40)',
	},
];
