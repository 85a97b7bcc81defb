import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { AUTH_FAILED_HINT, FORBIDDEN_HINT } from './authFailure';
import { CUSTOM_ENVIRONMENT, ENVIRONMENTS } from './baseUrl';
import { assertCredentialOrigin, requestToSign, sendAsSigned, type N8nRequestOptions } from './outgoingRequest';
import { signRequest, type CybersourceCredentialData } from './signing/signRequest';
import { CredentialFieldError } from './signing/credentialFieldError';
import { prepareCredential } from './signing/preparedCredential';

const SHARED_SECRET_MODES = ['jwtSharedSecret', 'httpSignature'];

export class CybersourceApi implements ICredentialType {
	name = 'cybersourceApi';

	displayName = 'Cybersource API';

	icon: Icon = { light: 'file:../icons/cybersource.svg', dark: 'file:../icons/cybersource.dark.svg' };

	// This package's page on the credential (keys, modes, errors); no #anchor, n8n appends a query.
	documentationUrl =
		'https://github.com/n8n-nodes-cybersource-invoice/n8n-nodes-cybersource-invoice/blob/main/docs/credentials.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: ENVIRONMENTS.map(({ name, value }) => ({ name, value })),
			default: 'apitest.cybersource.com',
			description:
				'Where requests go. Use a Sandbox while testing with sandbox keys; keys only work in the environment they were created in. Custom Base URL is for a local test server or a proxy.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'http://127.0.0.1:8787',
			placeholder: 'http://127.0.0.1:8787',
			description:
				'Full address of the API, for a local test server or a proxy (the repository README explains how to start the test server). http:// is only allowed here.',
			displayOptions: { show: { environment: [CUSTOM_ENVIRONMENT] } },
		},
		{
			displayName: 'Merchant ID',
			name: 'merchantId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'my_merchant_id',
			description:
				'The Cybersource merchant ID (organization ID) that owns the invoices. Shown at the top of Business Center. Spaces and line breaks around it are ignored.',
		},
		{
			displayName: 'Authentication',
			name: 'authMode',
			type: 'options',
			options: [
				{
					name: 'JWT — Shared Secret',
					value: 'jwtSharedSecret',
					description: 'Recommended. Uses a REST shared secret key (key ID + secret).',
				},
				{
					name: 'JWT — P12 Certificate',
					value: 'jwtCertificate',
					description: 'Uses the .p12 certificate file downloaded from Business Center',
				},
				{
					name: 'HTTP Signature (Legacy)',
					value: 'httpSignature',
					description:
						'Older signing method with the same shared secret key. Cybersource retired it for new integrations in September 2026.',
				},
			],
			default: 'jwtSharedSecret',
			description: 'How every request is signed. All three use keys from Business Center → Key Management.',
		},
		{
			displayName: 'Key ID',
			name: 'accessKeyId',
			type: 'string',
			default: '',
			placeholder: '11111111-2222-3333-4444-555555555555',
			description:
				'The ID of the REST shared secret key (a UUID) from Business Center → Payment Configuration → Key Management. Not the merchant ID. Spaces and line breaks around it are ignored.',
			displayOptions: { show: { authMode: SHARED_SECRET_MODES } },
		},
		{
			displayName: 'Shared Secret Key',
			name: 'sharedSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The base64 secret shown once when the shared secret key was generated. Generate a new key if you lost it. Spaces and line breaks around it are ignored.',
			displayOptions: { show: { authMode: SHARED_SECRET_MODES } },
		},
		{
			displayName: 'Certificate Format',
			name: 'signingFormat',
			type: 'options',
			options: [
				{ name: 'P12 File', value: 'p12', description: 'The .p12 file from Business Center, as base64 text' },
				{ name: 'PEM Key and Certificate', value: 'pem', description: 'A private key and certificate already extracted from the .p12' },
			],
			default: 'p12',
			description: 'How the certificate key is provided',
			displayOptions: { show: { authMode: ['jwtCertificate'] } },
		},
		{
			displayName: 'P12 File (Base64)',
			name: 'p12Certificate',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The base64 text of the .p12 file generated in Key Management (for example the output of `base64 -w0 merchant.p12`)',
			displayOptions: { show: { authMode: ['jwtCertificate'], signingFormat: ['p12'] } },
		},
		{
			displayName: 'P12 Password',
			name: 'p12Password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The password chosen when the .p12 file was generated. Used exactly as typed: spaces count.',
			displayOptions: { show: { authMode: ['jwtCertificate'], signingFormat: ['p12'] } },
		},
		{
			displayName: 'Key Alias',
			name: 'p12Alias',
			type: 'string',
			default: '',
			placeholder: 'Defaults to the merchant ID',
			description:
				'Which certificate in the file to use. Leave empty to use the merchant ID (or the portfolio ID with a meta key), which is what Business Center writes.',
			displayOptions: { show: { authMode: ['jwtCertificate'], signingFormat: ['p12'] } },
		},
		{
			displayName: 'Private Key (PEM)',
			name: 'privateKeyPem',
			type: 'string',
			typeOptions: { password: true, rows: 4 },
			default: '',
			placeholder: '-----BEGIN PRIVATE KEY-----',
			description:
				'The merchant private key in PEM format (PKCS#8 or PKCS#1), unencrypted or encrypted with the passphrase below',
			displayOptions: { show: { authMode: ['jwtCertificate'], signingFormat: ['pem'] } },
		},
		{
			displayName: 'Private Key Passphrase',
			name: 'privateKeyPassphrase',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only for an encrypted key ("BEGIN ENCRYPTED PRIVATE KEY", or "Proc-Type: 4,ENCRYPTED"): the passphrase it was encrypted with. Leave empty for an unencrypted key.',
			displayOptions: { show: { authMode: ['jwtCertificate'], signingFormat: ['pem'] } },
		},
		{
			displayName: 'Certificate (PEM)',
			name: 'publicCertificatePem',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			placeholder: '-----BEGIN CERTIFICATE-----',
			description: 'The merchant certificate in PEM format. Its subject serialNumber identifies the key.',
			displayOptions: { show: { authMode: ['jwtCertificate'], signingFormat: ['pem'] } },
		},
		{
			displayName: 'Use Meta Key',
			name: 'useMetaKey',
			type: 'boolean',
			default: false,
			description:
				'Whether the key belongs to a portfolio (a meta key) rather than to this merchant. Requests still act for the Merchant ID above.',
		},
		{
			displayName: 'Portfolio ID',
			name: 'portfolioId',
			type: 'string',
			default: '',
			description:
				'The portfolio (or account) ID that owns the meta key. Spaces and line breaks around it are ignored.',
			displayOptions: { show: { useMetaKey: [true] } },
		},
	];

	/**
	 * Signs every request itself: Cybersource signatures cover the host, path, query, date and
	 * body. Our node's requests and n8n's HTTP Request node's (outgoingRequest.ts) alike, to the
	 * credential's own origin only.
	 */
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const options = requestOptions as N8nRequestOptions;
		const data = credentials as CybersourceCredentialData;
		let signed;
		try {
			const request = requestToSign(options);
			assertCredentialOrigin(request.url, prepareCredential(data).base);
			signed = signRequest(data, request);
		} catch (error) {
			if (error instanceof CredentialFieldError) {
				throw new Error(`Cybersource API credential, field "${error.field}": ${error.message}`);
			}
			throw error;
		}
		return sendAsSigned(options, signed);
	};

	/**
	 * No baseURL: `authenticate` resolves the relative URL against the Environment / Base URL
	 * (baseUrl.ts), and refuses a field it can tell is wrong (e.g. a Key ID that is the Merchant ID)
	 * with a message naming it. Any answer is read as a body (ignoreHttpStatusErrors) and judged by
	 * `responseSuccessBody` rules, the first match giving the message: n8n 1.x and 2.8 lose the HTTP
	 * status of a failed test request (NodeApiError drops its cause), so `responseCode` rules never
	 * match there and the user would only read "Authorization failed". A list always has
	 * totalInvoices (Get Many relies on it); without it the answer is a refusal.
	 */
	test: ICredentialTestRequest = {
		request: {
			url: '/invoicing/v2/invoices?offset=0&limit=1',
			method: 'GET',
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'response.rmsg',
					value: 'Authentication Failed',
					message: `Cybersource refused the signature (401 Authentication Failed). ${AUTH_FAILED_HINT}`,
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'reason',
					value: 'NOT_FOUND',
					message: 'The Environment / Base URL answered Not Found: it is not the Cybersource Invoicing API. Check the Base URL (or pick a listed Environment).',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'totalInvoices',
					value: undefined,
					message: `Cybersource did not list invoices with these settings. If it refused the signature: ${AUTH_FAILED_HINT} If it refused access: ${FORBIDDEN_HINT} Otherwise check that the Environment / Base URL is the Cybersource API.`,
				},
			},
		],
	};
}
