import type { INodeProperties } from 'n8n-workflow';

/** Languages the invoice emails and payment pages can use. */
export const LANGUAGES = [
	{ name: 'Chinese (Simplified)', value: 'zh-CN' },
	{ name: 'Chinese (Traditional)', value: 'zh-TW' },
	{ name: 'English (US)', value: 'en-US' },
	{ name: 'French', value: 'fr-FR' },
	{ name: 'German', value: 'de-DE' },
	{ name: 'Japanese', value: 'ja-JP' },
	{ name: 'Portuguese (Brazil)', value: 'pt-BR' },
	{ name: 'Russian', value: 'ru-RU' },
	{ name: 'Spanish (Latin America)', value: 'es-419' },
];

function booleanOption(displayName: string, name: string, description: string): INodeProperties {
	return { displayName, name, type: 'boolean', default: false, description };
}

function urlOption(displayName: string, name: string, when: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		placeholder: 'https://example.com/thank-you',
		description: `Where the customer is sent after ${when} (at most 500 characters)`,
	};
}

/** The settings Update can change; each option's name is its key in `settingsFields`. */
export const settingsFieldsProperty: INodeProperties = {
	displayName: 'Update Fields',
	name: 'settingsFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	description: 'Only the settings added here change; the others keep their current values',
	options: [
		booleanOption('Collect Email', 'collectEmail', "Whether the payment page asks for the customer's email address"),
		booleanOption('Collect Phone Number', 'collectPhoneNumber', "Whether the payment page asks for the customer's phone number"),
		booleanOption('Collect Shipping Address', 'collectShippingAddress', "Whether the payment page asks for the customer's shipping address"),
		{
			displayName: 'Custom Email Message',
			name: 'customEmailMessage',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: 'Text added to every invoice email (at most 2000 characters)',
		},
		{
			displayName: 'Default Currency',
			name: 'defaultCurrencyCode',
			type: 'string',
			default: '',
			placeholder: 'e.g. USD',
			description: 'Currency preselected for new invoices in Business Center (ISO 4217 code)',
		},
		{
			displayName: 'Email Language',
			name: 'deliveryLanguage',
			type: 'options',
			options: LANGUAGES,
			default: 'en-US',
			description: 'Language of invoice emails and the payment page',
		},
		booleanOption(
			'Enable Merchant Email Notifications',
			'enableMerchantEmailNotifications',
			'Whether you get an email when an invoice is paid',
		),
		booleanOption(
			'Enable Reminders',
			'enableReminders',
			'Whether customers get reminder emails 5 days before and 1 day after the due date',
		),
		{
			displayName: 'Header Background Color',
			name: 'headerBackgroundColor',
			type: 'color',
			default: '',
			placeholder: '#1A1F71',
			description: 'Background color of the invoice header, as a hex color like #1A1F71',
		},
		{
			displayName: 'Header Font Color',
			name: 'headerFontColor',
			type: 'color',
			default: '',
			placeholder: '#FFFFFF',
			description: 'Text color of the invoice header, as a hex color like #FFFFFF',
		},
		{
			displayName: 'Logo (Binary Property)',
			name: 'logoBinaryProperty',
			type: 'string',
			default: '',
			placeholder: 'data',
			description:
				'Name of the input binary property holding the logo (PNG, JPG or GIF, at most 1 MB), e.g. "data" after a Read File or HTTP Request node',
		},
		{
			displayName: 'Merchant Display Name',
			name: 'merchantDisplayName',
			type: 'string',
			default: '',
			description: 'Your business name as customers see it (at most 100 characters)',
		},
		{
			displayName: 'Merchant Email',
			name: 'merchantEmail',
			type: 'string',
			default: '',
			placeholder: 'e.g. billing@example.com',
			description: 'Where payment notifications are sent',
		},
		urlOption('Payment Accepted URL', 'paymentAcceptedUrl', 'a successful payment'),
		urlOption('Payment Pending URL', 'paymentPendingUrl', 'a payment that is under review'),
		urlOption('Payment Rejected URL', 'paymentRejectedUrl', 'a declined payment'),
		booleanOption('Show VAT Number', 'showVatNumber', 'Whether your VAT registration number is shown on invoices'),
		{
			displayName: 'VAT Registration Number',
			name: 'vatRegistrationNumber',
			type: 'string',
			default: '',
			description: 'Your VAT number (at most 21 characters)',
		},
	],
};
