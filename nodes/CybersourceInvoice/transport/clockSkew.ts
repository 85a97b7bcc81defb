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
 * After a 401: true when its Date header shows the signing clock off by more than the tolerance.
 * The server's offset is then remembered for this credential, so the next signature uses it.
 */
export async function learnClockOffset(readCredential: CredentialReader, headers: IDataObject | undefined): Promise<boolean> {
	const identity = (await readCredential()) as ClockIdentity;
	const known = clockOffsetFor(identity);
	const skew = serverSkewMs(headers, known);
	if (skew === undefined || Math.abs(skew) <= CLOCK_TOLERANCE_MS) return false;
	rememberClockOffset(identity, known + skew);
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
