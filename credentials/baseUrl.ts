/*
 * Where requests go, decided once: the credential's Environment list, its test request and its
 * signing, and the node's messages all read this module (the node imports nothing else from
 * credentials/).
 */
import { CredentialFieldError } from './signing/credentialFieldError';

/**
 * The public Cybersource and Visa Acceptance API hosts; the option value is the host itself.
 */
export const ENVIRONMENTS = [
	{ name: 'Cybersource Sandbox', value: 'apitest.cybersource.com' },
	{ name: 'Cybersource Production', value: 'api.cybersource.com' },
	{ name: 'Cybersource India Production', value: 'api.in.cybersource.com' },
	{ name: 'Visa Acceptance Sandbox', value: 'apitest.visaacceptance.com' },
	{ name: 'Visa Acceptance Production', value: 'api.visaacceptance.com' },
	{ name: 'Custom Base URL', value: 'custom' },
] as const;

export const CUSTOM_ENVIRONMENT = 'custom';

const FIELD = 'Base URL';

/**
 * The origin every request goes to. Known environments are always https; a custom base URL (a
 * local test server, a proxy) may be http. A path prefix is kept and becomes part of what is signed.
 */
export function resolveBaseUrl(environment: string, customBaseUrl?: string): URL {
	if (environment !== CUSTOM_ENVIRONMENT) {
		if (!ENVIRONMENTS.some((env) => env.value === environment)) {
			throw new CredentialFieldError('Environment', `Unknown environment "${environment}". Pick one from the list`);
		}
		return new URL(`https://${environment}`);
	}
	const text = (customBaseUrl ?? '').trim();
	if (!URL.canParse(text)) {
		throw new CredentialFieldError(
			FIELD,
			`"${text}" is not a URL. Enter something like http://127.0.0.1:8787 (a local test server) or https://proxy.example.com`,
		);
	}
	const url = new URL(text);
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new CredentialFieldError(FIELD, `must start with http:// or https://, got "${url.protocol}"`);
	}
	if (url.search || url.hash) {
		throw new CredentialFieldError(FIELD, 'must not contain a query string or a fragment');
	}
	url.pathname = url.pathname.replace(/\/+$/, '');
	return url;
}

/** The host requests go to, for messages; the credential's raw value when it does not resolve. */
export function hostForMessages(environment: unknown, customBaseUrl: unknown): string {
	try {
		return resolveBaseUrl(String(environment ?? ''), String(customBaseUrl ?? '')).host;
	} catch {
		return String(environment === CUSTOM_ENVIRONMENT ? customBaseUrl : environment);
	}
}
