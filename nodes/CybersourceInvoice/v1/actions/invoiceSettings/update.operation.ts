import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../descriptions/display';
import { isBlank } from '../../../helpers/amounts';
import { InputError } from '../../../helpers/inputError';
import { parseCurrency } from '../../../helpers/invoiceAmounts';
import { MAX_LOGO_BYTES } from '../../../helpers/limits';
import { flag, optionalEmail, optionalText } from '../../../helpers/text';
import { cybersourceApiRequest } from '../../../transport';
import { productTypeProperty, readProductType, SETTINGS_PATH } from './common';

const SETTINGS = 'invoiceSettingsInformation';

/** Languages the invoice emails and payment pages can use. */
const LANGUAGES = [
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

export const description: INodeProperties[] = showFor('invoiceSettings', ['update'], [
	productTypeProperty,
	{
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
	},
]);

const BOOLEAN_SETTINGS: Record<string, { field: string; apiKey: string }> = {
	collectEmail: { field: 'Collect Email', apiKey: 'email' },
	collectPhoneNumber: { field: 'Collect Phone Number', apiKey: 'phoneNumber' },
	collectShippingAddress: { field: 'Collect Shipping Address', apiKey: 'shipTo' },
	enableMerchantEmailNotifications: { field: 'Enable Merchant Email Notifications', apiKey: 'enableMerchantEmailNotifications' },
	enableReminders: { field: 'Enable Reminders', apiKey: 'enableReminders' },
	showVatNumber: { field: 'Show VAT Number', apiKey: 'showVatNumber' },
};

const TEXT_SETTINGS: Record<string, { field: string; apiKey: string }> = {
	customEmailMessage: { field: 'Custom Email Message', apiKey: 'customEmailMessage' },
	merchantDisplayName: { field: 'Merchant Display Name', apiKey: 'merchantDisplayName' },
	vatRegistrationNumber: { field: 'VAT Registration Number', apiKey: 'vatRegistrationNumber' },
};

const REDIRECTS: Record<string, { field: string; apiKey: string }> = {
	paymentAcceptedUrl: { field: 'Payment Accepted URL', apiKey: 'paymentAccepted' },
	paymentRejectedUrl: { field: 'Payment Rejected URL', apiKey: 'paymentRejected' },
	paymentPendingUrl: { field: 'Payment Pending URL', apiKey: 'paymentPending' },
};

function hexColor(value: unknown, field: string): string {
	const text = String(value).trim();
	if (!/^#(?:[0-9a-fA-F]{3}){1,2}$/.test(text)) {
		throw new InputError(field, `"${text}" is not a hex color. Use # and 3 or 6 hex digits, like #1A1F71`);
	}
	return text;
}

/** PNG, JPEG or GIF, recognised by their first bytes rather than by a file name. */
function imageKind(data: Buffer): string | undefined {
	if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
	if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpg';
	if (data.subarray(0, 6).toString('latin1') === 'GIF87a' || data.subarray(0, 6).toString('latin1') === 'GIF89a') return 'gif';
	return undefined;
}

async function readLogo(this: IExecuteFunctions, itemIndex: number, property: string): Promise<string> {
	const field = 'Logo (Binary Property)';
	const item = this.getInputData()[itemIndex];
	if (!item.binary?.[property]) {
		const available = Object.keys(item.binary ?? {});
		throw new InputError(
			field,
			`the input item has no binary property "${property}"${available.length ? ` (it has: ${available.join(', ')})` : ' (it has no binary data at all)'}`,
		);
	}
	const data = await this.helpers.getBinaryDataBuffer(itemIndex, property);
	if (!imageKind(data)) throw new InputError(field, 'the file is not a PNG, JPG or GIF image');
	if (data.length > MAX_LOGO_BYTES) {
		// Rounded up, so an image just over the limit does not read "1.00 MB".
		const megabytes = (Math.ceil((data.length / MAX_LOGO_BYTES) * 100) / 100).toFixed(2);
		throw new InputError(field, `the image is ${megabytes} MB; Cybersource accepts at most 1 MB`);
	}
	return data.toString('base64');
}

/** The settings the user changed, in the API's shape; everything is checked before any request. */
async function readChanges(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const given = this.getNodeParameter('settingsFields', itemIndex, {}) as IDataObject;
	const changes: IDataObject = {};
	for (const [name, { field, apiKey }] of Object.entries(BOOLEAN_SETTINGS)) {
		const value = flag(given[name], field);
		if (value !== undefined) changes[apiKey] = value;
	}
	for (const [name, { field, apiKey }] of Object.entries(TEXT_SETTINGS)) {
		const text = optionalText(given[name], field, `${SETTINGS}.${apiKey}`);
		if (text !== undefined) changes[apiKey] = text;
	}
	const merchantEmail = optionalEmail(given.merchantEmail, 'Merchant Email', `${SETTINGS}.merchantEmail`);
	if (merchantEmail !== undefined) changes.merchantEmail = merchantEmail;
	if (!isBlank(given.deliveryLanguage)) {
		const language = String(given.deliveryLanguage);
		if (!LANGUAGES.some((option) => option.value === language)) {
			throw new InputError('Email Language', `"${language}" is not one of ${LANGUAGES.map((l) => l.value).join(', ')}`);
		}
		changes.deliveryLanguage = language;
	}
	if (!isBlank(given.defaultCurrencyCode)) {
		changes.defaultCurrencyCode = parseCurrency(given.defaultCurrencyCode, 'Default Currency');
	}
	const headerStyle: IDataObject = {};
	if (!isBlank(given.headerFontColor)) headerStyle.fontColor = hexColor(given.headerFontColor, 'Header Font Color');
	if (!isBlank(given.headerBackgroundColor)) {
		headerStyle.backgroundColor = hexColor(given.headerBackgroundColor, 'Header Background Color');
	}
	if (Object.keys(headerStyle).length) changes.headerStyle = headerStyle;
	const redirects: IDataObject = {};
	for (const [name, { field, apiKey }] of Object.entries(REDIRECTS)) {
		const url = optionalText(given[name], field, `${SETTINGS}.customRedirectUrls.${apiKey}`);
		if (url === undefined) continue;
		if (!/^https?:\/\/\S+$/i.test(url)) throw new InputError(field, `"${url}" is not a web address (http:// or https://)`);
		redirects[apiKey] = url;
	}
	if (Object.keys(redirects).length) changes.customRedirectUrls = redirects;
	if (!isBlank(given.logoBinaryProperty)) {
		changes.merchantLogo = await readLogo.call(this, itemIndex, String(given.logoBinaryProperty).trim());
	}
	return changes;
}

/** What GET returns, made fit to send back: logo without its data-URI prefix, no read-only keys. */
function resendable(current: IDataObject): IDataObject {
	const settings: IDataObject = { ...current };
	// Only responses carry it (requests use a different field), so it is not sent back.
	delete settings.payerAuthentication3DSVersion;
	if (typeof settings.merchantLogo === 'string') {
		settings.merchantLogo = settings.merchantLogo.replace(/^data:[^,]*;base64,/, '');
		if (settings.merchantLogo === '') delete settings.merchantLogo;
	}
	return settings;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const productType = readProductType.call(this, itemIndex);
	const changes = await readChanges.call(this, itemIndex);
	if (Object.keys(changes).length === 0) {
		throw new InputError('Update Fields', 'add at least one setting to change');
	}
	const current = await cybersourceApiRequest.call(this, 'GET', SETTINGS_PATH, undefined, { productType }, { itemIndex });
	const settings = resendable((current[SETTINGS] as IDataObject | undefined) ?? {});
	const merged: IDataObject = { ...settings, ...changes };
	for (const nested of ['headerStyle', 'customRedirectUrls']) {
		if (changes[nested]) merged[nested] = { ...(settings[nested] as IDataObject), ...(changes[nested] as IDataObject) };
	}
	return await cybersourceApiRequest.call(this, 'PUT', SETTINGS_PATH, { [SETTINGS]: merged }, { productType }, { itemIndex });
}
