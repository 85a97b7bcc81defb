/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The official Node SDK (cybersource-rest-client) against the sandbox with the SDK's OWN signing:
 * HTTP Signature (merchant key and meta key), JWT shared secret (HS256) and JWT P12 (RS256).
 *
 * How the SDK is pointed at the sandbox: `intermediateHost` becomes its base URL and may carry a
 * scheme — ApiClient.setConfiguration keeps anything starting with "http://" as is, so plain
 * HTTP on loopback works without TLS tricks while signing is untouched. The signed host is
 * `runEnvironment`:
 *  - HTTP Signature: the SDK also sends `Host: <runEnvironment>`, so we keep the real
 *    `apitest.cybersource.com` and the sandbox sees exactly what the gateway would.
 *  - JWT: the SDK puts `runEnvironment` in the `request-host` claim but lets the HTTP client
 *    send `Host: 127.0.0.1:<port>` (the intermediate host). Both ways of configuring it are
 *    run: the usual one (runEnvironment `apitest.cybersource.com`, which the sandbox accepts
 *    as a known Cybersource host) and runEnvironment set to the sandbox's own host:port, which
 *    the SDK accepts as a custom host string.
 */

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from '../index';
import { startQuiet } from './helpers';

const cybersource: any = jest.requireActual('cybersource-rest-client');

type Any = any;

let sandbox: Sandbox;
let keysDirectory: string;

beforeAll(async () => {
	sandbox = await startQuiet();
	keysDirectory = mkdtempSync(join(tmpdir(), 'sdk-keys-'));
	writeFileSync(
		join(keysDirectory, `${sandbox.merchant.merchantId}.p12`),
		Buffer.from(sandbox.merchant.p12Base64, 'base64'),
	);
});
afterAll(() => sandbox.close());

type Mode = 'http' | 'meta' | 'jwtSecret' | 'jwtP12' | 'jwtSecretUsual' | 'jwtP12Usual';

function configFor(mode: Mode): Record<string, unknown> {
	const m = sandbox.merchant;
	const base = {
		merchantID: m.merchantId,
		intermediateHost: sandbox.url,
		logConfiguration: { enableLog: false },
	};
	const sandboxHost = new URL(sandbox.url).host;
	switch (mode) {
		case 'http':
			return {
				...base,
				authenticationType: 'http_signature',
				runEnvironment: 'apitest.cybersource.com',
				merchantKeyId: m.keyId,
				merchantsecretKey: m.sharedSecret,
			};
		case 'meta': {
			const meta = sandbox.metaKeys.find((key) => key.portfolioId === 'sandbox_portfolio')!;
			return {
				...base,
				authenticationType: 'http_signature',
				runEnvironment: 'apitest.cybersource.com',
				useMetaKey: true,
				portfolioID: meta.portfolioId,
				merchantKeyId: meta.keyId,
				merchantsecretKey: meta.sharedSecret,
			};
		}
		case 'jwtSecret':
			return {
				...base,
				authenticationType: 'jwt',
				jwtKeyType: 'SHARED_SECRET',
				runEnvironment: sandboxHost,
				merchantKeyId: m.keyId,
				merchantsecretKey: m.sharedSecret,
			};
		case 'jwtP12':
			return {
				...base,
				authenticationType: 'jwt',
				runEnvironment: sandboxHost,
				keysDirectory,
				keyFileName: m.merchantId,
				keyAlias: m.keyAlias,
				keyPass: m.p12Password,
			};
		case 'jwtSecretUsual':
			return { ...configFor('jwtSecret'), runEnvironment: 'apitest.cybersource.com' };
		case 'jwtP12Usual':
			return { ...configFor('jwtP12'), runEnvironment: 'apitest.cybersource.com' };
	}
}

/** Promisified SDK call: resolves with the deserialised data and the raw status. */
function sdkCall(
	api: Any,
	method: string,
	...args: unknown[]
): Promise<{ data: Any; status: number }> {
	return new Promise((resolve, reject) => {
		api[method](...args, (error: Any, data: Any, response: Any) => {
			if (error)
				reject(
					Object.assign(
						new Error(
							`${method} failed: ${error.status ?? ''} ${JSON.stringify(error.response?.text ?? error.message ?? error)}`,
						),
						{ sdkError: error },
					),
				);
			else resolve({ data, status: response?.status });
		});
	});
}

const MODES = [
	['http', 'httpSignature'],
	['meta', 'httpSignature'],
	['jwtSecret', 'jwtHS256'],
	['jwtP12', 'jwtRS256'],
	['jwtSecretUsual', 'jwtHS256'],
	['jwtP12Usual', 'jwtRS256'],
] as const;

describe.each(MODES)('SDK with %s auth', (mode, authMode) => {
	test('create, list, get, update, publish, send, cancel, settings, MDF; errors parsed', async () => {
		const since = sandbox.requests().slice(-1)[0]?.seq ?? 0;
		const apiClient = new cybersource.ApiClient();
		const invoices = new cybersource.InvoicesApi(configFor(mode), apiClient);
		const settingsApi = new cybersource.InvoiceSettingsApi(
			configFor(mode),
			new cybersource.ApiClient(),
		);
		const mdfApi = new cybersource.MerchantDefinedFieldsApi(
			configFor(mode),
			new cybersource.ApiClient(),
		);

		const createBody = {
			customerInformation: { name: 'SDK Customer', email: 'sdk@example.com' },
			invoiceInformation: {
				description: `SDK ${mode}`,
				dueDate: '2030-12-31',
				sendImmediately: false,
				deliveryMode: 'email',
			},
			orderInformation: {
				amountDetails: { totalAmount: '123.45', currency: 'USD' },
				lineItems: [
					{
						productSku: 'SKU1',
						productName: 'Thing',
						quantity: 3,
						unitPrice: '41.15',
						totalAmount: '123.45',
					},
				],
			},
		};
		const created = await sdkCall(invoices, 'createInvoice', createBody);
		expect(created.status).toBe(201);
		const id: string = created.data.id;
		expect(created.data.status).toBe('DRAFT');
		// The SDK models declare amounts as String and convert the numbers the sandbox sends.
		expect(created.data.orderInformation.amountDetails.totalAmount).toBe('123.45');
		expect(created.data.invoiceInformation.deliveryMode).toBe('Email');

		const listed = await sdkCall(invoices, 'getAllInvoices', 0, 10, { status: 'DRAFT' });
		expect(listed.status).toBe(200);
		expect(listed.data.totalInvoices).toBeGreaterThanOrEqual(1);
		expect(listed.data.invoices.map((item: Any) => item.id)).toContain(id);

		const got = await sdkCall(invoices, 'getInvoice', id);
		expect(got.data.invoiceHistory[0].event).toBe('DRAFT');

		const updated = await sdkCall(invoices, 'updateInvoice', id, {
			...createBody,
			invoiceInformation: { ...createBody.invoiceInformation, description: 'Updated by SDK' },
		});
		expect(updated.data.invoiceInformation.description).toBe('Updated by SDK');

		const published = await sdkCall(invoices, 'performPublishAction', id);
		expect(published.data.status).toBe('CREATED');
		const sent = await sdkCall(invoices, 'performSendAction', id);
		expect(sent.data.status).toBe('SENT');
		const canceled = await sdkCall(invoices, 'performCancelAction', id);
		expect(canceled.data.status).toBe('CANCELED');

		const settings = await sdkCall(settingsApi, 'getInvoiceSettings', { productType: 'INVOICING' });
		expect(settings.data.invoiceSettingsInformation.deliveryLanguage).toBe('en-US');
		const newSettings = await sdkCall(
			settingsApi,
			'updateInvoiceSettings',
			{ invoiceSettingsInformation: { merchantDisplayName: `Shop ${mode}` } },
			{ productType: 'INVOICING' },
		);
		expect(newSettings.data.invoiceSettingsInformation.merchantDisplayName).toBe(`Shop ${mode}`);
		const definitions = await sdkCall(mdfApi, 'getMerchantDefinedFieldsDefinitions', 'Invoice');
		expect(Array.isArray(definitions.data)).toBe(true);

		// A 404 goes through the SDK's error path with the parsed body.
		const missing = await sdkCall(invoices, 'getInvoice', 'no-such-invoice').catch(
			(error) => error.sdkError,
		);
		expect(missing.status).toBe(404);
		expect(JSON.parse(missing.response.text)).toMatchObject({
			status: 'NOTFOUND',
			reason: 'NOT_FOUND',
		});

		// Every request was signed by the SDK itself and verified.
		const log = sandbox.requests({ since });
		expect(log).toHaveLength(11);
		for (const entry of log) {
			expect(entry.authMode).toBe(authMode);
			expect(entry.verdict).toBe(
				entry.status === 404 ? 'not found: Invoice does not exist.' : 'ok',
			);
			expect(entry.merchantId).toBe('sandbox_merchant');
		}
		if (mode === 'http' || mode === 'meta')
			expect(log[0].headers.host).toBe('apitest.cybersource.com');
		else expect(log[0].headers.authorization).toMatch(/^Bearer /);
		if (mode === 'jwtSecretUsual' || mode === 'jwtP12Usual') {
			const token = String(log[0].headers.authorization).replace(/^Bearer /, '');
			const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
			expect(claims['request-host']).toBe('apitest.cybersource.com');
			expect(log[0].headers.host).toBe(new URL(sandbox.url).host);
		}
		expect(log[1].path).toBe('/invoicing/v2/invoices?offset=0&limit=10&status=DRAFT');
	});
});

test('the SDK with a wrong shared secret is rejected (so the passes above mean something)', async () => {
	const config = {
		...configFor('http'),
		merchantsecretKey: Buffer.alloc(32, 1).toString('base64'),
	};
	const invoices = new cybersource.InvoicesApi(config, new cybersource.ApiClient());
	const error = await sdkCall(invoices, 'getAllInvoices', 0, 1, {}).catch((e) => e.sdkError);
	expect(error.status).toBe(401);
	expect(sandbox.requests().slice(-1)[0].verdict).toBe('auth: signature mismatch');
	const jwtConfig = {
		...configFor('jwtSecret'),
		merchantsecretKey: Buffer.alloc(32, 1).toString('base64'),
	};
	const jwtError = await sdkCall(
		new cybersource.InvoicesApi(jwtConfig, new cybersource.ApiClient()),
		'getAllInvoices',
		0,
		1,
		{},
	).catch((e) => e.sdkError);
	expect(jwtError.status).toBe(401);
	expect(sandbox.requests().slice(-1)[0].verdict).toBe('auth: jwt signature mismatch');
});
