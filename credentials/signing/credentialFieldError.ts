/**
 * Thrown for anything the user must fix in the credential; `field` is the credential field's
 * display name.
 */
export class CredentialFieldError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
		this.name = 'CredentialFieldError';
	}
}
