/**
 * What a refused signature means, in one place: the node's run-time error (transport/errors.ts)
 * and the credential's Test button (its `test.rules`) say the same. Cybersource answers every
 * authentication failure with the same 401 "Authentication Failed" (wrong secret, key of another
 * environment or merchant, clock), so this names the causes in the order they happen. A Key ID
 * that is really the Merchant ID is refused before anything is sent (preparedCredential.ts).
 */
export const AUTH_FAILED_HINT =
	"Check the Cybersource API credential: the Shared Secret Key must be the secret of this Key ID (each key has its own, shown once when the key was created), or the P12 file, password and key alias those of this merchant; the Environment must be the one the key was created in (a sandbox key only works with a Sandbox environment, a production key only with Production); and the key must belong to the Merchant ID. Signatures are only valid for a few minutes, so also check that this machine's clock is right.";

/** A 403: the signature was accepted, the merchant or key may not use invoicing. */
export const FORBIDDEN_HINT =
	'The key is valid but not allowed to do this. Make sure the Invoicing service is enabled for the merchant and the key belongs to it.';
