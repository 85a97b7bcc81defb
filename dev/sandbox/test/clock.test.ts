/**
 * The sandbox's clock: a Date header on every answer, and an offset (option, hook, CLI flag) that
 * makes it reject requests signed with a client clock that is off, like the gateway does.
 */

import type { Sandbox } from '../index';
import { parseArgs } from '../cli';
import { Client, RawResponse, jwtHs256, rawRequest } from '../client';
import { startQuiet } from './helpers';

const LIST = '/invoicing/v2/invoices?offset=0&limit=1';

function dateOf(response: RawResponse): number {
	const header = response.headers.date;
	expect(typeof header).toBe('string');
	return Date.parse(header as string);
}

/** A JWT GET signed at `signedAt` (ms), as a client whose clock shows that time would. */
function jwtGet(sandbox: Sandbox, signedAt: number): Promise<RawResponse> {
	const { merchant } = sandbox;
	const host = new URL(sandbox.url).host;
	const token = jwtHs256({
		method: 'GET',
		resourcePath: LIST,
		host,
		merchantId: merchant.merchantId,
		iat: Math.floor(signedAt / 1000),
		kid: merchant.keyId,
		secret: merchant.sharedSecret,
	});
	return rawRequest(sandbox.url, {
		method: 'GET',
		path: LIST,
		headers: { authorization: `Bearer ${token}`, 'v-c-merchant-id': merchant.merchantId },
	});
}

describe('sandbox clock', () => {
	let sandbox: Sandbox;
	const hook = (method: string, body?: unknown) =>
		rawRequest(sandbox.url, {
			method,
			path: '/__sandbox/clock',
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});

	beforeAll(async () => {
		sandbox = await startQuiet();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	it('sends a Date header with its own time on every answer: success, auth failure, fault, hook', async () => {
		await hook('POST', { offsetSeconds: 600 });
		sandbox.injectFault({ kind: '503', count: 1, path: '/never-signed' });
		const answers = [
			await new Client(sandbox, sandbox.merchant, () => Date.now() + 600_000).get(LIST),
			await rawRequest(sandbox.url, { method: 'GET', path: LIST }),
			await rawRequest(sandbox.url, { method: 'GET', path: '/never-signed' }),
			await hook('GET'),
		];
		expect(answers.map((answer) => answer.status)).toEqual([200, 401, 503, 200]);
		for (const answer of answers) {
			expect(Math.abs(dateOf(answer) - (Date.now() + 600_000))).toBeLessThan(3000);
		}
	});

	it('without an offset the Date header is the real time', async () => {
		const answer = await new Client(sandbox).get(LIST);
		expect(answer.status).toBe(200);
		expect(Math.abs(dateOf(answer) - Date.now())).toBeLessThan(3000);
	});

	it('a JWT signed by a client 3 minutes behind is expired; signed with the Date header time it passes', async () => {
		const set = await hook('POST', { offsetSeconds: 180 });
		expect(set.status).toBe(200);
		expect(set.json.offsetSeconds).toBe(180);

		const skewed = await jwtGet(sandbox, Date.now());
		expect(skewed.status).toBe(401);
		expect(sandbox.requests().at(-1)?.verdict).toBe('auth: jwt expired');

		const healed = await jwtGet(sandbox, dateOf(skewed));
		expect(healed.status).toBe(200);
	});

	it('an HTTP Signature dated 20 minutes off is rejected, whichever side is wrong', async () => {
		for (const offsetSeconds of [1200, -1200]) {
			await hook('POST', { offsetSeconds });
			const skewed = await new Client(sandbox).get(LIST);
			expect(skewed.status).toBe(401);
			expect(sandbox.requests().at(-1)?.verdict).toMatch(/^auth: .*date/i);
			const healed = await new Client(sandbox, sandbox.merchant, () => dateOf(skewed)).get(LIST);
			expect(healed.status).toBe(200);
		}
	});

	it('GET /__sandbox/clock reports the offset; reset() restores the start offset', async () => {
		await hook('POST', { offsetSeconds: -90 });
		const state = await hook('GET');
		expect(state.json.offsetSeconds).toBe(-90);
		expect(Math.abs(Date.parse(state.json.now) - (Date.now() - 90_000))).toBeLessThan(3000);
		sandbox.reset();
		expect((await hook('GET')).json.offsetSeconds).toBe(0);
	});

	it('refuses an offset that is not a number', async () => {
		const answer = await hook('POST', { offsetSeconds: '5 minutes' });
		expect(answer.status).toBe(400);
		expect(answer.json.error).toContain('offsetSeconds');
	});
});

describe('sandbox clock offset at start', () => {
	it('the clockOffsetMs option sets the start offset, which reset() keeps', async () => {
		const sandbox = await startQuiet({ clockOffsetMs: -300_000 });
		try {
			expect(sandbox.clockOffsetMs()).toBe(-300_000);
			sandbox.setClockOffset(0);
			sandbox.reset();
			expect(sandbox.clockOffsetMs()).toBe(-300_000);
			const answer = await new Client(sandbox).get(LIST);
			expect(answer.status).toBe(200); // HTTP Signature allows 15 minutes either way
			expect(Math.abs(dateOf(answer) - (Date.now() - 300_000))).toBeLessThan(3000);
		} finally {
			await sandbox.close();
		}
	});

	it('the CLI flag --clock-offset takes seconds, negative meaning behind', () => {
		expect(parseArgs(['--clock-offset', '-180']).clockOffsetMs).toBe(-180_000);
		expect(parseArgs(['--clock-offset', '+90']).clockOffsetMs).toBe(90_000);
		expect(() => parseArgs(['--clock-offset', '3m'])).toThrow(/--clock-offset is a number of seconds/);
		expect(() => parseArgs(['--clock-offset'])).toThrow(/needs a value/);
	});
});
