/**
 * The signed URL is built by joining strings when the path is plain; it must be byte for byte
 * what the URL parser (which the HTTP client uses) makes of the same request.
 */
import { baseUrlOf, requestUrl, type QueryParameters } from '../../credentials/signing/requestUrl';

function parserUrl(base: string, url: string, qs: QueryParameters): { url: string; host: string; target: string } {
	const origin = new URL(base);
	const prefix = origin.pathname.replace(/\/+$/, '');
	const parsed = /^https?:\/\//i.test(url)
		? new URL(url)
		: new URL(`${origin.origin}${prefix}${url.startsWith('/') ? url : `/${url}`}`);
	for (const [key, values] of Object.entries(qs)) {
		for (const value of [values].flat()) {
			if (value !== undefined && value !== null) parsed.searchParams.append(key, String(value));
		}
	}
	return { url: parsed.toString(), host: parsed.host, target: `${parsed.pathname}${parsed.search}` };
}

const BASES = ['https://apitest.cybersource.com', 'http://127.0.0.1:8787', 'https://Proxy.Example.com:8443/cyber/'];
const PATHS = [
	'/invoicing/v2/invoices',
	'invoicing/v2/invoices',
	'/invoicing/v2/invoices/INV%2F1/delivery',
	'/invoicing/v2/invoices/a b',
	'/invoicing/v2/invoices/é',
	'/invoicing/v2/./invoices',
	'/invoicing/v2/x/../invoices',
	'/invoicing/v2/%2e%2E/invoices',
	'/invoicing/v2/invoices?offset=0',
	'/invoicing/v2/invoices#fragment',
	'/invoicing/v2/invoices/\'"<>`{}|\\^',
	'https://api.cybersource.com/invoicing/v2/invoices',
];
const QUERIES: QueryParameters[] = [
	{},
	{ offset: 0, limit: 10, status: 'DRAFT' },
	{ status: undefined, limit: 1 },
	{ q: "a b+c&d=e/f?g!h'i(j)k~l*m.n-o_p", 'ké y': 'ü€😀', 2: true },
	{ broken: 'x\ud800y' },
	// n8n's HTTP Request node: a repeated name is a list; a JSON query may hold null.
	{ tag: ['a', 'b c', 2], none: null, limit: 1 },
];

describe('requestUrl equals the URL parser', () => {
	for (const base of BASES) {
		for (const path of PATHS) {
			it.each(QUERIES.map((qs) => [JSON.stringify(qs), qs] as const))(`${base} + ${path} + %s`, (_name, qs) => {
				expect(requestUrl(baseUrlOf(new URL(base)), path, qs)).toEqual(parserUrl(base, path, qs));
			});
		}
	}
});
