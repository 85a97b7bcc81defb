/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
import { CredentialFieldError } from '../../credentials/signing/credentialFieldError';

/** The CredentialFieldError `work` throws; any other outcome fails the test. */
export function fieldErrorOf(work: () => unknown): CredentialFieldError {
	try {
		work();
	} catch (error) {
		if (error instanceof CredentialFieldError) return error;
		throw error;
	}
	throw new Error('expected a CredentialFieldError');
}
