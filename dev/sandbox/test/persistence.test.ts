/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** dataFile: state and generated credentials survive a restart; writes are atomic and prompt. */

import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '../client';
import { startQuiet } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-persist-'));

test('invoices, payments, settings, MDF definitions and merchant keys survive a restart', async () => {
	const dataFile = join(dir, 'state.json');
	const first = await startQuiet({ dataFile });
	const client = new Client(first);
	await client.post('/invoicing/v2/Invoice/merchantDefinedFields', {
		fieldType: 'text',
		label: 'PO',
		merchantDefinedDataIndex: 1,
	});
	const created = await client.create(
		{ merchantDefinedFieldValues: [{ definitionId: 1, value: 'PO-1' }] },
		{ sendImmediately: true, allowPartialPayments: true },
	);
	first.pay(created.json.id, { amount: '25.00' });
	await client.put('/invoicing/v2/invoiceSettings', {
		invoiceSettingsInformation: { merchantDisplayName: 'Kept' },
	});
	const before = (await client.get(`/invoicing/v2/invoices/${created.json.id}`)).json;
	const credentials = { ...first.merchant };
	const meta = { ...first.metaKeys[0] };

	// Written shortly after the change, without waiting for close().
	await new Promise((resolve) => setTimeout(resolve, 150));
	const onDisk = JSON.parse(readFileSync(dataFile, 'utf8'));
	expect(onDisk.version).toBe(1);
	expect(
		onDisk.state.sandbox_merchant.invoices.map((invoice: { id: string }) => invoice.id),
	).toEqual([created.json.id]);
	await first.close();
	expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);

	const second = await startQuiet({ dataFile });
	try {
		expect(second.merchant).toEqual(credentials);
		expect(second.metaKeys[0]).toEqual(meta);
		// The same credential (new client, same keys) is accepted by the restarted sandbox.
		const again = new Client(second);
		const after = (await again.get(`/invoicing/v2/invoices/${created.json.id}`)).json;
		const { submitTimeUtc: _a, ...restBefore } = before;
		const { submitTimeUtc: _b, ...restAfter } = after;
		void _a;
		void _b;
		expect(restAfter).toEqual(restBefore);
		expect(after.status).toBe('PARTIAL');
		expect(after.merchantDefinedFieldValuesWithDefinition[0]).toMatchObject({
			label: 'PO',
			value: 'PO-1',
		});
		expect(
			(await again.get('/invoicing/v2/invoiceSettings')).json.invoiceSettingsInformation
				.merchantDisplayName,
		).toBe('Kept');
		// Counters continue: no number is reused, MDF ids continue.
		const next = await again.create();
		expect(Number(next.json.id)).toBe(Number(created.json.id) + 1);
		const mdf = await again.post('/invoicing/v2/Invoice/merchantDefinedFields', {
			fieldType: 'text',
			label: 'Second',
			merchantDefinedDataIndex: 2,
		});
		expect(mdf.json.map((definition: { id: number }) => definition.id)).toEqual([1, 2]);
	} finally {
		await second.close();
	}
});

test('explicit merchant keys win over stored ones; reset is persisted too', async () => {
	const dataFile = join(dir, 'explicit.json');
	const first = await startQuiet({ dataFile, merchants: [{ merchantId: 'shop' }] });
	const shop = first.merchants.find((merchant) => merchant.merchantId === 'shop')!;
	await new Client(first, shop).create();
	first.reset();
	await first.close();
	const secret = Buffer.alloc(32, 7).toString('base64');
	const second = await startQuiet({
		dataFile,
		merchants: [{ merchantId: 'shop', sharedSecret: secret }],
	});
	try {
		const restored = second.merchants.find((merchant) => merchant.merchantId === 'shop')!;
		expect(restored.sharedSecret).toBe(secret);
		expect(restored.keyId).toBe(shop.keyId);
		expect(restored.certificateSerialNumber).toBe(shop.certificateSerialNumber);
		const list = await new Client(second, restored).get('/invoicing/v2/invoices?offset=0&limit=5');
		expect(list.status).toBe(200);
		expect(list.json.totalInvoices).toBe(0);
	} finally {
		await second.close();
	}
});

test('a data file of another version is refused', async () => {
	const dataFile = join(dir, 'future.json');
	writeFileSync(dataFile, JSON.stringify({ version: 2 }));
	await expect(startQuiet({ dataFile })).rejects.toThrow('unsupported sandbox data version 2');
});
