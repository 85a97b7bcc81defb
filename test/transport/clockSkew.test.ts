/**
 * A wrong clock on the n8n host heals itself: the sandbox runs its clock off ours, rejects the
 * first signature with a 401 whose Date header tells the difference, and the transport signs once
 * more with the sandbox's time, keeps that offset for the credential and says so in a warning.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { forgetCredentialMemory } from '../../credentials/signing/credentialMemory';
import { futureDate, sandboxCredentials, startTestSandbox, type CredentialMode, type Sandbox } from '../harness/sandbox';
import { runNode, stopEngineTimers } from '../harness/engine';
import { invoiceParams } from '../node/helpers';
import { TransportProbe } from './probeNode';

const LIST = { method: 'GET', path: '/invoicing/v2/invoices', query: JSON.stringify({ offset: 0, limit: 1 }) };
const FAST = JSON.stringify({ timeoutMs: 2000, baseDelayMs: 20 });

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(async () => {
	await sandbox.close();
	stopEngineTimers();
});
beforeEach(() => {
	sandbox.reset();
	forgetCredentialMemory();
});

async function probe(parameters: Record<string, string>, mode: CredentialMode = 'jwtSharedSecret', credentials?: ICredentialDataDecryptedObject) {
	return await runNode({
		nodeType: new TransportProbe(),
		credentials: credentials ?? sandboxCredentials(sandbox, mode),
		parameters: { tuning: FAST, ...parameters },
	});
}

const statuses = () => sandbox.requests().map((request) => request.status);

describe('clock skew heals itself', () => {
	it.each<[CredentialMode, number, string]>([
		['jwtSharedSecret', 180, 'auth: jwt expired'],
		['jwtP12', -1200, 'auth: jwt iat in the future'],
		['jwtPem', 600, 'auth: jwt expired'],
		['httpSignature', 1200, 'auth: date outside the 15 minute window'],
	])('%s, sandbox clock %p s off: one 401, signed again with its time, then 200', async (mode, offsetSeconds, verdict) => {
		sandbox.setClockOffset(offsetSeconds * 1000);
		const result = await probe(LIST, mode);
		expect(result.error).toBeUndefined();
		expect(statuses()).toEqual([401, 200]);
		expect(sandbox.requests()[0].verdict).toBe(verdict);
		const [warning] = result.json[0].warnings as string[];
		expect(warning).toMatch(
			new RegExp(`^This machine's clock is \\d+ min \\d+ s ${offsetSeconds > 0 ? 'behind' : 'ahead of'} Cybersource's`),
		);
		expect(warning).toContain('set the n8n server\'s clock right');
	});

	it('keeps the offset for the credential: the next run signs right the first time', async () => {
		sandbox.setClockOffset(300_000);
		await probe(LIST);
		sandbox.clearRequests();
		const next = await probe(LIST);
		expect(next.error).toBeUndefined();
		expect(statuses()).toEqual([200]);
		expect(next.json[0].warnings).toHaveLength(1);
	});

	it('a create refused for the clock is sent again and creates exactly one invoice', async () => {
		sandbox.setClockOffset(-1_200_000);
		const result = await probe({
			method: 'POST',
			path: '/invoicing/v2/invoices',
			body: JSON.stringify({
				customerInformation: { name: 'Tanya Lee', email: 'tanya@example.com' },
				invoiceInformation: { description: 'Clock test', dueDate: futureDate(), sendImmediately: true, deliveryMode: 'none' },
				orderInformation: { amountDetails: { totalAmount: '10.00', currency: 'USD' } },
			}),
		});
		expect(result.error).toBeUndefined();
		expect(statuses()).toEqual([401, 201]);
		const listed = await probe(LIST);
		expect((listed.json[0].body as IDataObject).totalInvoices).toBe(1);
	});

	it('when the host clock is fixed later, the kept offset is corrected the same way and the warning goes', async () => {
		sandbox.setClockOffset(1_200_000);
		await probe(LIST);
		sandbox.setClockOffset(0); // a token signed 20 minutes ahead is now refused
		sandbox.clearRequests();
		const result = await probe(LIST);
		expect(result.error).toBeUndefined();
		expect(statuses()).toEqual([401, 200]);
		expect(result.json[0].warnings).toBeUndefined();
	});

	it('a 401 with the clock in order is not retried', async () => {
		const wrong = { ...sandboxCredentials(sandbox), sharedSecret: Buffer.from('not the secret').toString('base64') };
		const result = await probe(LIST, 'jwtSharedSecret', wrong);
		expect(result.error?.message).toBe('Cybersource authentication failed');
		expect(statuses()).toEqual([401]);
	});

	it('wrong keys on a skewed clock: signed again only once, and the error says the clock is not the cause', async () => {
		sandbox.setClockOffset(600_000);
		const wrong = { ...sandboxCredentials(sandbox), sharedSecret: Buffer.from('not the secret').toString('base64') };
		const result = await probe(LIST, 'jwtSharedSecret', wrong);
		expect(result.error?.message).toBe('Cybersource authentication failed');
		expect(result.error?.description).toContain('signed again with Cybersource\'s time');
		expect(statuses()).toEqual([401, 401]);
	});

	it('requests in flight together on a skewed clock: each 401 is signed again, even after another request learned the offset', async () => {
		// Parallel Requests (and a queue-mode worker running several executions) sign before any
		// answer came back: every one of them is refused, and by the time the later 401s arrive the
		// first has already taught the offset.
		const ids = sandbox.seed(6);
		sandbox.setClockOffset(1_200_000);
		const result = await runNode({
			credentials: sandboxCredentials(sandbox),
			items: ids.map((id) => ({ json: { id } })),
			parameters: invoiceParams('get', '={{ $json.id }}', { options: { parallelRequests: 6 } }),
		});
		expect(result.error).toBeUndefined();
		expect(result.json.map((item) => item.id)).toEqual(ids);
		expect(statuses().filter((status) => status === 401)).toHaveLength(6);
		expect(statuses().filter((status) => status === 200)).toHaveLength(6);
	});

	it('the Cybersource Invoice node puts the warning on the output item', async () => {
		const [id] = sandbox.seed(1);
		sandbox.setClockOffset(240_000);
		const result = await runNode({ credentials: sandboxCredentials(sandbox), parameters: invoiceParams('get', id) });
		expect(result.error).toBeUndefined();
		expect(result.json[0].id).toBe(id);
		expect(result.json[0].warning).toMatch(/^This machine's clock is (3 min 5\d|4 min \d) s behind Cybersource's/);
	});
});
