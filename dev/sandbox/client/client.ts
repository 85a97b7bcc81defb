/** A correctly signing client for one sandbox merchant, and a valid invoice body to create with. */

import type { Sandbox, SandboxMerchant } from '../index';
import { rawRequest, type RawResponse } from './rawHttp';
import { signHttp } from './signers';

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
