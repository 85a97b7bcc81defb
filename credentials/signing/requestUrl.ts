/**
 * The URL a request is signed for and sent to. Built by joining strings when the path is plain
 * (the common case, and the same bytes the URL parser would produce); anything unusual goes
 * through the URL parser so it is normalised exactly as the HTTP client will send it.
 */

/** The parts of the credential's base URL a request needs; parsed once per credential. */
export interface BaseUrl {
	/** `https://apitest.cybersource.com`, or a custom base's scheme, host and port. */
	origin: string;
	/** A custom base URL's path without the trailing slash (usually ''). */
	prefix: string;
	/** Host and port as sent in the Host header. */
	host: string;
}

export interface RequestUrl {
	url: string;
	host: string;
	/** Path plus query string, exactly as sent on the request line. */
	target: string;
}

type QueryValue = string | number | boolean | null | undefined;

/** A list is sent as the name repeated; undefined and null are left out. */
export type QueryParameters = Record<string, QueryValue | QueryValue[]>;

export function baseUrlOf(url: URL): BaseUrl {
	return { origin: url.origin, prefix: url.pathname.replace(/\/+$/, ''), host: url.host };
}

/**
 * Characters the URL parser keeps as they are in a path. Dot segments (`/./`, `/../`, also
 * written `%2e`) are normalised by the parser, so they take the slow path too.
 */
const PLAIN_PATH = /^\/[\w\-.~!$&()*+,;=:@%/]*$/;
const DOT_SEGMENT = /\/\.|%2e/i;
const ABSOLUTE = /^https?:\/\//i;

export function requestUrl(base: BaseUrl, url: string, qs: QueryParameters = {}): RequestUrl {
	const path = url.startsWith('/') ? url : `/${url}`;
	const plain = !ABSOLUTE.test(url) && PLAIN_PATH.test(path) && !DOT_SEGMENT.test(path);
	const query = plain ? formQuery(qs) : undefined;
	if (query === undefined) return parsedUrl(base, url, path, qs);
	const target = query ? `${base.prefix}${path}?${query}` : `${base.prefix}${path}`;
	return { url: `${base.origin}${target}`, host: base.host, target };
}

/** An absolute URL keeps its own host; a relative one is joined to the base. */
function parsedUrl(base: BaseUrl, url: string, path: string, qs: QueryParameters): RequestUrl {
	const parsed = ABSOLUTE.test(url) ? new URL(url) : new URL(`${base.origin}${base.prefix}${path}`);
	for (const key in qs) {
		for (const value of [qs[key]].flat()) {
			if (value !== undefined && value !== null) parsed.searchParams.append(key, String(value));
		}
	}
	return { url: parsed.toString(), host: parsed.host, target: `${parsed.pathname}${parsed.search}` };
}

/** The query string as URLSearchParams writes it; undefined for text it would repair first. */
function formQuery(qs: QueryParameters): string | undefined {
	let query = '';
	for (const key in qs) {
		for (const value of [qs[key]].flat()) {
			if (value === undefined || value === null) continue;
			const name = formEncode(key);
			const text = formEncode(String(value));
			if (name === undefined || text === undefined) return undefined;
			query += query ? `&${name}=${text}` : `${name}=${text}`;
		}
	}
	return query;
}

const FORM_SAFE = /^[\w*.-]*$/;
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/**
 * application/x-www-form-urlencoded, as URLSearchParams writes it: only letters, digits and
 * `*-._` stay, a space becomes `+`. encodeURIComponent also keeps `!'()~`, so those are encoded.
 * A lone surrogate (which URLSearchParams replaces) gives undefined.
 */
function formEncode(text: string): string | undefined {
	if (FORM_SAFE.test(text)) return text;
	if (LONE_SURROGATE.test(text)) return undefined;
	return encodeURIComponent(text)
		.replace(/[!'()~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
		.replace(/%20/g, '+');
}
