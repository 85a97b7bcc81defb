/**
 * Every failed call becomes an error a non-programmer can act on: what happened in the message,
 * what to do in the description, by HTTP status and body shape; credentials never shown.
 */
import type { INode } from 'n8n-workflow';

import {
	apiError,
	malformedResponseError,
	networkError,
	redirectError,
	type ApiFailureContext,
} from '../../nodes/shared/transport/errors';

const node: INode = {
	id: '1',
	name: 'Cybersource Invoice',
	type: 'n8n-nodes-cybersource-invoice.cybersourceInvoice',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const get: ApiFailureContext = { method: 'GET', path: '/invoicing/v2/invoices/98753', attempts: 3, itemIndex: 2 };
const post: ApiFailureContext = { method: 'POST', path: '/invoicing/v2/invoices', attempts: 1 };
const cancel: ApiFailureContext = { method: 'POST', path: '/invoicing/v2/invoices/98753/cancelation', attempts: 1 };

describe('apiError: message and description by status and body', () => {
	it.each<[string, number, unknown, ApiFailureContext, string, string | RegExp]>([
		[
			'a 400 lists the fields the API named',
			400,
			{ reason: 'MISSING_FIELD', message: 'Declined - missing fields', details: [{ field: 'customerInformation.email', reason: 'MISSING_FIELD' }] },
			post,
			'Cybersource rejected the request: Declined - missing fields (customerInformation.email: MISSING_FIELD)',
			'Fields: customerInformation.email: MISSING_FIELD\nReason: MISSING_FIELD',
		],
		[
			'a 400 body given as JSON text is read the same',
			400,
			'{"message":"Bad amount","details":[{"field":"orderInformation.amountDetails.totalAmount","reason":"INVALID_DATA"}]}',
			post,
			'Cybersource rejected the request: Bad amount (orderInformation.amountDetails.totalAmount: INVALID_DATA)',
			'Fields: orderInformation.amountDetails.totalAmount: INVALID_DATA',
		],
		[
			'a refused action names the action and the invoice',
			400,
			{ reason: 'ACTION_NOT_ALLOWED', message: 'Requested action is not allowed.' },
			cancel,
			'Cybersource refused to cancel invoice "98753": Requested action is not allowed.',
			/^The invoice's current status does not allow this\..*\nReason: ACTION_NOT_ALLOWED$/s,
		],
		[
			'a duplicate invoice number says to give each its own',
			400,
			{ reason: 'DUPLICATE_RECORD', message: 'Duplicate invoice number' },
			post,
			'Cybersource rejected the request: Duplicate invoice number',
			/^An invoice with this invoice number already exists\./,
		],
		[
			'a 401 passes on what Cybersource said, from a JSON-text rmsg',
			401,
			{ response: { rmsg: '{"error":"invalid_token","error_description":"Signature expired"}' } },
			get,
			'Cybersource authentication failed',
			/^Cybersource says: Signature expired\. Check the Cybersource API credential: the Shared Secret Key must be the secret of this Key ID/,
		],
		[
			'a 401 with a plain rmsg',
			401,
			{ response: { rmsg: 'Authentication Failed' } },
			get,
			'Cybersource authentication failed',
			/^Cybersource says: Authentication Failed\. Check the Cybersource API credential/,
		],
		[
			'a 403 points at the Invoicing service',
			403,
			{ message: 'Forbidden' },
			get,
			'Cybersource refused access (403)',
			'The key is valid but not allowed to do this. Make sure the Invoicing service is enabled for the merchant and the key belongs to it. Forbidden',
		],
		[
			'a 404 on an invoice names it',
			404,
			{},
			get,
			'Invoice "98753" does not exist',
			'Check the invoice number, and that the credential is for the merchant that owns the invoice.',
		],
		[
			'a 404 elsewhere names the path',
			404,
			{ message: 'Not found' },
			{ method: 'GET', path: '/invoicing/v2/invoiceSettings', attempts: 1 },
			'Cybersource could not find /invoicing/v2/invoiceSettings: Not found',
			'Not found',
		],
		[
			'a 429 says how often it was tried',
			429,
			{},
			get,
			'Cybersource is limiting the request rate (429)',
			/^Gave up after 3 attempt\(s\)\. Slow the workflow down/,
		],
		[
			'a 5xx on a read says it was retried',
			503,
			{ message: 'Service unavailable' },
			get,
			'Cybersource had a server problem (503): Service unavailable',
			'Gave up after 3 attempt(s). Try again later, or enable "Retry On Fail" in the node settings.',
		],
		[
			'a 5xx on a POST warns that it may have been applied',
			500,
			{},
			post,
			'Cybersource had a server problem (500)',
			/^It was not retried automatically because it may have been applied\. Check the invoice with Get or Get Many/,
		],
		[
			'any other status is passed on with its reason',
			409,
			{ message: 'Conflict', reason: 'CONFLICT' },
			post,
			'Cybersource answered 409: Conflict',
			'CONFLICT',
		],
	])('%s', (_rule, status, body, context, message, description) => {
		const error = apiError(node, status, body, context);
		expect(error.message).toBe(message);
		if (typeof description === 'string') expect(error.description).toBe(description);
		else expect(error.description).toMatch(description);
		expect(error.httpCode).toBe(String(status));
		expect(error.context.itemIndex).toBe(context.itemIndex);
	});

	it('says the clock was already corrected when a re-signed request is still refused', () => {
		const error = apiError(node, 401, {}, { ...get, clockOffsetMs: 120_000 });
		expect(error.description).toMatch(/signed again with Cybersource's time, 120 s off this machine's clock, and was still refused/);
	});

	it('never shows a signature or token the server echoed back', () => {
		const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJpYXQiOjF9.c2ln';
		const error = apiError(node, 400, { message: `Bad request, Authorization: Bearer ${jwt}`, headers: { signature: 'keyid="k"' } }, post);
		expect(error.message).not.toContain(jwt);
		expect(JSON.stringify(error.errorResponse)).not.toContain(jwt);
		expect(JSON.stringify(error.errorResponse)).not.toContain('keyid="k"');
	});
});

describe('networkError', () => {
	it.each<[string, string, ApiFailureContext, string, RegExp]>([
		['a refused connection: nothing was sent', 'ECONNREFUSED', post, 'Could not reach Cybersource at api.example.test (ECONNREFUSED)', /^Gave up after 1 attempt\(s\)\. Check the Environment \/ Base URL/],
		['a reset POST may have been applied', 'ECONNRESET', post, 'Could not reach Cybersource at api.example.test (ECONNRESET)', /^The request may have reached Cybersource and been applied/],
		['a timed-out POST may have been applied', 'ETIMEDOUT', post, 'Cybersource at api.example.test did not answer in time', /^The request may have reached Cybersource and been applied/],
		['a timed-out read was retried', 'ECONNABORTED', get, 'Cybersource at api.example.test did not answer in time', /^Gave up after 3 attempt\(s\)\..*\(socket hang up\)$/],
	])('%s', (_rule, code, context, message, description) => {
		const error = networkError(node, { code, message: 'socket hang up' }, 'api.example.test', context);
		expect(error.message).toBe(message);
		expect(error.description).toMatch(description);
	});
});

describe('answers that are not what the API sends', () => {
	it('a body that is not JSON', () => {
		const error = malformedResponseError(node, 200, '<html>Login</html>', get);
		expect(error.message).toBe('Cybersource answered 200 with something that is not JSON');
		expect(error.description).toMatch(/^GET \/invoicing\/v2\/invoices\/98753: the answer could not be read\./);
	});

	it('a redirect, which is never followed', () => {
		const error = redirectError(node, 307, 'https://elsewhere.example/invoicing', post);
		expect(error.message).toBe('Cybersource answered 307, a redirect to https://elsewhere.example/invoicing, which was not followed');
		expect(redirectError(node, 302, undefined, post).message).toBe('Cybersource answered 302, a redirect to (no Location header), which was not followed');
	});
});
