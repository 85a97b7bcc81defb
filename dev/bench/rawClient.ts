/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The baseline: Cybersource requests over plain `node:http`, signed with a minimal JWT (HS256)
 * signer written here from the API's rules. Nothing from nodes/ or credentials/ is used.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';

export interface RawCredentials {
	url: string;
	merchantId: string;
	keyId: string;
	sharedSecret: string;
}

export interface RawAnswer {
	status: number;
	json: unknown;
}

/** Authorization and content headers of one request. */
export function jwtHeaders(creds: RawCredentials, method: string, target: string, body?: string): Record<string, string> {
	const now = Math.floor(Date.now() / 1000);
	const digest = body === undefined ? {} : { digest: createHash('sha256').update(body).digest('base64'), 'digest-algorithm': 'SHA-256' };
	const claims = {
		...digest,
		iat: now,
		exp: now + 120,
		'request-host': new URL(creds.url).host,
		'request-resource-path': target,
		'request-method': method.toLowerCase(),
		iss: creds.merchantId,
		jti: randomUUID(),
		'v-c-jwt-version': '2',
		'v-c-merchant-id': creds.merchantId,
	};
	const head = Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'HS256', kid: creds.keyId })).toString('base64url');
	const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
	const signature = createHmac('sha256', Buffer.from(creds.sharedSecret, 'base64')).update(`${head}.${payload}`).digest('base64url');
	return {
		authorization: `Bearer ${head}.${payload}.${signature}`,
		'v-c-merchant-id': creds.merchantId,
		...(body === undefined ? {} : { 'content-type': 'application/json;charset=utf-8' }),
	};
}

/** One request; `agent` false opens a connection for it (what n8n's HTTP client does). */
export function rawJson(
	url: string,
	method: string,
	target: string,
	body?: unknown,
	headers: Record<string, string> = {},
	agent: Agent | false = false,
): Promise<RawAnswer> {
	const base = new URL(url);
	const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
	return new Promise((resolve, reject) => {
		const req = request(
			{
				host: base.hostname,
				port: base.port,
				method,
				path: target,
				agent,
				headers: { ...headers, ...(text === undefined ? {} : { 'content-length': Buffer.byteLength(text) }) },
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => {
					const raw = Buffer.concat(chunks).toString('utf8');
					resolve({ status: res.statusCode ?? 0, json: raw ? JSON.parse(raw) : undefined });
				});
				res.on('error', reject);
			},
		);
		req.on('error', reject);
		req.end(text);
	});
}

/** A signed call. */
export async function signedCall(
	creds: RawCredentials,
	method: string,
	target: string,
	body: string | undefined,
	agent: Agent | false,
): Promise<RawAnswer> {
	return await rawJson(creds.url, method, target, body, jwtHeaders(creds, method, target, body), agent);
}

export function keepAliveAgent(): Agent {
	return new Agent({ keepAlive: true, maxSockets: 1 });
}
