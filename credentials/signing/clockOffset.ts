/**
 * How far Cybersource's clock is from this machine's, per credential. Signatures carry the
 * signing time and the gateway rejects them when it is a few minutes off, so a host with a wrong
 * clock gets nothing but 401s. The transport learns the offset from the `Date` header of such a
 * 401 and records it here; signRequest adds it to the time it signs with. One module instance
 * serves both (the credential and the node are loaded from the same package).
 */
import { credentialMemory } from './credentialMemory';

/** Differences up to this are normal (network delay, the Date header's one-second resolution). */
export const CLOCK_TOLERANCE_MS = 60_000;

/** Credentials remembered at most; the oldest is forgotten first. */
const MAX_CREDENTIALS = 100;

/** A process-wide store of credentialMemory.ts. */
const offsets = credentialMemory.clockOffsets;

/** The credential fields that say which gateway and which key signs. */
export interface ClockIdentity {
	environment?: string;
	baseUrl?: string;
	merchantId?: string;
	useMetaKey?: boolean;
	portfolioId?: string;
	authMode?: string;
	accessKeyId?: string;
}

/** Environment (or base URL), merchant, portfolio and key id: no secret goes into the key. */
export function clockKey(identity: ClockIdentity): string {
	const target = identity.environment === 'custom' ? (identity.baseUrl ?? '').trim() : identity.environment;
	return JSON.stringify([
		target ?? '',
		(identity.merchantId ?? '').trim(),
		identity.useMetaKey ? (identity.portfolioId ?? '').trim() : '',
		identity.authMode ?? '',
		(identity.accessKeyId ?? '').trim(),
	]);
}

/** Whether any credential has a known offset (lets callers skip the lookup). */
export function hasClockOffsets(): boolean {
	return offsets.size > 0;
}

/** Milliseconds to add to this machine's clock when signing for `identity`; 0 when unknown. */
export function clockOffsetFor(identity: ClockIdentity): number {
	if (offsets.size === 0) return 0;
	return offsets.get(clockKey(identity)) ?? 0;
}

/** Remembers the server's offset; one within the tolerance is forgotten (the clock is fine). */
export function rememberClockOffset(identity: ClockIdentity, offsetMs: number): void {
	const key = clockKey(identity);
	offsets.delete(key);
	if (!Number.isFinite(offsetMs) || Math.abs(offsetMs) <= CLOCK_TOLERANCE_MS) return;
	offsets.set(key, Math.round(offsetMs));
	if (offsets.size > MAX_CREDENTIALS) offsets.delete(offsets.keys().next().value as string);
}

/** "3 min 5 s" / "45 s": how far off, for messages. */
export function describeOffset(offsetMs: number): string {
	const seconds = Math.round(Math.abs(offsetMs) / 1000);
	const minutes = Math.floor(seconds / 60);
	const hours = Math.floor(minutes / 60);
	if (hours > 0) return `${hours} h ${minutes % 60} min`;
	return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
}
