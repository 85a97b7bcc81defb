import type { IDataObject } from 'n8n-workflow';

/**
 * Replay protection by notification id: Cybersource retries a notification (same
 * `notificationId`) until it is acknowledged, so one id must start the workflow once only.
 * Ids are kept 7 days, at most 1000 of them (oldest dropped first), in the node's static data so
 * they survive restarts; retries of the gateway end long before that.
 */
export const RETENTION_MS = 7 * 24 * 3600 * 1000;
export const MAX_REMEMBERED = 1000;

type Seen = Record<string, number>;

function seenOf(staticData: IDataObject): Seen {
	if (!staticData.seenNotifications || typeof staticData.seenNotifications !== 'object') staticData.seenNotifications = {};
	return staticData.seenNotifications as Seen;
}

/**
 * This n8n process's own memory, keyed by `scope` (workflow + node): notifications being handled
 * right now (two concurrent copies of one id) and the last ones handled, in case the static data
 * of a webhook call has not been saved yet when the copy arrives.
 */
const inProgress = new Set<string>();
const recent = new Set<string>();

export function alreadySeen(staticData: IDataObject, scope: string, notificationId: string): boolean {
	const key = `${scope}:${notificationId}`;
	return inProgress.has(key) || recent.has(key) || seenOf(staticData)[notificationId] !== undefined;
}

export function claim(scope: string, notificationId: string): void {
	inProgress.add(`${scope}:${notificationId}`);
}

export function release(scope: string, notificationId: string): void {
	inProgress.delete(`${scope}:${notificationId}`);
}

export function remember(staticData: IDataObject, scope: string, notificationId: string, now: number): void {
	recent.add(`${scope}:${notificationId}`);
	if (recent.size > MAX_REMEMBERED) recent.delete(recent.values().next().value as string);
	const seen = seenOf(staticData);
	seen[notificationId] = now;
	const kept = Object.entries(seen)
		.filter(([, at]) => now - at < RETENTION_MS)
		.sort((a, b) => b[1] - a[1])
		.slice(0, MAX_REMEMBERED);
	staticData.seenNotifications = Object.fromEntries(kept);
}
