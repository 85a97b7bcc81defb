/**
 * Test helpers: raw HTTP over node:http (so Host and every header is exactly what we say) and an
 * independent signer for HTTP Signature / JWT written from the spec, not shared with the sandbox.
 */

import { createHash, createHmac, randomUUID, sign as rsaSign } from 'node:crypto';
import { request } from 'node:http';
import { Sandbox, SandboxMerchant, SandboxOptions, startSandbox } from '../index';

export interface RawResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	json: any;
}

export function rawRequest(
	baseUrl: string,
	opts: { method: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
	const url = new URL(baseUrl);
	return new Promise((resolve, reject) => {
		const req = request(
			{
				host: url.hostname,
				port: url.port,
				method: opts.method,
				path: opts.path,
				headers: opts.headers ?? {},
				agent: false,
				setHost: !Object.keys(opts.headers ?? {}).some((name) => name.toLowerCase() === 'host'),
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					let json: unknown;
					try {
						json = text ? JSON.parse(text) : undefined;
					} catch {
						json = undefined;
					}
					resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
				});
				res.on('error', reject);
			},
		);
		req.on('error', reject);
		if (opts.body !== undefined) req.write(opts.body);
		req.end();
	});
}

export function digestOf(body: string | Buffer): string {
	return `SHA-256=${createHash('sha256').update(body).digest('base64')}`;
}

export interface HttpSigInput {
	method: string;
	path: string;
	body?: string;
	host: string;
	date: string;
	keyId: string;
	secret: string;
	/** Value of the v-c-merchant-id line (portfolio id for meta keys). */
	signedMerchantId: string;
	/** Value of the v-c-merchant-id header (transacting MID). */
	headerMerchantId?: string;
	/** Name to use for the request-target line/list entry (tests the legacy parentheses form). */
	targetName?: string;
	dateHeader?: 'date' | 'v-c-date';
}

export function signHttp(input: HttpSigInput): Record<string, string> {
	const method = input.method.toLowerCase();
	const hasBody = ['post', 'put', 'patch'].includes(method);
	const dateName = input.dateHeader ?? 'date';
	const target = input.targetName ?? 'request-target';
	const names = ['host', dateName, target, ...(hasBody ? ['digest'] : []), 'v-c-merchant-id'];
	const headers: Record<string, string> = {
		host: input.host,
		[dateName]: input.date,
		'v-c-merchant-id': input.headerMerchantId ?? input.signedMerchantId,
	};
	if (hasBody) {
		headers.digest = digestOf(input.body ?? '');
		headers['content-type'] = 'application/json;charset=utf-8';
	}
	const values: Record<string, string> = {
		...headers,
		[target]: `${method} ${input.path}`,
		'v-c-merchant-id': input.signedMerchantId,
	};
	const signingString = names.map((name) => `${name}: ${values[name]}`).join('\n');
	const signature = createHmac('sha256', Buffer.from(input.secret, 'base64'))
		.update(signingString)
		.digest('base64');
	headers.signature = `keyid="${input.keyId}", algorithm="HmacSHA256", headers="${names.join(' ')}", signature="${signature}"`;
	return headers;
}

function b64url(value: string | Buffer): string {
	return Buffer.from(value).toString('base64url');
}

export interface JwtInput {
	method: string;
	resourcePath: string;
	host: string;
	body?: string;
	merchantId: string;
	issuer?: string;
	iat: number;
	exp?: number;
	kid: string;
	extraClaims?: Record<string, unknown>;
}

function claimsOf(input: JwtInput): Record<string, unknown> {
	const method = input.method.toLowerCase();
	const claims: Record<string, unknown> = {};
	if (['post', 'put', 'patch'].includes(method)) {
		claims.digest = createHash('sha256')
			.update(input.body ?? '')
			.digest('base64');
		claims['digest-algorithm'] = 'SHA-256';
	}
	Object.assign(claims, {
		iat: input.iat,
		exp: input.exp ?? input.iat + 120,
		'request-host': input.host,
		'request-resource-path': input.resourcePath,
		'request-method': method,
		iss: input.issuer ?? input.merchantId,
		jti: randomUUID(),
		'v-c-jwt-version': '2',
		'v-c-merchant-id': input.merchantId,
		...input.extraClaims,
	});
	return claims;
}

export function jwtHs256(input: JwtInput & { secret: string }): string {
	const head = b64url(JSON.stringify({ typ: 'JWT', alg: 'HS256', kid: input.kid }));
	const payload = b64url(JSON.stringify(claimsOf(input)));
	const signature = createHmac('sha256', Buffer.from(input.secret, 'base64'))
		.update(`${head}.${payload}`)
		.digest();
	return `${head}.${payload}.${b64url(signature)}`;
}

export function jwtRs256(input: JwtInput & { privateKeyPem: string }): string {
	const head = b64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid: input.kid }));
	const payload = b64url(JSON.stringify(claimsOf(input)));
	const signature = rsaSign('RSA-SHA256', Buffer.from(`${head}.${payload}`), input.privateKeyPem);
	return `${head}.${payload}.${b64url(signature)}`;
}

export function startQuiet(options: SandboxOptions = {}): Promise<Sandbox> {
	return startSandbox({ port: 0, quiet: true, ...options });
}

/** A correctly signing client (HTTP Signature, current clock) for one merchant. */
export class Client {
	constructor(
		readonly sandbox: Sandbox,
		readonly merchant: SandboxMerchant = sandbox.merchant,
		private readonly clock: () => number = Date.now,
	) {}

	async call(method: string, path: string, body?: unknown): Promise<RawResponse> {
		const text =
			body === undefined
				? ['POST', 'PUT'].includes(method)
					? '{}'
					: undefined
				: JSON.stringify(body);
		const host = new URL(this.sandbox.url).host;
		const headers = signHttp({
			method,
			path,
			body: text,
			host,
			date: new Date(this.clock()).toUTCString(),
			keyId: this.merchant.keyId,
			secret: this.merchant.sharedSecret,
			signedMerchantId: this.merchant.merchantId,
		});
		return rawRequest(this.sandbox.url, { method, path, headers, body: text });
	}

	get(path: string): Promise<RawResponse> {
		return this.call('GET', path);
	}

	post(path: string, body?: unknown): Promise<RawResponse> {
		return this.call('POST', path, body);
	}

	put(path: string, body: unknown): Promise<RawResponse> {
		return this.call('PUT', path, body);
	}

	async create(
		overrides: Record<string, unknown> = {},
		invoiceInformation: Record<string, unknown> = {},
	): Promise<RawResponse> {
		return this.post('/invoicing/v2/invoices', invoiceBody(overrides, invoiceInformation));
	}
}

/** A valid create body; `invoiceInformation` members are merged, other top-level keys replace. */
export function invoiceBody(
	overrides: Record<string, unknown> = {},
	invoiceInformation: Record<string, unknown> = {},
): Record<string, unknown> {
	return {
		customerInformation: { name: 'Tanya Lee', email: 'tanya.lee@my-email.world' },
		invoiceInformation: {
			description: 'Test invoice',
			dueDate: '2030-07-11',
			...invoiceInformation,
		},
		orderInformation: { amountDetails: { totalAmount: '100.00', currency: 'USD' } },
		...overrides,
	};
}

/** The test credentials of the documented worked examples. */
export const VECTOR = {
	merchantId: 'mock_merchant',
	portfolioId: 'mock_portfolio',
	keyId: '11111111-2222-3333-4444-555555555555',
	secret: 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=',
	host: 'apitest.cybersource.com',
	date: 'Thu, 18 Jul 2019 00:18:03 GMT',
	iat: 1563409083,
	bodyB:
		'{"customerInformation":{"name":"Tanya Lee","email":"tanya.lee@my-email.world"},"invoiceInformation":{"description":"Test invoice","dueDate":"2019-07-11","sendImmediately":true,"deliveryMode":"email"},"orderInformation":{"amountDetails":{"totalAmount":"100.00","currency":"USD"}}}',
	digestB: 'SHA-256=u7Q+NhkyMbcKx1hjZ4J3zcNiIxALc0QNatKbPj1ldbY=',
	digestEmptyObject: 'SHA-256=RBNvo1WzZ4oRRq0W9+hknpT7T8If536DEMBg9hyq/4o=',
};

export function vectorSandboxOptions(): SandboxOptions {
	return {
		now: () => Date.parse(VECTOR.date),
		merchants: [
			{ merchantId: VECTOR.merchantId, keyId: VECTOR.keyId, sharedSecret: VECTOR.secret },
		],
		metaKeys: [
			{
				portfolioId: VECTOR.portfolioId,
				keyId: VECTOR.keyId,
				sharedSecret: VECTOR.secret,
				merchantIds: [VECTOR.merchantId],
			},
		],
	};
}
