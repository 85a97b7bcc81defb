import { triggerMemory, type RingKey } from './triggerMemory';

export type { RingKey };

/**
 * Cybersource keeps one notification-signature key per organization: creating a key replaces the
 * previous one. With several trigger nodes (one per workflow) on one organization, the newest
 * node's key signs every delivery, so each node must also know the keys its neighbours created.
 * This process-wide ring holds every key a trigger in this n8n created or loaded at activation;
 * a node uses the newest one for its organization and verifies with any key the ring knows for
 * that organization.
 */

/** Held in triggerMemory.ts with the trigger's other process-wide stores. */
const byKeyId = triggerMemory.keyRing;

export function learnKey(key: RingKey): void {
	byKeyId.set(key.keyId, key);
}

export function keyById(keyId: string, organizationId: string): RingKey | undefined {
	const key = byKeyId.get(keyId);
	return key && key.organizationId === organizationId ? key : undefined;
}

/** The organization's newest key that is still valid at `validUntil`. */
export function newestKey(organizationId: string, validUntil: number): RingKey | undefined {
	let newest: RingKey | undefined;
	for (const key of byKeyId.values()) {
		if (key.organizationId !== organizationId || (key.expiresAt !== undefined && key.expiresAt < validUntil)) continue;
		if (!newest || key.createdAt > newest.createdAt) newest = key;
	}
	return newest;
}

/** Cybersource refused this key: never offer it again. */
export function forgetKey(keyId: string): void {
	byKeyId.delete(keyId);
}
