/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The transport without the router: a caller passes a RequestScope explicitly, and gets the
 * scope's Parallel Requests limit, its slow-down after a 429, and the items' warnings, all
 * from the scope it passed (nothing is found through the n8n context).
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { forgetCredentialMemory } from '../../credentials/signing/credentialMemory';
import { cybersourceApiCall, type RequestOptions } from '../../nodes/shared/transport';
import { RequestScope } from '../../nodes/shared/transport/requestScope';
import { singleRequest } from '../../nodes/shared/transport/requestOptions';

type Answer = { statusCode: number; headers?: IDataObject; body?: IDataObject };

/** An execute context whose HTTP answers come from `answer`, a few ms late; counts requests in flight. */
function fakeContext(answer: (call: number) => Answer) {
	const seen = { calls: 0, inFlight: 0, maxInFlight: 0 };
	const node: INode = { id: '1', name: 'Cybersource Invoice', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };
	const context = {
		getNode: () => node,
		getCredentials: async () => ({ environment: 'apitest.cybersource.com', merchantId: 'scope_merchant', authMode: 'jwtSharedSecret', accessKeyId: 'k' }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, _request: IHttpRequestOptions) => {
				const call = ++seen.calls;
				seen.inFlight++;
				seen.maxInFlight = Math.max(seen.maxInFlight, seen.inFlight);
				await new Promise((resolve) => setTimeout(resolve, 5));
				seen.inFlight--;
				const { statusCode, headers = {}, body = { ok: true } } = answer(call);
				return { statusCode, headers, body };
			},
		},
	};
	return { context: context as unknown as IExecuteFunctions, seen };
}

const FAST = { baseDelayMs: 1 };
const get = (context: IExecuteFunctions, options: RequestOptions) =>
	cybersourceApiCall.call(context, 'GET', '/invoicing/v2/invoices', undefined, undefined, { tuning: FAST, ...options });

beforeEach(() => forgetCredentialMemory());
afterAll(() => forgetCredentialMemory());

describe('cybersourceApiCall with an explicit RequestScope', () => {
	it('keeps at most the scope’s Parallel Requests in flight', async () => {
		const { context, seen } = fakeContext(() => ({ statusCode: 200 }));
		const scope = new RequestScope(2);
		await Promise.all([0, 1, 2, 3, 4, 5].map((itemIndex) => get(context, { scope, itemIndex })));
		expect(seen.calls).toBe(6);
		expect(seen.maxInFlight).toBe(2);
	});

	it('halves the scope’s limit after a 429 and retries the read', async () => {
		const { context, seen } = fakeContext((call) => (call === 1 ? { statusCode: 429, headers: { 'retry-after': '0' } } : { statusCode: 200 }));
		const scope = new RequestScope(4);
		const response = await get(context, { scope, itemIndex: 0 });
		expect(response.statusCode).toBe(200);
		expect(seen.calls).toBe(2);
		expect(scope.limiter.allowed).toBe(2);
	});

	it('records a corrected clock as a warning for the item, in the scope', async () => {
		const cybersourceTime = new Date(Date.now() + 10 * 60_000).toUTCString();
		const { context } = fakeContext((call) => (call === 1 ? { statusCode: 401, headers: { date: cybersourceTime } } : { statusCode: 200 }));
		const scope = new RequestScope(1);
		const response = await get(context, { scope, itemIndex: 3 });
		const [warning] = scope.warnings.take(3);
		// The Date header has whole seconds: 10 minutes ahead reads as 9 min 59 s or 10 min 0 s.
		expect(warning).toMatch(/This machine's clock is (9 min 59 s|10 min 0 s) behind Cybersource's/);
		expect(response.warnings).toEqual([warning]);
		expect(scope.warnings.take(3)).toEqual([]); // taken once
	});

	it('singleRequest() sends one at a time and keeps no warnings for an item', async () => {
		const { context, seen } = fakeContext(() => ({ statusCode: 200 }));
		const options = singleRequest();
		await Promise.all([0, 1, 2].map(() => get(context, options)));
		expect(seen.maxInFlight).toBe(1);
		expect(options.scope.warnings.take(0)).toEqual([]);
	});

	it('is refused without a scope', async () => {
		const { context, seen } = fakeContext(() => ({ statusCode: 200 }));
		// @ts-expect-error: every caller must say which run its request belongs to
		await expect(cybersourceApiCall.call(context, 'GET', '/invoicing/v2/invoices', undefined, undefined, { itemIndex: 0 })).rejects.toThrow(TypeError);
		expect(seen.calls).toBe(0);
	});
});
