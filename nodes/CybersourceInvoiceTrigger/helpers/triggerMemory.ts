/**
 * What the webhook trigger keeps in the n8n process's memory beyond one call: its key ring and the
 * notification and payment ids it handled. Each store is named below with what it holds, why it is
 * process-wide, its bound, and what a restart (which empties it) does. The credential's stores have
 * their own owner (credentials/signing/credentialMemory.ts). Tests call `forgetTriggerMemory()` to
 * start as a freshly started n8n would.
 */

/** One webhook trigger's handled ids (replay.ts): id → when, per trigger; ids being handled now. */
export interface SeenMemory {
	ids: Map<string, Record<string, number>>;
	handling: Set<string>;
}

/** A notification-signature key a webhook trigger created or loaded (the key ring, keyRing.ts). */
export interface RingKey {
	keyId: string;
	/** Base64 text, as the key API returned it. */
	key: string;
	organizationId: string;
	createdAt: number;
	expiresAt?: number;
}

export const triggerMemory = {
	/**
	 * Notification-signature keys by key id (keyRing.ts). Process-wide: Cybersource keeps one key
	 * per organization, so each trigger must know the keys its neighbours in this n8n created.
	 * Bound: none set; it grows by a key per trigger activation that creates or loads one (a few per
	 * organization), and a refused key is dropped. Restart: each trigger loads its keys on activation.
	 */
	keyRing: new Map<string, RingKey>(),
	/**
	 * Notification ids the webhook trigger handled, and those being handled now (replay.ts).
	 * Process-wide: concurrent webhook calls overwrite each other's static data, so the live set is
	 * shared in memory. Bound: 1,000 ids per trigger for 7 days. Restart: read back from static data.
	 */
	seenNotifications: { ids: new Map(), handling: new Set() } as SeenMemory,
	/**
	 * Payments the webhook trigger reported (announcedPayment.ts); why, bound and restart as
	 * `seenNotifications`.
	 */
	reportedPayments: { ids: new Map(), handling: new Set() } as SeenMemory,
};

/** Empties every store above, as a restart of n8n does (tests start from here). */
export function forgetTriggerMemory(): void {
	triggerMemory.keyRing.clear();
	for (const seen of [triggerMemory.seenNotifications, triggerMemory.reportedPayments]) {
		seen.ids.clear();
		seen.handling.clear();
	}
}
