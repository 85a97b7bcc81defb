/** The per-credential clock offset: keyed without secrets, tolerant of small differences, bounded. */
import {
	CLOCK_TOLERANCE_MS,
	clockKey,
	clockOffsetFor,
	describeOffset,
	rememberClockOffset,
} from '../../credentials/signing/clockOffset';
import { forgetCredentialMemory } from '../../credentials/signing/credentialMemory';
import { serverSkewMs } from '../../nodes/shared/transport/clockSkew';

const credential = {
	environment: 'apitest.cybersource.com',
	merchantId: 'acme',
	authMode: 'jwtSharedSecret',
	accessKeyId: 'key-1',
	sharedSecret: 'c2VjcmV0',
};

beforeEach(() => forgetCredentialMemory());

describe('clock offsets per credential', () => {
	it('is kept per environment, merchant and key; another credential is unaffected', () => {
		rememberClockOffset(credential, 180_000);
		expect(clockOffsetFor(credential)).toBe(180_000);
		expect(clockOffsetFor({ ...credential, accessKeyId: 'key-2' })).toBe(0);
		expect(clockOffsetFor({ ...credential, environment: 'api.cybersource.com' })).toBe(0);
		expect(clockOffsetFor({ ...credential, environment: 'custom', baseUrl: 'http://127.0.0.1:1' })).toBe(0);
	});

	it('the key holds no secret', () => {
		expect(clockKey(credential)).not.toContain(credential.sharedSecret);
	});

	it('an offset within the tolerance is forgotten: the clock is fine', () => {
		rememberClockOffset(credential, 180_000);
		rememberClockOffset(credential, CLOCK_TOLERANCE_MS - 1);
		expect(clockOffsetFor(credential)).toBe(0);
	});

	it('remembers at most 100 credentials, forgetting the oldest first', () => {
		for (let index = 0; index <= 100; index++) rememberClockOffset({ ...credential, accessKeyId: `key-${index}` }, 120_000 + index);
		expect(clockOffsetFor({ ...credential, accessKeyId: 'key-0' })).toBe(0);
		expect(clockOffsetFor({ ...credential, accessKeyId: 'key-1' })).toBe(120_001);
		expect(clockOffsetFor({ ...credential, accessKeyId: 'key-100' })).toBe(120_100);
	});

	it('reads the skew from a Date header against the time that was signed with', () => {
		const now = Date.parse('2026-03-01T12:00:00Z');
		const headers = { date: 'Sun, 01 Mar 2026 12:03:05 GMT' };
		expect(serverSkewMs(headers, 0, now)).toBe(185_000);
		expect(serverSkewMs(headers, 185_000, now)).toBe(0);
		expect(serverSkewMs({}, 0, now)).toBeUndefined();
		expect(serverSkewMs({ date: 'yesterday' }, 0, now)).toBeUndefined();
	});

	it('describes an offset for people', () => {
		expect(describeOffset(45_000)).toBe('45 s');
		expect(describeOffset(-185_000)).toBe('3 min 5 s');
		expect(describeOffset(2 * 3_600_000 + 60_000)).toBe('2 h 1 min');
	});
});
