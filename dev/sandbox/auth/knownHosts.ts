/**
 * The public Cybersource and Visa Acceptance API hosts. The sandbox keeps its own list (it never
 * imports the credential's code) so that a change on either side cannot hide a mismatch.
 */
export const CYBERSOURCE_API_HOSTS: ReadonlySet<string> = new Set([
	'apitest.cybersource.com',
	'api.cybersource.com',
	'api.in.cybersource.com',
	'apitest.visaacceptance.com',
	'api.visaacceptance.com',
]);

/** `apitest.cybersource.com` or `apitest.cybersource.com:443`, in any letter case. */
export function isCybersourceApiHost(value: string): boolean {
	const match = /^([^:]+)(?::443)?$/.exec(value.trim().toLowerCase());
	return match !== null && CYBERSOURCE_API_HOSTS.has(match[1]);
}
