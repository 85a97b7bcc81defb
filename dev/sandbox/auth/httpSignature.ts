/**
 * HTTP Signature verification: HMAC-SHA256 over the signed header lines, key =
 * base64-decoded shared secret, `request-target` without parentheses (the gateway stopped
 * accepting `(request-target)` on 2024-04-22).
 */

import { createHmac } from 'node:crypto';
import type { KeyCandidate, MerchantRegistry } from '../domain/merchants';
import {
	AuthRequest,
	AuthResult,
	BODY_METHODS,
	MAX_SKEW_MS,
	bodyDigest,
	checkBinding,
	fail,
	headerValue,
	safeEqual,
} from './common';

const MODE = 'httpSignature' as const;

/** `keyid="…", algorithm="…", headers="…", signature="…"` → lower-cased keys. */
export function parseSignatureHeader(value: string): Record<string, string> {
	const params: Record<string, string> = {};
	for (const match of value.matchAll(/([A-Za-z][\w-]*)\s*=\s*"([^"]*)"/g)) {
		params[match[1].toLowerCase()] = match[2];
	}
	return params;
}

export function verifyHttpSignature(req: AuthRequest, registry: MerchantRegistry): AuthResult {
	const raw = headerValue(req.headers, 'signature') ?? '';
	const params = parseSignatureHeader(raw);
	const listProblem = signedListProblem(params, req.method);
	if (listProblem) return fail(listProblem, MODE);
	const names = params.headers.trim().toLowerCase().split(/\s+/);

	const candidates = registry.keyCandidates(params.keyid);
	if (candidates.length === 0) return fail(`unknown key id "${params.keyid}"`, MODE);

	const merchantId = headerValue(req.headers, 'v-c-merchant-id');
	if (!merchantId) return fail('signed header "v-c-merchant-id" missing from request', MODE);

	// Lines before/after the v-c-merchant-id line: its value depends on the candidate key.
	const lines: string[] = [];
	let midIndex = -1;
	for (const name of names) {
		if (name === 'request-target') {
			lines.push(`request-target: ${req.method.toLowerCase()} ${req.rawPath}`);
		} else if (name === 'v-c-merchant-id') {
			midIndex = lines.length;
			lines.push('');
		} else {
			const value = headerValue(req.headers, name);
			if (value === undefined)
				return fail(`signed header "${name}" missing from request`, MODE, merchantId);
			lines.push(`${name}: ${value}`);
		}
	}

	// Compared as text: base64 decoders ignore the padding bits, the gateway compares strings.
	const provided = Buffer.from(params.signature, 'utf8');
	const signs = (candidate: KeyCandidate, text: string[], key = candidate.secret): boolean => {
		// Meta keys sign the portfolio id while the header carries the transacting MID.
		text[midIndex] =
			`v-c-merchant-id: ${candidate.kind === 'meta' ? candidate.portfolioId : merchantId}`;
		const expected = createHmac('sha256', key).update(text.join('\n'), 'utf8').digest('base64');
		return safeEqual(Buffer.from(expected), provided);
	};
	const matched = candidates.filter((candidate) => signs(candidate, lines));
	if (matched.length === 0) {
		const hint = diagnose(req, names, lines, candidates, signs);
		return fail(
			`signature mismatch${hint ? ` (it would match with ${hint})` : ''}`,
			MODE,
			merchantId,
		);
	}

	const freshness = digestAndDateProblem(req, names);
	if (freshness) return fail(freshness, MODE, merchantId);

	let problem: string | undefined;
	for (const candidate of matched) {
		problem = checkBinding(registry, candidate, merchantId);
		if (!problem) return { ok: true, merchantId, mode: MODE };
	}
	return fail(problem ?? 'signature mismatch', MODE, merchantId);
}

/** The Signature header's parameters and signed-header list: what must be there before any key is tried. */
function signedListProblem(params: Record<string, string>, method: string): string | undefined {
	for (const name of ['keyid', 'algorithm', 'headers', 'signature']) {
		if (!params[name]) return `signature header lacks ${name}`;
	}
	if (params.algorithm.toLowerCase() !== 'hmacsha256') {
		return `unsupported algorithm "${params.algorithm}"`;
	}
	const names = params.headers.trim().toLowerCase().split(/\s+/);
	if (names.includes('(request-target)')) {
		return 'legacy "(request-target)" is no longer accepted; sign "request-target"';
	}
	if (!names.includes('request-target')) return 'request-target not signed';
	if (!names.includes('host')) return 'host not signed';
	if (!names.includes('date') && !names.includes('v-c-date')) return 'date not signed';
	if (!names.includes('v-c-merchant-id')) return 'v-c-merchant-id not signed';
	const needsDigest = BODY_METHODS.has(method);
	if (needsDigest && !names.includes('digest')) return 'digest not signed';
	return undefined;
}

/** After the signature matched: the body against its signed digest, and the signed date within ±15 minutes. */
function digestAndDateProblem(req: AuthRequest, names: string[]): string | undefined {
	if (names.includes('digest')) {
		const digest = headerValue(req.headers, 'digest') ?? '';
		const separator = digest.indexOf('=');
		if (digest.slice(0, separator).toUpperCase() !== 'SHA-256') {
			return 'digest algorithm must be SHA-256';
		}
		if (digest.slice(separator + 1) !== bodyDigest(req.body))
			return 'digest mismatch';
	}

	for (const name of ['date', 'v-c-date']) {
		if (!names.includes(name)) continue;
		const time = Date.parse(headerValue(req.headers, name) ?? '');
		if (Number.isNaN(time)) return `unparseable ${name} header`;
		if (Math.abs(req.now - time) > MAX_SKEW_MS) {
			return `${name} outside the 15 minute window`;
		}
	}
	return undefined;
}

/**
 * Only on failure: tries the classic client mistakes so the verdict can say which one was made.
 * Tampered requests match none of them and keep the plain "signature mismatch".
 */
function diagnose(
	req: AuthRequest,
	names: string[],
	lines: string[],
	candidates: KeyCandidate[],
	signs: (candidate: KeyCandidate, text: string[], key?: Buffer) => boolean,
): string | undefined {
	const at = (name: string): number => names.indexOf(name);
	const replaced = (name: string, value: string): string[] => {
		const copy = [...lines];
		copy[at(name)] = `${name}: ${value}`;
		return copy;
	};
	const method = req.method.toLowerCase();
	const host = headerValue(req.headers, 'host') ?? '';
	const path = req.rawPath;
	let decoded = path;
	try {
		decoded = decodeURIComponent(path);
	} catch {
		// keep the raw path
	}
	const variants: Array<[string, string[]]> = [
		['host without its port', replaced('host', host.replace(/:\d+$/, ''))],
		[
			'request-target without the query string',
			replaced('request-target', `${method} ${path.split('?')[0]}`),
		],
		[
			'request-target with an upper-case method',
			replaced('request-target', `${req.method} ${path}`),
		],
		['request-target with the path decoded', replaced('request-target', `${method} ${decoded}`)],
	];
	for (const candidate of candidates) {
		// The secret's text bytes instead of its base64-decoded bytes.
		const textKey = Buffer.from(candidate.secret.toString('base64'), 'utf8');
		if (signs(candidate, [...lines], textKey))
			return 'the shared secret used as text, not base64-decoded';
		for (const [hint, text] of variants) {
			if (text.join('\n') !== lines.join('\n') && signs(candidate, text)) return hint;
		}
	}
	return undefined;
}
