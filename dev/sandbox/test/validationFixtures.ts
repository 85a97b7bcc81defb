/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** Shared by the validation tests: a complete invoice body, field edits by path, and the 400 they expect. */

import { invoiceBody, type RawResponse } from '../client';

/** The sandbox's fixed clock in these tests: "today" is 2030-06-15 (UTC) for expiration checks. */
export const FIXED_NOW = Date.parse('2030-06-15T23:59:00Z');

export type Body = Record<string, any>;

export function fullBody(): Body {
	return {
		clientReferenceInformation: { partner: { developerId: 'DEV', solutionId: 'SOL' } },
		...invoiceBody(),
		orderInformation: {
			amountDetails: {
				totalAmount: '100.00',
				currency: 'USD',
				taxDetails: { type: 'State Tax' },
				freight: {},
			},
			lineItems: [{ productName: 'Widget', unitPrice: '100.00', quantity: 1 }],
		},
	};
}

/** Sets `a.b[0].c` in a body. */
export function setPath(body: Body, path: string, value: unknown): Body {
	const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
	let target = body;
	for (const key of keys.slice(0, -1)) {
		target[key] ??= {};
		target = target[key];
	}
	if (value === undefined) delete target[keys[keys.length - 1]];
	else target[keys[keys.length - 1]] = value;
	return body;
}

export function withField(path: string, value: unknown): Body {
	return setPath(fullBody(), path, value);
}

/** A 400 VALIDATION_ERRORS answer (stamped with FIXED_NOW) listing exactly these fields and reasons. */
export async function expectInvalid(
	response: RawResponse,
	details: Array<[string, string]>,
	message = 'Invalid request.',
): Promise<void> {
	expect(response.status).toBe(400);
	expect(response.json).toEqual({
		submitTimeUtc: expect.stringMatching(/^2030-06-15T23:59:00\.\d{9}Z$/),
		status: 'BADREQUEST',
		reason: 'VALIDATION_ERRORS',
		message,
		details: details.map(([field, reason]) => ({ field, reason })),
	});
}
