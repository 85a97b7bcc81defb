/**
 * Which values are treated as credentials: by key name (any case, at any depth, in lists too),
 * and credential-looking text inside any string. Empty and null values stay as they are, so an
 * error still shows that a header was missing.
 */
import { MASK, maskSecrets, maskText } from '../../nodes/shared/transport/mask';

describe('maskSecrets by key name', () => {
	it.each([
		'Authorization',
		'proxy-authorization',
		'Signature',
		'Cookie',
		'set-cookie',
		'X-Api-Key',
		'api-key',
		'sharedSecret',
		'p12Password',
		'accessToken',
		'passphrase',
		'privateKey',
		'private-key',
	])('masks %s', (key) => {
		expect(maskSecrets({ [key]: 'value-1' })).toEqual({ [key]: MASK });
	});

	it.each(['v-c-merchant-id', 'host', 'digest', 'keyid', 'signatureAlgorithm', 'message'])('keeps %s', (key) => {
		expect(maskSecrets({ [key]: 'value-1' })).toEqual({ [key]: 'value-1' });
	});

	it('keeps empty and null credential values, and masks inside lists', () => {
		expect(maskSecrets({ token: '', password: null, list: [{ secret: 's' }, 'Bearer abc.def'] })).toEqual({
			token: '',
			password: null,
			list: [{ secret: MASK }, `Bearer ${MASK}`],
		});
	});

	it('leaves numbers, booleans and empty values alone', () => {
		expect(maskSecrets(42)).toBe(42);
		expect(maskSecrets(null)).toBeNull();
		expect(maskSecrets({ ok: true, count: 2 })).toEqual({ ok: true, count: 2 });
	});
});

describe('maskText', () => {
	it.each([
		['x-api-key=abc123', `x-api-key=${MASK}`],
		["cookie: 'session=abc'", `cookie: '${MASK}'`],
		['Proxy-Authorization: Basic dXNlcg==', `Proxy-Authorization: ${MASK}`],
	])('masks %j', (text, masked) => {
		expect(maskText(text)).toBe(masked);
	});

	it.each(['Invoice 98753 is PAID', 'customerInformation.email: INVALID_DATA', 'keyid="k1"'])('keeps %j', (text) => {
		expect(maskText(text)).toBe(text);
	});
});
