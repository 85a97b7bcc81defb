/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Requests go only where they were signed for, keep no usable credential in errors, and end
 * within their deadline: against small loopback servers that redirect, echo headers or drip.
 */
import { runNode, stopEngineTimers } from '../harness/engine';
import { invoiceParams } from '../node/helpers';
import { useLoopbackServers, type LoopbackServer } from './loopback';
import { TransportProbe } from './probeNode';

const KEY_ID = '11111111-2222-3333-4444-555555555555';
const SECRET = Buffer.from('a shared secret of thirty-two b!').toString('base64');

function credentialsFor(server: LoopbackServer, authMode = 'jwtSharedSecret') {
	return { environment: 'custom', baseUrl: server.url, merchantId: 'loop_merchant', authMode, accessKeyId: KEY_ID, sharedSecret: SECRET };
}

async function probe(server: LoopbackServer, parameters: Record<string, unknown>, authMode?: string) {
	return await runNode({
		nodeType: new TransportProbe(),
		credentials: credentialsFor(server, authMode),
		parameters: Object.fromEntries(
			Object.entries(parameters).map(([key, value]) => [key, typeof value === 'object' ? JSON.stringify(value) : value]),
		) as never,
	});
}

/** Every string reachable from a value, own non-enumerable properties (message, cause) included. */
function everyString(value: unknown, seen = new Set<unknown>()): string {
	if (typeof value === 'string') return value;
	if (!value || typeof value !== 'object' || seen.has(value)) return '';
	seen.add(value);
	return Object.getOwnPropertyNames(value)
		.map((name) => `${name}=${everyString((value as Record<string, unknown>)[name], seen)}`)
		.join('\n');
}

const server = useLoopbackServers();
afterAll(() => stopEngineTimers());

describe('redirects are not followed', () => {
	it('a 307 to another origin is an error naming the Location; the body and signature never go there', async () => {
		const foreign = await server((_request, response) => {
			response.writeHead(201, { 'content-type': 'application/json' });
			response.end(JSON.stringify({ id: 'FOREIGN-1', status: 'CREATED' }));
		});
		const redirector = await server((_request, response) => {
			response.writeHead(307, { location: `${foreign.url}/invoicing/v2/invoices` });
			response.end();
		});
		const result = await probe(redirector, {
			method: 'POST',
			path: '/invoicing/v2/invoices',
			body: { customerInformation: { name: 'Tanya Lee' } },
		});
		expect(result.error?.message).toBe(
			`Cybersource answered 307, a redirect to ${foreign.url}/invoicing/v2/invoices, which was not followed`,
		);
		expect(result.error?.description).toContain('Check the Environment / Base URL');
		expect(redirector.requests).toHaveLength(1);
		expect(foreign.requests).toHaveLength(0);
	});

	it('a GET answered 301 is not followed either, and not retried', async () => {
		const foreign = await server((_request, response) => response.end('{}'));
		const redirector = await server((_request, response) => {
			response.writeHead(301, { location: `${foreign.url}/elsewhere` });
			response.end();
		});
		const result = await probe(redirector, { method: 'GET', path: '/invoicing/v2/invoices/INV-1' });
		expect(result.error?.message).toContain(`a redirect to ${foreign.url}/elsewhere`);
		expect(result.error?.httpCode).toBe('301');
		expect(redirector.requests).toHaveLength(1);
		expect(foreign.requests).toHaveLength(0);
	});
});

describe('an error body that echoes the request keeps no usable credential', () => {
	it('JWT: the Bearer token is masked in the error and in the Continue-On-Fail output item', async () => {
		const echo = await server((request, response) => {
			response.writeHead(400, { 'content-type': 'application/json' });
			response.end(
				JSON.stringify({
					message: `Declined request with Authorization: ${String(request.headers.authorization)}`,
					reason: 'INVALID_DATA',
					details: [{ field: 'authorization', reason: `unexpected ${String(request.headers.authorization)}` }],
					request: { headers: request.headers },
				}),
			);
		});
		const failed = await probe(echo, { method: 'GET', path: '/invoicing/v2/invoices/INV-1' });
		// The real node with On Error "Continue": the failing item carries the error's message and description.
		const continued = await runNode({
			credentials: credentialsFor(echo),
			parameters: invoiceParams('get', 'INV-1'),
			onError: 'continueRegularOutput',
		});
		const token = String(echo.requests[0].headers.authorization).replace(/^Bearer /, '');
		const signaturePart = token.split('.')[2];
		expect(token.split('.')).toHaveLength(3);

		expect(failed.error?.message).toContain('Authorization: [masked]');
		for (const text of [everyString(failed.error), JSON.stringify(continued.json)]) {
			expect(text).not.toContain(token);
			expect(text).not.toContain(signaturePart);
		}
		expect(JSON.stringify(continued.json)).toContain('[masked]');
	});

	it('HTTP Signature: a plain-text 502 that quotes the Signature header is masked', async () => {
		const echo = await server((request, response) => {
			response.writeHead(502, { 'content-type': 'text/plain' });
			response.end(`Bad gateway.\nSignature: ${String(request.headers.signature)}\nDate: ${String(request.headers.date)}\n`);
		});
		const result = await probe(echo, { method: 'POST', path: '/invoicing/v2/invoices', body: { a: 1 } }, 'httpSignature');
		const signature = /signature="([^"]+)"/.exec(String(echo.requests[0].headers.signature))?.[1];
		expect(signature).toBeTruthy();
		expect(result.error?.message).toMatch(/^Cybersource had a server problem \(502\)/);
		expect(everyString(result.error)).not.toContain(signature!);
	});
});

describe('a per-attempt deadline on the whole answer', () => {
	it('a server dripping a byte every 100 ms is cut off at the timeout, not kept alive by the drip', async () => {
		const body = JSON.stringify({ invoices: [], totalInvoices: 0, padding: 'x'.repeat(60) });
		const closedEarly: boolean[] = [];
		const drip = await server((_request, response) => {
			response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
			let sent = 0;
			const timer = setInterval(() => {
				if (response.destroyed) return;
				response.write(body[sent++]);
				if (sent === body.length) {
					clearInterval(timer);
					response.end();
				}
			}, 100);
			response.on('close', () => {
				clearInterval(timer);
				closedEarly.push(sent < body.length);
			});
		});
		const started = Date.now();
		const result = await probe(drip, {
			method: 'GET',
			path: '/invoicing/v2/invoices',
			tuning: { timeoutMs: 500, maxReadAttempts: 2, baseDelayMs: 20 },
		});
		const elapsed = Date.now() - started;
		expect(result.error?.message).toMatch(/did not answer in time/);
		expect(result.error?.description).toContain('Gave up after 2 attempt(s)');
		expect(elapsed).toBeLessThan(3000); // the drip alone would take 2 x ~8 s
		expect(drip.requests).toHaveLength(2);
		// The connection is closed at the deadline, not left dripping in the background.
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(closedEarly).toEqual([true, true]);
	});

	it('a POST cut off at the deadline is not repeated (it may have been applied)', async () => {
		const slow = await server((_request, response) => {
			response.writeHead(201, { 'content-type': 'application/json' });
			response.write('{"id":');
			// never finishes
		});
		const result = await probe(slow, {
			method: 'POST',
			path: '/invoicing/v2/invoices',
			body: { a: 1 },
			tuning: { timeoutMs: 400, maxAttempts: 3, baseDelayMs: 20 },
		});
		expect(result.error?.message).toMatch(/did not answer in time/);
		expect(slow.requests).toHaveLength(1);
	});
});
