/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** Fault injection: each kind observable, counts and filters, before-auth semantics, email-failed 202. */

import type { Sandbox } from '../index';
import { Client, rawRequest } from '../client';
import { sandboxPerFile, startQuiet } from './helpers';

let sandbox: Sandbox;
let client: Client;

sandboxPerFile((started) => ({ sandbox, client } = started), { resetEach: true });

const LIST = '/invoicing/v2/invoices?offset=0&limit=1';
const lastEntry = () => sandbox.requests().slice(-1)[0];

test.each([
	['502', 'SERVER_ERROR', 'Error - General system failure.'],
	['503', 'SYSTEM_ERROR', 'Error - Service temporarily unavailable.'],
	['504', 'SERVER_TIMEOUT', 'Error - Server timeout.'],
] as const)('%s answers with the server error shape once, then recovers', async (kind, reason, message) => {
	sandbox.injectFault({ kind });
	const failed = await client.get(LIST);
	expect(failed.status).toBe(Number(kind));
	expect(failed.json).toEqual({
		submitTimeUtc: expect.any(String),
		status: 'SERVER_ERROR',
		reason,
		message,
	});
	expect(lastEntry()).toMatchObject({ status: Number(kind), verdict: `fault:${kind}`, path: LIST });
	expect((await client.get(LIST)).status).toBe(200);
});

test('429 carries Retry-After', async () => {
	sandbox.injectFault({ kind: '429', retryAfterSeconds: 7 });
	const response = await client.get(LIST);
	expect(response.status).toBe(429);
	expect(response.headers['retry-after']).toBe('7');
	expect(response.json.reason).toBe('TOO_MANY_REQUESTS');
});

test('count, method and path filters (substring and /regex/)', async () => {
	const created = await client.create();
	const id = created.json.id;
	sandbox.injectFault({ kind: '503', count: 2, method: 'post', path: '/delivery' });
	expect((await client.get(`/invoicing/v2/invoices/${id}`)).status).toBe(200); // GET not matched
	expect((await client.post(`/invoicing/v2/invoices/${id}/delivery`)).status).toBe(503);
	expect((await client.post(`/invoicing/v2/invoices/${id}/delivery`)).status).toBe(503);
	expect((await client.post(`/invoicing/v2/invoices/${id}/delivery`)).status).toBe(200);
	sandbox.injectFault({ kind: '502', path: '/invoices\\/\\d+$/' });
	expect((await client.get(LIST)).status).toBe(200);
	expect((await client.get(`/invoicing/v2/invoices/${id}`)).status).toBe(502);
	expect(sandbox.pendingFaults()).toEqual([]);
});

test('transport faults apply before authentication', async () => {
	sandbox.injectFault({ kind: '503' });
	const unsigned = await rawRequest(sandbox.url, { method: 'GET', path: LIST });
	expect(unsigned.status).toBe(503);
	expect(lastEntry()).toMatchObject({ verdict: 'fault:503' });
	expect(lastEntry().authMode).toBeUndefined();
	expect((await rawRequest(sandbox.url, { method: 'GET', path: LIST })).status).toBe(401);
});

test('malformed: 200 that claims JSON but is not', async () => {
	sandbox.injectFault({ kind: 'malformed' });
	const response = await client.get(LIST);
	expect(response.status).toBe(200);
	expect(response.headers['content-type']).toBe('application/json;charset=utf-8');
	expect(() => JSON.parse(response.text)).toThrow();
	expect(lastEntry().verdict).toBe('fault:malformed');
});

test('reset: the socket is destroyed without an answer', async () => {
	sandbox.injectFault({ kind: 'reset' });
	await expect(client.get(LIST)).rejects.toMatchObject({
		code: expect.stringMatching(/ECONNRESET|ERR_SOCKET|HPE/),
	});
	expect(lastEntry()).toMatchObject({ status: 0, verdict: 'fault:reset' });
});

test('hang: no answer until close(), which still returns promptly', async () => {
	const hanging = await startQuiet();
	try {
		hanging.injectFault({ kind: 'hang' });
		let settled = false;
		const pending = new Client(hanging)
			.get(LIST)
			.then(
				() => 'answered',
				(error: NodeJS.ErrnoException) => error.code ?? error.message,
			)
			.finally(() => {
				settled = true;
			});
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(settled).toBe(false);
		expect(hanging.requests()[0]).toMatchObject({ status: 0, verdict: 'fault:hang' });
		const started = Date.now();
		await hanging.close();
		expect(Date.now() - started).toBeLessThan(1000);
		expect(await pending).toBe('ECONNRESET');
	} finally {
		await hanging.close();
	}
});

test('email-failed: 202 ACCEPTED, the invoice exists as CREATED and can be sent later', async () => {
	sandbox.injectFault({ kind: 'email-failed' });
	// A create that does not email leaves the fault armed.
	const noEmail = await client.create({}, { sendImmediately: true, deliveryMode: 'none' });
	expect(noEmail.status).toBe(201);
	const response = await client.create(
		{},
		{ sendImmediately: true, deliveryMode: 'email', invoiceNumber: 'EF-1' },
	);
	expect(response.status).toBe(202);
	expect(response.json).toEqual({
		submitTimeUtc: expect.any(String),
		status: 'ACCEPTED',
		reason: 'ACCEPTED',
		message: 'Invoice ID EF-1 created but failed to send an email. Send the invoice separately.',
	});
	expect(lastEntry()).toMatchObject({ status: 202, verdict: 'ok' });
	const stored = await client.get('/invoicing/v2/invoices/EF-1');
	expect(stored.json.status).toBe('CREATED');
	expect(stored.json.invoiceInformation.deliveryMode).toBe('Email');
	expect(stored.json.invoiceHistory.map((item: { event: string }) => item.event)).toEqual([
		'CREATE',
	]);
	const sent = await client.post('/invoicing/v2/invoices/EF-1/delivery');
	expect(sent.json.status).toBe('SENT');
	// Consumed: the next emailing create works.
	expect((await client.create({}, { sendImmediately: true })).status).toBe(201);
});

test('faults over the hooks; invalid specs are refused; reset clears them', async () => {
	const hook = (method: string, body?: unknown) =>
		rawRequest(sandbox.url, {
			method,
			path: '/__sandbox/faults',
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	const added = await hook('POST', { kind: '504', count: 3 });
	expect(added.status).toBe(201);
	expect(added.json.faults).toEqual([{ kind: '504', count: 3, remaining: 3 }]);
	expect((await client.get(LIST)).status).toBe(504);
	expect((await hook('GET')).json.faults).toEqual([{ kind: '504', count: 3, remaining: 2 }]);
	expect((await hook('DELETE')).status).toBe(200);
	expect((await client.get(LIST)).status).toBe(200);
	const bad = await hook('POST', { kind: '418' });
	expect(bad.status).toBe(400);
	expect(bad.json.error).toMatch(/^fault kind must be one of/);
	sandbox.injectFault({ kind: '502' });
	sandbox.reset();
	expect((await client.get(LIST)).status).toBe(200);
});
