/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** Sandbox test fixtures: a quiet sandbox on a free port (per file, with a client) and the documented worked-example credentials. */

import { Client } from '../client';
import { Sandbox, SandboxOptions, startSandbox } from '../index';

export function startQuiet(options: SandboxOptions = {}): Promise<Sandbox> {
	return startSandbox({ port: 0, quiet: true, ...options });
}

export interface PerFileOptions extends SandboxOptions {
	/** Clear invoices, log and faults before every test. */
	resetEach?: boolean;
	/** The client's clock (default: the real one), for files that pin the sandbox's `now`. */
	clientClock?: () => number;
}

/**
 * One quiet sandbox for the whole test file, closed after it, and a signing client for its default
 * merchant; `ready` hands both to the file's own variables before the first test.
 */
export function sandboxPerFile(
	ready: (started: { sandbox: Sandbox; client: Client }) => void,
	options: PerFileOptions = {},
): void {
	const { resetEach, clientClock, ...sandboxOptions } = options;
	let sandbox: Sandbox | undefined;
	beforeAll(async () => {
		sandbox = await startQuiet(sandboxOptions);
		ready({ sandbox, client: new Client(sandbox, sandbox.merchant, clientClock) });
	});
	afterAll(() => sandbox?.close());
	if (resetEach) beforeEach(() => sandbox?.reset());
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
