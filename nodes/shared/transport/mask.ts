/**
 * Keeps signatures and secrets out of errors and output items. Some proxies and gateways echo the
 * request, headers included, in an error body; n8n stores and shows error bodies, so the
 * `Authorization` token or HTTP Signature would be readable (and replayable) there.
 */

export const MASK = '[masked]';

/** Names whose values are credentials, as JSON keys or header names. */
const SECRET_NAME =
	/^(?:proxy-)?authorization$|^signature$|^cookie$|^set-cookie$|^x-api-key$|^api-key$|secret|password|token|^passphrase$|^private-?key$/i;

/** Credential-looking text inside free text: header lines, quoted parameters, bearer and JWT tokens. */
const TEXT_PATTERNS: Array<[RegExp, string]> = [
	[/\b((?:proxy-)?authorization|signature|cookie|x-api-key)(["']?\s*[:=]\s*["']?)[^"'\r\n]+/gi, `$1$2${MASK}`],
	[/\b(signature\s*=\s*")[^"]*"/gi, `$1${MASK}"`],
	[/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${MASK}`],
	[/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, MASK],
];

export function maskText(text: string): string {
	return TEXT_PATTERNS.reduce((masked, [pattern, replacement]) => masked.replace(pattern, replacement), text);
}

/** A copy of `value` with credential values masked, by key name and inside every string. */
export function maskSecrets<T>(value: T, depth = 0): T {
	if (typeof value === 'string') return maskText(value) as T;
	if (!value || typeof value !== 'object' || depth > 20) return value;
	if (Array.isArray(value)) return value.map((entry: unknown) => maskSecrets(entry, depth + 1)) as T;
	const masked: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
		masked[key] = SECRET_NAME.test(key) && entry !== null && entry !== '' ? MASK : maskSecrets(entry, depth + 1);
	}
	return masked as T;
}
