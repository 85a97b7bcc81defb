import type { IDataObject } from 'n8n-workflow';

import { triggerMemory, type SeenMemory } from './triggerMemory';

/**
 * Ids a webhook trigger has already handled (notification ids, and any other id that must start
 * the workflow once only), so that a redelivery or a replay starts nothing.
 *
 * Why two copies: n8n loads a workflow's static data when a webhook call starts and writes the
 * whole object back after it, so calls that run at the same time overwrite each other's changes
 * (the last writer wins). The ids therefore live
 * - in this n8n process's memory, one object per trigger (`scope`), and
 * - in the node's static data (under `field`), which survives a restart: on every call the SAME
 *   memory object is put into the call's static data, after merging what was stored into it. n8n
 *   serialises the static data when it writes, so whichever call writes last writes every id this
 *   process knew at that moment.
 * Not covered: several n8n processes (queue mode's webhook processes) each know only their own
 * ids, and an id remembered after the last write of a burst is lost if n8n stops before writing.
 *
 * Each id is kept `retentionMs` (7 days: the gateway's retries end long before), at most `max`
 * per trigger, oldest dropped first.
 *
 * Use, once per webhook call:
 *   const seen = seenNotifications.open(staticData, scope, Date.now());
 *   if (!seen.claim(id)) return duplicate;          // handled before, or being handled right now
 *   try { …work…; seen.remember(id); } finally { seen.release(id); }
 */
export const RETENTION_MS = 7 * 24 * 3600 * 1000;
export const MAX_REMEMBERED = 1000;

/** id → epoch ms when it was handled; plain JSON, as stored in static data. */
type Remembered = Record<string, number>;

/** One trigger's ids during one webhook call. */
export interface SeenSet {
	/** Handled before (in static data or in this process's memory). */
	has(id: string): boolean;
	/** False when the id was handled before or is being handled now; otherwise marks it as being handled. */
	claim(id: string): boolean;
	/** Records the id as handled (kept in memory at once, in static data with n8n's next write). */
	remember(id: string): void;
	/** Ends the claim; an id not remembered may be claimed again (e.g. by the gateway's retry). */
	release(id: string): void;
}

function storedIds(value: unknown): Remembered {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
	return Object.fromEntries(Object.entries(value as IDataObject).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
}

export class SeenIds {
	/**
	 * `memory.ids`: scope → the ids that scope's static data holds, one live object per trigger;
	 * `memory.handling`: `scope id` of ids being handled right now (two concurrent copies of one id).
	 * A process-wide store of triggerMemory.ts (a restart empties it).
	 */
	constructor(
		readonly field: string,
		private readonly memory: SeenMemory,
		readonly retentionMs = RETENTION_MS,
		readonly max = MAX_REMEMBERED,
	) {}

	/** Merges the stored ids into this process's memory and puts the memory into `staticData[field]`. */
	open(staticData: IDataObject, scope: string, now: number): SeenSet {
		const ids = this.memory.ids.get(scope) ?? {};
		this.memory.ids.set(scope, ids);
		for (const [id, at] of Object.entries(storedIds(staticData[this.field]))) ids[id] = Math.max(ids[id] ?? 0, at);
		this.prune(ids, now);
		staticData[this.field] = ids;
		const key = (id: string) => `${scope} ${id}`;
		const has = (id: string) => ids[id] !== undefined;
		return {
			has,
			claim: (id) => {
				if (has(id) || this.memory.handling.has(key(id))) return false;
				this.memory.handling.add(key(id));
				return true;
			},
			remember: (id) => {
				ids[id] = now;
				this.prune(ids, now);
			},
			release: (id) => {
				this.memory.handling.delete(key(id));
			},
		};
	}

	/** In place: the object is shared by every call's static data. */
	private prune(ids: Remembered, now: number): void {
		for (const [id, at] of Object.entries(ids)) if (now - at >= this.retentionMs) delete ids[id];
		const entries = Object.entries(ids);
		if (entries.length <= this.max) return;
		entries.sort((a, b) => a[1] - b[1]);
		for (const [id] of entries.slice(0, entries.length - this.max)) delete ids[id];
	}
}

/** The webhook trigger's notification ids (static data field `seenNotifications`). */
export const seenNotifications = new SeenIds('seenNotifications', triggerMemory.seenNotifications);
