/** Invoice settings (docs/cybersource-api.md#invoice-settings): defaults, validation of a PUT, and the response shape. */

import { ApiError, ErrorDetail, INVALID, validationError } from './errors';
import { Checker } from './checker';
import { submitTimeUtc } from './time';

export type SettingsInfo = Record<string, unknown>;

export const PRODUCT_TYPES = ['INVOICING', 'PAYBYLINK'] as const;
const LANGUAGES = [
	'zh-CN',
	'zh-TW',
	'en-US',
	'fr-FR',
	'de-DE',
	'ja-JP',
	'pt-BR',
	'ru-RU',
	'es-419',
];
const COLOUR = /^#(?:[0-9a-fA-F]{3}){1,2}$/;
const LABEL_KEYS = [
	'billTo',
	'invoiceNumber',
	'customerId',
	'companyName',
	'description',
	'shipping',
	'partialPayment',
	'discount',
	'tax',
];
const MAX_LOGO_BYTES = 1024 * 1024;
const UPDATE_FAILED = 'Could not update the invoice settings for this merchant.';

export function defaultSettings(merchantId: string): SettingsInfo {
	return {
		merchantDisplayName: merchantId,
		customEmailMessage: '',
		enableReminders: false,
		headerStyle: { fontColor: '#000000', backgroundColor: '#FFFFFF' },
		deliveryLanguage: 'en-US',
		defaultCurrencyCode: 'USD',
		payerAuthentication3DSVersion: false,
		showVatNumber: false,
		vatRegistrationNumber: '',
		shipTo: false,
		phoneNumber: false,
		email: false,
		enableMerchantEmailNotifications: false,
	};
}

/** png, jpeg or gif, recognised by magic bytes. */
export function imageType(bytes: Buffer): string | undefined {
	if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
		return 'png';
	if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
		return 'jpeg';
	const head = bytes.subarray(0, 6).toString('latin1');
	if (head === 'GIF87a' || head === 'GIF89a') return 'gif';
	return undefined;
}

/** `productType` query (optional): INVOICING or PAYBYLINK. */
export function productTypeOf(query: URLSearchParams, now: number): string {
	const value = query.get('productType');
	if (value === null) return 'INVOICING';
	if (!(PRODUCT_TYPES as readonly string[]).includes(value)) {
		throw validationError(now, [{ field: 'productType', reason: INVALID }], UPDATE_FAILED);
	}
	return value;
}

/** Validates a PUT body and returns the fields to merge (every field is optional, others are kept). */
export function validateSettings(body: unknown, now: number): SettingsInfo {
	const c = new Checker();
	const root = c.object('body', body, true);
	const info =
		root && c.object('invoiceSettingsInformation', root.invoiceSettingsInformation, true);
	if (!info) throw validationError(now, c.details, UPDATE_FAILED);
	const p = 'invoiceSettingsInformation';
	const patch: SettingsInfo = {};
	const set = (key: string, value: unknown): void => {
		if (value !== undefined) patch[key] = value;
	};
	let badImage = false;
	if (info.merchantLogo !== undefined && info.merchantLogo !== null) {
		const text = c.string(`${p}.merchantLogo`, info.merchantLogo, { max: 10000000 });
		if (text !== undefined) {
			const base64 = text.replace(/^data:image\/[a-z]+;base64,/i, '');
			const bytes = Buffer.from(base64, 'base64');
			const type = imageType(bytes);
			if (!type || bytes.length > MAX_LOGO_BYTES || !/^[A-Za-z0-9+/=\s]+$/.test(base64)) {
				badImage = true;
				c.issue(`${p}.merchantLogo`, 'INVALID_IMAGE');
			} else {
				set('merchantLogo', `data:image/${type};base64,${bytes.toString('base64')}`);
			}
		}
	}
	set(
		'merchantDisplayName',
		c.string(`${p}.merchantDisplayName`, info.merchantDisplayName, { max: 100 }),
	);
	set(
		'customEmailMessage',
		c.string(`${p}.customEmailMessage`, info.customEmailMessage, { max: 2000 }),
	);
	set('enableReminders', c.boolean(`${p}.enableReminders`, info.enableReminders));
	const style = c.object(`${p}.headerStyle`, info.headerStyle);
	if (style) {
		const fontColor = c.string(`${p}.headerStyle.fontColor`, style.fontColor, {
			max: 7,
			pattern: COLOUR,
		});
		const backgroundColor = c.string(`${p}.headerStyle.backgroundColor`, style.backgroundColor, {
			max: 7,
			pattern: COLOUR,
		});
		patch.headerStyle = { fontColor, backgroundColor };
	}
	const language = c.string(`${p}.deliveryLanguage`, info.deliveryLanguage, { max: 6 });
	if (language !== undefined && !LANGUAGES.includes(language))
		c.issue(`${p}.deliveryLanguage`, INVALID);
	else set('deliveryLanguage', language);
	set(
		'defaultCurrencyCode',
		c.string(`${p}.defaultCurrencyCode`, info.defaultCurrencyCode, {
			max: 3,
			pattern: /^[A-Z]{3}$/,
		}),
	);
	const payerAuth = c.string(
		`${p}.payerAuthenticationInInvoicing`,
		info.payerAuthenticationInInvoicing,
		{
			max: 7,
			pattern: /^(enable|update|disable)$/,
		},
	);
	// Request-only field; the response reports payerAuthentication3DSVersion instead.
	if (payerAuth !== undefined) patch.payerAuthentication3DSVersion = payerAuth !== 'disable';
	set('showVatNumber', c.boolean(`${p}.showVatNumber`, info.showVatNumber));
	set(
		'vatRegistrationNumber',
		c.string(`${p}.vatRegistrationNumber`, info.vatRegistrationNumber, { max: 21 }),
	);
	for (const flag of ['shipTo', 'phoneNumber', 'email', 'enableMerchantEmailNotifications']) {
		set(flag, c.boolean(`${p}.${flag}`, info[flag]));
	}
	set('merchantEmail', c.string(`${p}.merchantEmail`, info.merchantEmail, { max: 255 }));
	if (info.customLabels !== undefined && info.customLabels !== null) {
		if (!Array.isArray(info.customLabels)) c.issue(`${p}.customLabels`, INVALID);
		else {
			patch.customLabels = info.customLabels.map((entry, index) => {
				const q = `${p}.customLabels[${index}]`;
				const label = c.object(q, entry, true) ?? {};
				const key = c.string(`${q}.key`, label.key, { required: true });
				if (key !== undefined && !LABEL_KEYS.includes(key)) c.issue(`${q}.key`, INVALID);
				return {
					key,
					value: c.string(`${q}.value`, label.value, { max: 25 }),
					hidden: c.boolean(`${q}.hidden`, label.hidden),
					hiddenForInvoice: c.boolean(`${q}.hiddenForInvoice`, label.hiddenForInvoice),
					hiddenForItem: c.boolean(`${q}.hiddenForItem`, label.hiddenForItem),
				};
			});
		}
	}
	const urls = c.object(`${p}.customRedirectUrls`, info.customRedirectUrls);
	if (urls) {
		patch.customRedirectUrls = Object.fromEntries(
			['paymentAccepted', 'paymentRejected', 'paymentPending']
				.map((key) => [key, c.string(`${p}.customRedirectUrls.${key}`, urls[key], { max: 500 })])
				.filter(([, value]) => value !== undefined),
		);
	}
	if (c.details.length) throw settingsError(now, c.details, badImage);
	return patch;
}

function settingsError(now: number, details: ErrorDetail[], badImage: boolean): ApiError {
	const error = validationError(now, details, UPDATE_FAILED);
	if (!badImage) return error;
	const body = { ...(error.body as Record<string, unknown>), reason: 'INVALID_IMAGE' };
	return new ApiError(
		400,
		body,
		'validation: INVALID_IMAGE invoiceSettingsInformation.merchantLogo',
	);
}

export function applySettings(current: SettingsInfo, patch: SettingsInfo): SettingsInfo {
	const next = { ...current, ...patch };
	if (patch.headerStyle) {
		const merged = { ...(current.headerStyle as object) };
		for (const [key, value] of Object.entries(patch.headerStyle as object)) {
			if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
		}
		next.headerStyle = merged;
	}
	return next;
}

export function renderSettings(settings: SettingsInfo, merchantId: string, now: number): object {
	return {
		submitTimeUtc: submitTimeUtc(now),
		invoiceSettingsInformation: JSON.parse(JSON.stringify(settings)),
		merchantInformation: {
			name: String(settings.merchantDisplayName ?? merchantId).slice(0, 100),
			phone: '4155550100',
			addressDetails: {
				address1: '1 Market Street',
				city: 'San Francisco',
				state: 'CA',
				country: 'US',
				postalCode: '94105',
			},
		},
	};
}
