import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isBlank } from '../../../shared/helpers/values';
import { hexColor, logoBase64 } from '../../../shared/helpers/branding';
import { displayNameOf } from '../../../shared/helpers/fieldLabels';
import { InputError } from '../../../shared/helpers/inputError';
import { parseCurrency } from '../../../shared/money/currencies';
import { flag, optionalEmail, optionalText } from '../../../shared/helpers/text';
import { getInvoiceSettings, putInvoiceSettings } from '../../../shared/api/settings';
import type { NodeRun } from '../nodeRun';
import { showFor } from '../../v1/descriptions/display';
import { LANGUAGES, settingsFieldsProperty } from '../../v1/descriptions/invoiceSettings';
import { productTypeProperty, readProductType } from './common';
import type { OperationDescriptor } from '../operation';

const SETTINGS = 'invoiceSettingsInformation';

export const description: INodeProperties[] = showFor('invoiceSettings', ['update'], [productTypeProperty, settingsFieldsProperty]);

/** How messages name a setting: its label in Update Fields. */
const label = (name: string): string => displayNameOf(settingsFieldsProperty.options as INodeProperties[], name);

/** Parameter name → API key, for settings sent as they are. */
const BOOLEAN_SETTINGS: Record<string, string> = {
	collectEmail: 'email',
	collectPhoneNumber: 'phoneNumber',
	collectShippingAddress: 'shipTo',
	enableMerchantEmailNotifications: 'enableMerchantEmailNotifications',
	enableReminders: 'enableReminders',
	showVatNumber: 'showVatNumber',
};

const TEXT_SETTINGS: Record<string, string> = {
	customEmailMessage: 'customEmailMessage',
	merchantDisplayName: 'merchantDisplayName',
	vatRegistrationNumber: 'vatRegistrationNumber',
};

const REDIRECTS: Record<string, string> = {
	paymentAcceptedUrl: 'paymentAccepted',
	paymentRejectedUrl: 'paymentRejected',
	paymentPendingUrl: 'paymentPending',
};

/** Switches, texts, email, language and currency: the settings that map one to one. */
function readPlainSettings(given: IDataObject): IDataObject {
	const changes: IDataObject = {};
	for (const [name, apiKey] of Object.entries(BOOLEAN_SETTINGS)) {
		const value = flag(given[name], label(name));
		if (value !== undefined) changes[apiKey] = value;
	}
	for (const [name, apiKey] of Object.entries(TEXT_SETTINGS)) {
		const text = optionalText(given[name], label(name), `${SETTINGS}.${apiKey}`);
		if (text !== undefined) changes[apiKey] = text;
	}
	const merchantEmail = optionalEmail(given.merchantEmail, label('merchantEmail'), `${SETTINGS}.merchantEmail`);
	if (merchantEmail !== undefined) changes.merchantEmail = merchantEmail;
	if (!isBlank(given.deliveryLanguage)) {
		const language = String(given.deliveryLanguage);
		if (!LANGUAGES.some((option) => option.value === language)) {
			throw new InputError(label('deliveryLanguage'), `"${language}" is not one of ${LANGUAGES.map((l) => l.value).join(', ')}`);
		}
		changes.deliveryLanguage = language;
	}
	if (!isBlank(given.defaultCurrencyCode)) {
		changes.defaultCurrencyCode = parseCurrency(given.defaultCurrencyCode, label('defaultCurrencyCode'));
	}
	return changes;
}

/** The header colors, as the API's nested headerStyle; undefined when none is given. */
function readHeaderStyle(given: IDataObject): IDataObject | undefined {
	const style: IDataObject = {};
	if (!isBlank(given.headerFontColor)) style.fontColor = hexColor(given.headerFontColor, label('headerFontColor'));
	if (!isBlank(given.headerBackgroundColor)) {
		style.backgroundColor = hexColor(given.headerBackgroundColor, label('headerBackgroundColor'));
	}
	return Object.keys(style).length ? style : undefined;
}

/** The redirect URLs, as the API's nested customRedirectUrls; undefined when none is given. */
function readRedirects(given: IDataObject): IDataObject | undefined {
	const redirects: IDataObject = {};
	for (const [name, apiKey] of Object.entries(REDIRECTS)) {
		const url = optionalText(given[name], label(name), `${SETTINGS}.customRedirectUrls.${apiKey}`);
		if (url === undefined) continue;
		if (!/^https?:\/\/\S+$/i.test(url)) throw new InputError(label(name), `"${url}" is not a web address (http:// or https://)`);
		redirects[apiKey] = url;
	}
	return Object.keys(redirects).length ? redirects : undefined;
}

async function readLogo(this: IExecuteFunctions, itemIndex: number, property: string): Promise<string> {
	const field = label('logoBinaryProperty');
	const item = this.getInputData()[itemIndex];
	if (!item.binary?.[property]) {
		const available = Object.keys(item.binary ?? {});
		throw new InputError(
			field,
			`the input item has no binary property "${property}"${available.length ? ` (it has: ${available.join(', ')})` : ' (it has no binary data at all)'}`,
		);
	}
	return logoBase64(await this.helpers.getBinaryDataBuffer(itemIndex, property), field);
}

/** The settings the user changed, in the API's shape; everything is checked before any request. */
async function readChanges(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const given = this.getNodeParameter('settingsFields', itemIndex, {}) as IDataObject;
	const changes = readPlainSettings(given);
	const headerStyle = readHeaderStyle(given);
	if (headerStyle) changes.headerStyle = headerStyle;
	const redirects = readRedirects(given);
	if (redirects) changes.customRedirectUrls = redirects;
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

export async function execute(this: IExecuteFunctions, itemIndex: number, run: NodeRun): Promise<IDataObject> {
	const productType = readProductType.call(this, itemIndex);
	const changes = await readChanges.call(this, itemIndex);
	if (Object.keys(changes).length === 0) {
		throw new InputError(settingsFieldsProperty.displayName, 'add at least one setting to change');
	}
	const current = await getInvoiceSettings.call(this, productType, { scope: run, itemIndex });
	const settings = resendable((current[SETTINGS] as IDataObject | undefined) ?? {});
	const merged: IDataObject = { ...settings, ...changes };
	for (const nested of ['headerStyle', 'customRedirectUrls']) {
		if (changes[nested]) merged[nested] = { ...(settings[nested] as IDataObject), ...(changes[nested] as IDataObject) };
	}
	return await putInvoiceSettings.call(this, productType, { [SETTINGS]: merged }, { scope: run, itemIndex });
}

export const descriptor: OperationDescriptor = {
	resource: 'invoiceSettings',
	operation: 'update',
	option: { name: 'Update', description: 'Change some invoice settings, e.g. the logo or reminder emails', action: 'Update invoice settings' },
	properties: description,
	subtitle: 'Update settings',
	execute,
	simplify: false,
};
