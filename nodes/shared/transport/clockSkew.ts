/**
 * Healing a wrong clock on the n8n host. Cybersource rejects a signature whose time is a few
 * minutes off with a plain 401; its answer's `Date` header tells how far off we are. The
 * transport then remembers Cybersource's offset for the credential and signs again, once.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	CLOCK_TOLERANCE_MS,
	clockOffsetFor,
	describeOffset,
	hasClockOffsets,
	rememberClockOffset,
	type ClockIdentity,
} from '../../../credentials/signing/clockOffset';

/** Reads the credential (the transport passes `this.getCredentials` bound to the context). */
type CredentialReader = () => Promise<IDataObject>;

/** How far the server's `Date` is from the time we signed with (local clock + known offset). */
export function serverSkewMs(headers: IDataObject | undefined, signedWithOffsetMs: number, now = Date.now()): number | undefined {
	const date = Date.parse(String(headers?.date ?? ''));
	return Number.isFinite(date) ? date - (now + signedWithOffsetMs) : undefined;
}

/**
 * After a 401: true when its Date header shows that the clock the request was signed with
 * (`signedWithMs` ahead of ours) is off by more than the tolerance. The server's offset is then
 * remembered for this credential, so the next signature uses it. Measured against the offset the
 * request was signed with, not the one known now: requests signed at the same time (Parallel
 * Requests, or several executions in one process) all get this 401, and the first one back has
 * already taught the offset when the others arrive.
 */
export async function learnClockOffset(
	readCredential: CredentialReader,
	headers: IDataObject | undefined,
	signedWithMs: number,
): Promise<boolean> {
	const skew = serverSkewMs(headers, signedWithMs);
	if (skew === undefined || Math.abs(skew) <= CLOCK_TOLERANCE_MS) return false;
	rememberClockOffset((await readCredential()) as ClockIdentity, signedWithMs + skew);
	return true;
}

/** The offset this credential signs with now; 0 (without reading the credential) when none is known. */
export async function currentClockOffset(readCredential: CredentialReader): Promise<number> {
	if (!hasClockOffsets()) return 0;
	return clockOffsetFor((await readCredential()) as ClockIdentity);
}

export function clockWarning(offsetMs: number): string {
	const side = offsetMs > 0 ? 'behind' : 'ahead of';
	return (
		`This machine's clock is ${describeOffset(offsetMs)} ${side} Cybersource's, so Cybersource first refused the signature. ` +
		"The node now signs with Cybersource's time for this credential; set the n8n server's clock right (turn on automatic time / NTP)."
	);
}
