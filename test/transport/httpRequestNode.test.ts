/**
 * "Custom API Call": n8n's HTTP Request node (4.2, 4.4) with the Cybersource API credential. The
 * credential signs what that node sends (a `uri`, query parameters, a JSON or raw body) so that
 * the sandbox accepts it, sends it only to the credential's own origin, and never lets a redirect
 * carry the signature elsewhere. Through n8n-core's real request paths and real HTTP on loopback.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { CybersourceApi } from '../../credentials/CybersourceApi.credentials';
import { runNode, stopEngineTimers, type RunResult } from '../harness/engine';
import { futureDate, sandboxCredentials, startTestSandbox, type CredentialMode, type Sandbox } from '../harness/sandbox';
import { HttpRequestProbe, type HttpRequestParameters } from './httpRequestProbe';
import { useLoopbackServers } from './loopback';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(async () => {
	await sandbox.close();
	stopEngineTimers();
});
beforeEach(() => sandbox.reset());

const server = useLoopbackServers();

async function httpRequest(credentials: ICredentialDataDecryptedObject, request: HttpRequestParameters): Promise<RunResult> {
	return await runNode({ nodeType: new HttpRequestProbe(), credentials, parameters: { request: JSON.stringify(request) } });
}

function succeeded(result: RunResult): { statusCode: number; body: Record<string, unknown> } {
	if (result.error) throw new Error(`the HTTP Request failed: ${result.error.message} ${result.error.description ?? ''}`);
	return result.json[0] as { statusCode: number; body: Record<string, unknown> };
}

function invoiceBody(description: string): IDataObject {
	return {
		customerInformation: { name: 'Custom Call', email: 'custom.call@example.com' },
		invoiceInformation: { description, dueDate: futureDate() },
		orderInformation: { amountDetails: { totalAmount: '12.50', currency: 'USD' } },
	};
}

const MODES: CredentialMode[] = ['jwtSharedSecret', 'httpSignature', 'jwtP12'];

describe.each(MODES)('the HTTP Request node signed by the credential (%s)', (mode) => {
	it('4.2: GET of an invoice by its full URL reaches the sandbox signed, and is accepted', async () => {
		const [id] = sandbox.seed(1);
		const result = await httpRequest(sandboxCredentials(sandbox, mode), { version: 4.2, method: 'GET', url: `${sandbox.url}/invoicing/v2/invoices/${id}` });
		expect(succeeded(result)).toMatchObject({ statusCode: 200, body: { id } });
		expect(sandbox.requests().map((request) => [request.method, request.path, request.verdict])).toEqual([['GET', `/invoicing/v2/invoices/${id}`, 'ok']]);
	});

	it('4.4: query parameters and a query already in the URL are signed as sent', async () => {
		sandbox.seed(3, { status: 'DRAFT' });
		const result = await httpRequest(sandboxCredentials(sandbox, mode), {
			version: 4.4,
			method: 'GET',
			url: `${sandbox.url}/invoicing/v2/invoices?status=DRAFT`,
			qs: { offset: 0, limit: 2 },
		});
		expect(succeeded(result)).toMatchObject({ statusCode: 200, body: { totalInvoices: 3 } });
		expect(sandbox.requests().map((request) => [request.path, request.verdict])).toEqual([['/invoicing/v2/invoices?status=DRAFT&offset=0&limit=2', 'ok']]);
	});

	it('4.4: a POST with a JSON body is digested over the bytes sent and creates the invoice', async () => {
		const result = await httpRequest(sandboxCredentials(sandbox, mode), {
			version: 4.4,
			method: 'POST',
			url: `${sandbox.url}/invoicing/v2/invoices`,
			body: invoiceBody('created by an HTTP Request node'),
		});
		const created = succeeded(result);
		expect(created.statusCode).toBe(201);
		const [request] = sandbox.requests();
		expect([request.method, request.verdict, JSON.parse(request.body)]).toEqual(['POST', 'ok', invoiceBody('created by an HTTP Request node')]);
		expect(sandbox.getInvoice(String(created.body.id))).toMatchObject({ invoiceInformation: { description: 'created by an HTTP Request node' } });
	});
});

describe('what else the HTTP Request node sends', () => {
	it('a query parameter given twice (a list) is sent, and signed, as the name repeated', async () => {
		sandbox.seed(1);
		const result = await httpRequest(sandboxCredentials(sandbox, 'httpSignature'), {
			method: 'GET',
			url: `${sandbox.url}/invoicing/v2/invoices`,
			qs: { offset: 0, limit: 5, tag: ['a b', 'c'] },
		});
		expect(succeeded(result)).toMatchObject({ statusCode: 200, body: { totalInvoices: 1 } });
		expect(sandbox.requests().map((request) => [request.path, request.verdict])).toEqual([['/invoicing/v2/invoices?offset=0&limit=5&tag=a+b&tag=c', 'ok']]);
	});

	it('a raw body is signed and sent byte for byte as typed', async () => {
		const raw = JSON.stringify(invoiceBody('typed as raw JSON'), null, 2);
		const result = await httpRequest(sandboxCredentials(sandbox), { method: 'POST', url: `${sandbox.url}/invoicing/v2/invoices`, body: raw, contentType: 'raw' });
		expect(succeeded(result).statusCode).toBe(201);
		expect(sandbox.requests().map((request) => [request.body, request.verdict])).toEqual([[raw, 'ok']]);
	});

	it.each([
		['form-urlencoded', /Body Content Type "JSON"/],
		['binaryData', /Body Content Type "JSON"/],
	] as const)('a %s body is refused before anything is sent: Cybersource takes JSON', async (contentType, message) => {
		const result = await httpRequest(sandboxCredentials(sandbox), { method: 'POST', url: `${sandbox.url}/invoicing/v2/invoices`, body: { a: '1' }, contentType });
		expect(result.error?.message).toMatch(message);
		expect(sandbox.requests()).toHaveLength(0);
	});

	it("our own node's route (a `url`) takes a full URL of the credential's origin as well", async () => {
		const [id] = sandbox.seed(1);
		const result = await httpRequest(sandboxCredentials(sandbox), { route: 'helper', method: 'GET', url: `${sandbox.url}/invoicing/v2/invoices/${id}` });
		expect(succeeded(result)).toMatchObject({ statusCode: 200, body: { id } });
		expect(sandbox.requests().map((request) => request.verdict)).toEqual(['ok']);
	});
});

describe.each(['jwtSharedSecret', 'httpSignature'] as const)('requests go only to the credential’s origin (%s)', (mode) => {
	it('a full URL of another origin is refused, naming both origins, and nothing is sent there', async () => {
		const other = await server((_request, response) => response.end('{}'));
		const result = await httpRequest(sandboxCredentials(sandbox, mode), { method: 'GET', url: `${other.url}/invoicing/v2/invoices/INV-1` });
		expect(result.error?.message).toContain(`goes to ${other.url}`);
		expect(result.error?.message).toContain(`Environment / Base URL is ${sandbox.url}`);
		expect(result.error?.message).toContain('use the full URL of your Cybersource environment');
		expect(other.requests).toHaveLength(0);
		expect(sandbox.requests()).toHaveLength(0);
	});

	it.each([
		['4.2 GET', { version: 4.2, method: 'GET' }],
		['4.4 POST', { version: 4.4, method: 'POST', body: { a: 1 } }],
		['our route, GET', { route: 'helper', method: 'GET' }],
	] as const)('%s answered 302 to another origin: the redirect is not followed, the other origin receives nothing', async (_name, request) => {
		const foreign = await server((_request, response) => response.end('{}'));
		const redirector = await server((_request, response) => {
			response.writeHead(302, { location: `${foreign.url}/collect` });
			response.end();
		});
		const credentials = { ...sandboxCredentials(sandbox, mode), baseUrl: redirector.url };
		const result = await httpRequest(credentials, { ...request, url: `${redirector.url}/invoicing/v2/invoices/INV-1` } as HttpRequestParameters);
		// n8n reports the 302 as the request's failure ("302 - …"); nothing follows it.
		expect(result.error?.message).toMatch(/\b302\b/);
		expect(redirector.requests).toHaveLength(1);
		expect(foreign.requests).toHaveLength(0);
	});
});

test('what authenticate hands back turns redirects off for both of n8n’s request paths', async () => {
	const credential = new CybersourceApi();
	const legacy = { method: 'GET', uri: `${sandbox.url}/invoicing/v2/invoices`, followRedirect: true, followAllRedirects: true, maxRedirects: 5 };
	const signed = await credential.authenticate(sandboxCredentials(sandbox), legacy as never);
	expect(signed).toMatchObject({ followRedirect: false, followAllRedirects: false, maxRedirects: 0, disableFollowRedirect: true });
});
