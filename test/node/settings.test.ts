/**
 * Invoice settings: Get, and Update that merges into the current settings (logo from an input
 * binary property, colours, texts) without wiping what it does not change.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { bodyOf, requestLines, run, runOk, useSandbox } from './helpers';

const sandbox = useSandbox();

const SETTINGS = '/invoicing/v2/invoiceSettings';
/** A real 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function withBinary(name: string, data: string, mimeType: string, fileName: string): INodeExecutionData[] {
	return [{ json: {}, binary: { [name]: { data, mimeType, fileName } } }];
}

async function update(settingsFields: IDataObject, items?: INodeExecutionData[], productType = 'INVOICING') {
	return await run(sandbox(), {
		items,
		parameters: { resource: 'invoiceSettings', operation: 'update', productType, settingsFields } as INodeParameters,
	});
}

/** The settings the sandbox holds now, read through its API. */
async function current(productType = 'INVOICING'): Promise<IDataObject> {
	const result = await runOk(sandbox(), { parameters: { resource: 'invoiceSettings', operation: 'get', productType } });
	return result.json[0].invoiceSettingsInformation as IDataObject;
}

describe('Invoice settings', () => {
	it('Get returns the settings of the chosen product', async () => {
		const result = await runOk(sandbox(), { parameters: { resource: 'invoiceSettings', operation: 'get', productType: 'PAYBYLINK' } });
		expect(requestLines(sandbox())).toEqual([`GET ${SETTINGS}?productType=PAYBYLINK`]);
		expect(result.json[0].invoiceSettingsInformation).toMatchObject({ deliveryLanguage: 'en-US', defaultCurrencyCode: 'USD' });
		expect(result.json[0].merchantInformation).toEqual(expect.objectContaining({ name: expect.any(String) }));
	});

	it('Update stores a logo taken from an input binary property', async () => {
		const result = await update({ logoBinaryProperty: 'logo', merchantDisplayName: 'Acme Studio' }, withBinary('logo', PNG, 'image/png', 'logo.png'));
		expect(result.error).toBeUndefined();
		expect(requestLines(sandbox())).toEqual([`GET ${SETTINGS}?productType=INVOICING`, `PUT ${SETTINGS}?productType=INVOICING`]);
		expect((bodyOf(sandbox().requests()[1]).invoiceSettingsInformation as IDataObject).merchantLogo).toBe(PNG);

		const settings = await current();
		expect(settings.merchantLogo).toBe(`data:image/png;base64,${PNG}`);
		expect(settings.merchantDisplayName).toBe('Acme Studio');
	});

	it('Update refuses a binary that is not an image, before any request', async () => {
		const text = Buffer.from('name,amount\nA,1\n').toString('base64');
		const result = await update({ logoBinaryProperty: 'logo' }, withBinary('logo', text, 'image/png', 'logo.png'));
		expect(result.error?.message).toBe('Logo (Binary Property): the file is not a PNG, JPG or GIF image [item 1]');
		expect(sandbox().requests()).toEqual([]);
	});

	it('Update refuses an image over 1 MB, before any request', async () => {
		const png = Buffer.from(PNG, 'base64');
		const large = Buffer.concat([png, Buffer.alloc(1024 * 1024 + 1 - png.length)]).toString('base64');
		const result = await update({ logoBinaryProperty: 'logo' }, withBinary('logo', large, 'image/png', 'logo.png'));
		expect(result.error?.message).toBe('Logo (Binary Property): the image is 1.01 MB; Cybersource accepts at most 1 MB [item 1]');
		expect(sandbox().requests()).toEqual([]);
	});

	it('Update names the binary properties the item has when the one given is missing', async () => {
		const result = await update({ logoBinaryProperty: 'logo' }, withBinary('data', PNG, 'image/png', 'logo.png'));
		expect(result.error?.message).toBe('Logo (Binary Property): the input item has no binary property "logo" (it has: data) [item 1]');
		expect(sandbox().requests()).toEqual([]);
	});

	it('Update merges colours and other fields into the current settings without wiping them', async () => {
		expect(
			(
				await update(
					{
						logoBinaryProperty: 'logo',
						merchantDisplayName: 'Acme Studio',
						headerBackgroundColor: '#1A1F71',
						enableReminders: true,
						paymentAcceptedUrl: 'https://acme.example/thanks',
						deliveryLanguage: 'fr-FR',
					},
					withBinary('logo', PNG, 'image/png', 'logo.png'),
				)
			).error,
		).toBeUndefined();
		const before = await current();

		const second = await update({ headerFontColor: '#FFF', customEmailMessage: 'Merci !', paymentRejectedUrl: 'https://acme.example/sorry' });
		expect(second.error).toBeUndefined();
		// Whether the real PUT merges or replaces is not documented: the node sends everything.
		const put = sandbox().requests().filter((request) => request.method === 'PUT').at(-1)!;
		expect(bodyOf(put).invoiceSettingsInformation).toMatchObject({
			merchantLogo: PNG,
			merchantDisplayName: 'Acme Studio',
			enableReminders: true,
			deliveryLanguage: 'fr-FR',
			headerStyle: { fontColor: '#FFF', backgroundColor: '#1A1F71' },
			customRedirectUrls: { paymentAccepted: 'https://acme.example/thanks', paymentRejected: 'https://acme.example/sorry' },
		});
		expect(bodyOf(put).invoiceSettingsInformation).not.toHaveProperty('payerAuthentication3DSVersion');

		const after = await current();
		expect(after).toEqual({
			...before,
			headerStyle: { fontColor: '#FFF', backgroundColor: '#1A1F71' },
			customEmailMessage: 'Merci !',
			customRedirectUrls: { paymentAccepted: 'https://acme.example/thanks', paymentRejected: 'https://acme.example/sorry' },
		});
		expect(after).toMatchObject({
			merchantLogo: `data:image/png;base64,${PNG}`,
			merchantDisplayName: 'Acme Studio',
			enableReminders: true,
			deliveryLanguage: 'fr-FR',
		});
	});

	it('Update of one product leaves the other one alone', async () => {
		expect((await update({ merchantDisplayName: 'Links Only' }, undefined, 'PAYBYLINK')).error).toBeUndefined();
		expect((await current('PAYBYLINK')).merchantDisplayName).toBe('Links Only');
		expect((await current('INVOICING')).merchantDisplayName).not.toBe('Links Only');
	});

	it('Update refuses a colour that is not hex, and an empty update, before any request', async () => {
		const colour = await update({ headerFontColor: 'blue' });
		expect(colour.error?.message).toBe('Header Font Color: "blue" is not a hex color. Use # and 3 or 6 hex digits, like #1A1F71 [item 1]');
		const nothing = await update({});
		expect(nothing.error?.message).toBe('Update Fields: add at least one setting to change [item 1]');
		expect(sandbox().requests()).toEqual([]);
	});
});
