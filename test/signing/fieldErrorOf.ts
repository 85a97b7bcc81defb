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
