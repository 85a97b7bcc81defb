/** Invoice settings and merchant-defined field definitions (and their use in invoices). */

import { Client, RawResponse } from '../client';
import { sandboxPerFile } from './helpers';

let client: Client;

sandboxPerFile((started) => (client = started.client), { resetEach: true });

const PNG =
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]).toString(
	'base64',
);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1').toString('base64');

const SETTINGS = '/invoicing/v2/invoiceSettings';
const putSettings = (info: Record<string, unknown>, query = '') =>
	client.put(`${SETTINGS}${query}`, { invoiceSettingsInformation: info });

function expectSettingsError(
	response: RawResponse,
	field: string,
	reason = 'INVALID_DATA',
	topReason = 'VALIDATION_ERRORS',
): void {
	expect(response.status).toBe(400);
	expect(response.json).toEqual({
		submitTimeUtc: expect.any(String),
		status: 'BADREQUEST',
		reason: topReason,
		message: 'Could not update the invoice settings for this merchant.',
		details: [{ field, reason }],
	});
}

describe('invoice settings', () => {
	test('GET returns defaults with merchantInformation', async () => {
		const response = await client.get(`${SETTINGS}?productType=INVOICING`);
		expect(response.status).toBe(200);
		expect(response.json).toEqual({
			submitTimeUtc: expect.stringMatching(/\.\d{9}Z$/),
			invoiceSettingsInformation: {
				merchantDisplayName: 'sandbox_merchant',
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
			},
			merchantInformation: {
				name: 'sandbox_merchant',
				phone: expect.any(String),
				addressDetails: expect.objectContaining({ country: 'US' }),
			},
		});
	});

	test('PUT merges the given fields, GET returns them; logo comes back as a data URI', async () => {
		const response = await putSettings({
			merchantLogo: PNG,
			merchantDisplayName: 'Sandbox Shop',
			headerStyle: { fontColor: '#FFF' },
			deliveryLanguage: 'es-419',
			payerAuthenticationInInvoicing: 'enable',
			customLabels: [{ key: 'billTo', value: 'Invoice to' }],
			customRedirectUrls: { paymentAccepted: 'https://shop.example/thanks' },
		});
		expect(response.status).toBe(200);
		const info = response.json.invoiceSettingsInformation;
		expect(info.merchantLogo).toBe(`data:image/png;base64,${PNG}`);
		expect(info.headerStyle).toEqual({ fontColor: '#FFF', backgroundColor: '#FFFFFF' });
		expect(info.payerAuthentication3DSVersion).toBe(true);
		expect(info.payerAuthenticationInInvoicing).toBeUndefined();
		expect(info.customLabels).toEqual([{ key: 'billTo', value: 'Invoice to' }]);
		expect(response.json.merchantInformation.name).toBe('Sandbox Shop');
		await putSettings({ enableReminders: true });
		const got = await client.get(SETTINGS);
		expect(got.json.invoiceSettingsInformation).toMatchObject({
			merchantDisplayName: 'Sandbox Shop',
			enableReminders: true,
			merchantLogo: `data:image/png;base64,${PNG}`,
			deliveryLanguage: 'es-419',
		});
		// Per product type.
		const payByLink = await client.get(`${SETTINGS}?productType=PAYBYLINK`);
		expect(payByLink.json.invoiceSettingsInformation.merchantDisplayName).toBe('sandbox_merchant');
	});

	test('jpeg and gif logos are accepted; anything else is INVALID_IMAGE', async () => {
		expect(
			(await putSettings({ merchantLogo: JPEG })).json.invoiceSettingsInformation.merchantLogo,
		).toMatch(/^data:image\/jpeg;base64,/);
		expect(
			(await putSettings({ merchantLogo: GIF })).json.invoiceSettingsInformation.merchantLogo,
		).toMatch(/^data:image\/gif;base64,/);
		for (const bad of [
			Buffer.from('<svg/>').toString('base64'),
			'not base64 at all!',
			Buffer.from('BM6').toString('base64'),
		]) {
			expectSettingsError(
				await putSettings({ merchantLogo: bad }),
				'invoiceSettingsInformation.merchantLogo',
				'INVALID_IMAGE',
				'INVALID_IMAGE',
			);
		}
		const tooBig = Buffer.concat([Buffer.from(PNG, 'base64'), Buffer.alloc(1024 * 1024)]).toString(
			'base64',
		);
		expectSettingsError(
			await putSettings({ merchantLogo: tooBig }),
			'invoiceSettingsInformation.merchantLogo',
			'INVALID_IMAGE',
			'INVALID_IMAGE',
		);
	});

	test.each([
		['headerStyle.fontColor', { headerStyle: { fontColor: 'FFFFFF' } }],
		['headerStyle.backgroundColor', { headerStyle: { backgroundColor: '#GGG' } }],
		['headerStyle.backgroundColor', { headerStyle: { backgroundColor: '#FFFF' } }],
		['merchantDisplayName', { merchantDisplayName: 'x'.repeat(101) }],
		['customEmailMessage', { customEmailMessage: 'x'.repeat(2001) }],
		['vatRegistrationNumber', { vatRegistrationNumber: 'x'.repeat(22) }],
		['merchantEmail', { merchantEmail: 'x'.repeat(256) }],
		['deliveryLanguage', { deliveryLanguage: 'en-GB' }],
		['defaultCurrencyCode', { defaultCurrencyCode: 'EURO' }],
		['payerAuthenticationInInvoicing', { payerAuthenticationInInvoicing: 'maybe' }],
		['enableReminders', { enableReminders: 'yes' }],
		['customLabels[0].value', { customLabels: [{ key: 'tax', value: 'x'.repeat(26) }] }],
		['customLabels[0].key', { customLabels: [{ key: 'colour', value: 'x' }] }],
		[
			'customRedirectUrls.paymentAccepted',
			{ customRedirectUrls: { paymentAccepted: 'x'.repeat(501) } },
		],
	])('%s is validated', async (field, info) => {
		expectSettingsError(await putSettings(info), `invoiceSettingsInformation.${field}`);
	});

	test('productType must be INVOICING or PAYBYLINK; the body needs invoiceSettingsInformation', async () => {
		expectSettingsError(await client.get(`${SETTINGS}?productType=OTHER`), 'productType');
		expectSettingsError(
			await client.put(SETTINGS, { merchantDisplayName: 'x' }),
			'invoiceSettingsInformation',
			'MISSING_FIELD',
		);
	});
});

describe('merchant-defined fields', () => {
	const MDF = '/invoicing/v2/Invoice/merchantDefinedFields';
	const text = {
		fieldType: 'text',
		label: 'PO number',
		merchantDefinedDataIndex: 1,
		customerVisible: true,
	};

	test('create, list, update, delete', async () => {
		expect((await client.get(MDF)).json).toEqual([]);
		const created = await client.post(MDF, text);
		expect(created.status).toBe(201);
		expect(created.json).toEqual([
			{
				id: 1,
				fieldType: 'text',
				label: 'PO number',
				customerVisible: true,
				readOnly: false,
				textMinLength: 0,
				textMaxLength: 100,
				merchantDefinedDataIndex: 1,
				merchantId: 'sandbox_merchant',
				referenceType: 'Invoice',
			},
		]);
		const updated = await client.put(`${MDF}/1`, { ...text, label: 'Purchase order' });
		expect(updated.status).toBe(200);
		expect(updated.json[0].label).toBe('Purchase order');
		// Reference types are separate lists; the segment is case-insensitive.
		expect((await client.get('/invoicing/v2/purchase/merchantDefinedFields')).json).toEqual([]);
		const removed = await client.call('DELETE', `${MDF}/1`);
		expect(removed.status).toBe(204);
		expect((await client.get(MDF)).json).toEqual([]);
	});

	test('errors use the integer-status shape', async () => {
		await client.post(MDF, text);
		const clash = await client.post(MDF, { ...text, label: 'Other' });
		expect(clash.status).toBe(400);
		expect(clash.json).toEqual({
			submitTimeUtc: expect.any(String),
			status: 400,
			reason: 'MERCHANT_DEFINED_FIELD_ALREADY_UPDATED',
			message: 'merchantDefinedDataIndex 1 is already assigned.',
			details: [{ field: 'merchantDefinedDataIndex', reason: 'INVALID_DATA' }],
		});
		const noValues = await client.post(MDF, {
			fieldType: 'select',
			label: 'Size',
			merchantDefinedDataIndex: 2,
		});
		expect(noValues.json.details).toEqual([{ field: 'possibleValues', reason: 'MISSING_FIELD' }]);
		const missing = await client.put(`${MDF}/99`, text);
		expect(missing.status).toBe(404);
		expect(missing.json).toMatchObject({ status: 404, reason: 'NOT_FOUND' });
		const badType = await client.get('/invoicing/v2/Order/merchantDefinedFields');
		expect(badType.json).toMatchObject({
			status: 400,
			details: [{ field: 'referenceType', reason: 'INVALID_DATA' }],
		});
	});

	test('per-type limit → 412', async () => {
		for (let index = 1; index <= 20; index++) {
			expect((await client.post(MDF, { ...text, merchantDefinedDataIndex: index })).status).toBe(
				201,
			);
		}
		const over = await client.post(MDF, { ...text, merchantDefinedDataIndex: 21 });
		expect(over.status).toBe(412);
		expect(over.json.status).toBe(412);
	});

	test('invoices carry values of existing definitions, rendered with their definition', async () => {
		await client.post(MDF, text);
		await client.post(MDF, {
			fieldType: 'select',
			label: 'Size',
			merchantDefinedDataIndex: 2,
			possibleValues: 'S,M,L',
		});
		const response = await client.create({
			merchantDefinedFieldValues: [
				{ definitionId: 1, value: 'PO-77' },
				{ definitionId: 2, value: 'M' },
			],
		});
		expect(response.status).toBe(201);
		expect(response.json.merchantDefinedFieldValuesWithDefinition).toEqual([
			{
				referenceType: 'Invoice',
				label: 'PO number',
				fieldType: 'text',
				customerVisible: true,
				readOnly: false,
				textMinLength: 0,
				textMaxLength: 100,
				value: 'PO-77',
				position: 1,
				definitionId: 1,
				merchantDefinedDataIndex: 1,
			},
			expect.objectContaining({ label: 'Size', value: 'M', position: 2, possibleValues: 'S,M,L' }),
		]);
		const unknown = await client.create({
			merchantDefinedFieldValues: [{ definitionId: 9, value: 'x' }],
		});
		expect(unknown.json.details).toEqual([
			{ field: 'merchantDefinedFieldValues[0].definitionId', reason: 'INVALID_DATA' },
		]);
		const notAnOption = await client.create({
			merchantDefinedFieldValues: [{ definitionId: 2, value: 'XL' }],
		});
		expect(notAnOption.json.details).toEqual([
			{ field: 'merchantDefinedFieldValues[0].value', reason: 'INVALID_DATA' },
		]);
	});
});
