/** Masking credentials out of error bodies: by key name and inside free text. */
import { MASK, maskSecrets, maskText } from '../../nodes/shared/transport/mask';

const JWT = 'eyJ0eXAiOiJKV1QifQ.eyJpYXQiOjE3MDAwMDAwMDB9.c2lnbmF0dXJlLWJ5dGVz';

describe('maskText', () => {
	it.each([
		[`Authorization: Bearer ${JWT}`, `Authorization: ${MASK}`],
		[`{"authorization":"Bearer ${JWT}","host":"x"}`, `{"authorization":"${MASK}","host":"x"}`],
		['signature: keyid="k1", algorithm="HmacSHA256", signature="c2VjcmV0LXNpZw=="', `signature: ${MASK}"k1", algorithm="HmacSHA256", signature="${MASK}"`],
		[`token was ${JWT} today`, `token was ${MASK} today`],
		['Basic dXNlcjpwYXNz', `Basic ${MASK}`],
	])('%s', (text, expected) => {
		expect(maskText(text)).toBe(expected);
	});

	it('leaves ordinary Cybersource messages alone', () => {
		const message = 'Declined - The request is missing one or more fields (customerInformation.email: INVALID_DATA)';
		expect(maskText(message)).toBe(message);
	});
});

describe('maskSecrets', () => {
	it('masks values under credential names at any depth and text everywhere else', () => {
		const body = {
			message: 'Bad request',
			details: [{ field: 'amount', reason: 'MISSING_FIELD' }],
			request: { headers: { Authorization: `Bearer ${JWT}`, Signature: 'keyid="k"', 'v-c-merchant-id': 'acme', cookie: 'a=b' } },
			echo: `Proxy-Authorization: Basic abc`,
			sharedSecret: 'c2VjcmV0',
			emptyToken: '',
		};
		expect(maskSecrets(body)).toEqual({
			message: 'Bad request',
			details: [{ field: 'amount', reason: 'MISSING_FIELD' }],
			request: { headers: { Authorization: MASK, Signature: MASK, 'v-c-merchant-id': 'acme', cookie: MASK } },
			echo: `Proxy-Authorization: ${MASK}`,
			sharedSecret: MASK,
			emptyToken: '',
		});
		expect(body.request.headers.Authorization).toBe(`Bearer ${JWT}`); // a copy, the input is untouched
	});
});
