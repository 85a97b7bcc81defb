/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** Small sandbox helpers shared by the trigger tests: signed API calls and ready invoices. */
import type { Sandbox } from '../../dev/sandbox';
import { Client } from '../../dev/sandbox/client';
import { futureDate } from '../harness/sandbox';

/** A signed API call to the sandbox (HTTP Signature, the sandbox tests' own signer). */
export async function post(sandbox: Sandbox, path: string, body: object = {}, method = 'POST'): Promise<{ status: number; json: any }> {
	return await new Client(sandbox).call(method, path, body);
}

/** A SENT invoice of 100.00 USD; returns its number. */
export async function createSentInvoice(sandbox: Sandbox, allowPartialPayments = false): Promise<string> {
	const answer = await post(sandbox, '/invoicing/v2/invoices', {
		customerInformation: { name: 'Ada Lovelace', email: 'ada@example.com' },
		invoiceInformation: { description: 'Consulting', dueDate: futureDate(), sendImmediately: true, deliveryMode: 'email', allowPartialPayments },
		orderInformation: { amountDetails: { totalAmount: '100.00', currency: 'USD' } },
	});
	if (answer.status !== 201) throw new Error(`create failed: ${answer.status} ${JSON.stringify(answer.json)}`);
	return String(answer.json.id);
}

/** A customer payment through the sandbox's hook; returns the transaction id its history entry got. */
export function payInvoice(sandbox: Sandbox, id: string, amount?: string): string {
	const invoice = sandbox.pay(id, amount === undefined ? {} : { amount }) as { invoiceHistory: Array<{ event: string; transactionDetails?: { transactionId: string } }> };
	const newest = invoice.invoiceHistory.find((entry) => entry.event === 'PAYMENT');
	if (!newest?.transactionDetails) throw new Error(`the payment on ${id} left no PAYMENT entry`);
	return newest.transactionDetails.transactionId;
}
