/*
 * The request n8n hands `authenticate`, in either shape n8n has, and the options it must send.
 * Our node calls httpRequestWithAuthentication: a `url` (a path, or with `baseURL`), `qs` and a
 * JSON `body`. n8n's HTTP Request node (the "Custom API Call") calls requestWithAuthentication:
 * a full `uri`, `qs` (a repeated name is an array), a JSON object or raw string `body`, or
 * `form` / `formData`, and it asks to follow redirects (`followRedirect`, `followAllRedirects`).
 */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import type { BaseUrl, QueryParameters } from './signing/requestUrl';
import type { RequestToSign, SignedRequest } from './signing/signRequest';

/** IHttpRequestOptions plus what n8n's legacy request path (its IRequestOptions) adds. */
export type N8nRequestOptions = Omit<IHttpRequestOptions, 'url'> & {
	url?: string;
	uri?: string | URL;
	form?: unknown;
	formData?: unknown;
	followRedirect?: boolean;
	followAllRedirects?: boolean;
	maxRedirects?: number;
};

/**
 * Redirects off on both of n8n's paths (axios: disableFollowRedirect; legacy: the other three).
 * Followed, a redirect would repeat the signed request elsewhere: follow-redirects drops
 * `authorization` on a cross-host hop but forwards the HTTP Signature headers.
 */
const NO_REDIRECTS = { disableFollowRedirect: true, followRedirect: false, followAllRedirects: false, maxRedirects: 0 };

const ABSOLUTE = /^https?:\/\//i;

const JSON_ONLY =
	'Cybersource API credential: Cybersource APIs take a JSON body, and the signature covers its exact bytes. In the HTTP Request node set Body Content Type "JSON" (or "Raw" with JSON text), not a form or a file.';

/** The method, URL, query and body the signature must cover. */
export function requestToSign(options: N8nRequestOptions): RequestToSign {
	const url = options.url ?? (options.uri === undefined ? '' : String(options.uri));
	if (!url) throw new Error('Cybersource API credential: the request has no URL. Enter the full URL, e.g. https://apitest.cybersource.com/invoicing/v2/invoices');
	const body = options.body as unknown;
	// A form, a file or a stream is encoded by n8n after signing: its digest cannot be known here.
	if (options.form !== undefined || options.formData !== undefined || !isJson(body)) throw new Error(JSON_ONLY);
	return {
		method: options.method ?? 'GET',
		// As axios does: a base URL only prefixes a relative URL.
		url: options.baseURL && !ABSOLUTE.test(url) ? `${options.baseURL.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}` : url,
		qs: queryOf(options.qs),
		body,
	};
}

function isJson(body: unknown): boolean {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) return true;
	const prototype = Object.getPrototypeOf(body) as unknown;
	return prototype === Object.prototype || prototype === null;
}

/** Scalar values and lists of them (sent as the name repeated); n8n's nested `a[b]` has no place in Cybersource's APIs. */
function queryOf(qs: IDataObject | undefined): QueryParameters | undefined {
	if (!qs) return undefined;
	for (const [name, value] of Object.entries(qs)) {
		if ([value].flat().some((item) => item !== null && typeof item === 'object')) {
			throw new Error(`Cybersource API credential: query parameter "${name}" is an object. Give each query parameter a plain value.`);
		}
	}
	return qs as QueryParameters;
}

/** Only the credential's own origin gets its signature; a path is joined to the Base URL. */
export function assertCredentialOrigin(url: string, base: BaseUrl): void {
	if (!ABSOLUTE.test(url)) return;
	const origin = URL.canParse(url) ? new URL(url).origin : url;
	if (origin === base.origin) return;
	throw new Error(
		`Cybersource API credential: this request goes to ${origin}, but the credential's Environment / Base URL is ${base.origin}. ` +
			`The credential signs requests to its own Cybersource host only: use the full URL of your Cybersource environment, e.g. ${base.origin}${base.prefix}/invoicing/v2/invoices/…, ` +
			'or choose the credential whose Environment matches this URL.',
	);
}

/** The options to send: the URL, body and headers exactly as signed, nothing followed. */
export function sendAsSigned(options: N8nRequestOptions, signed: SignedRequest): IHttpRequestOptions {
	const signedNames = new Set(Object.keys(signed.headers));
	// A header of the same name in other letter case would be sent as well, or instead.
	const headers = Object.fromEntries(Object.entries(options.headers ?? {}).filter(([name]) => !signedNames.has(name.toLowerCase())));
	const sent: N8nRequestOptions = {
		...options,
		method: signed.method as IHttpRequestOptions['method'],
		url: signed.url,
		headers: { ...headers, ...signed.headers },
		...NO_REDIRECTS,
	};
	// The URL is final (query included) and must be sent exactly as signed.
	delete sent.uri;
	delete sent.baseURL;
	delete sent.qs;
	if (signed.body === undefined) delete sent.body;
	else sent.body = signed.body;
	return sent as IHttpRequestOptions;
}
