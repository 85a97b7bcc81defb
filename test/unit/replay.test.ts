/**
 * The webhook trigger's replay store under n8n's static-data rule: each webhook call loads the
 * stored static data when it starts and writes the whole object back when it ends, so concurrent
 * calls overwrite each other. Every write must still carry every id, so that after a restart
 * (fresh process memory, static data as stored) no replay is accepted.
 */
import type { IDataObject } from 'n8n-workflow';

import { MAX_REMEMBERED, RETENTION_MS, SeenIds } from '../../nodes/CybersourceInvoiceTrigger/helpers/replay';
import type { SeenMemory } from '../../nodes/CybersourceInvoiceTrigger/helpers/triggerMemory';

/** A process's memory as n8n starts: nothing handled yet. */
const freshMemory = (): SeenMemory => ({ ids: new Map(), handling: new Set() });

const SCOPE = 'wf-1:node-1';
const NODE_KEY = 'node:Cybersource Invoice Trigger';

/** n8n's database row: the static data as JSON text. */
class Database {
	text = '{}';

	/** What a webhook call starts with (n8n reads the row when the call arrives). */
	load(): { staticData: IDataObject; node: IDataObject } {
		const staticData = JSON.parse(this.text) as IDataObject;
		staticData[NODE_KEY] ??= {};
		return { staticData, node: staticData[NODE_KEY] as IDataObject };
	}

	/** What n8n does after the call: the whole object, serialised now. */
	write(staticData: IDataObject): void {
		this.text = JSON.stringify(staticData);
	}

	storedIds(): string[] {
		const node = (JSON.parse(this.text) as IDataObject)[NODE_KEY] as IDataObject | undefined;
		return Object.keys((node?.seenNotifications ?? {}) as IDataObject).sort();
	}
}

/** One webhook call: load, check and remember the id, and the static data to write afterwards. */
function deliver(store: SeenIds, db: Database, id: string, now: number): { started: boolean; staticData: IDataObject } {
	const { staticData, node } = db.load();
	const seen = store.open(node, SCOPE, now);
	if (!seen.claim(id)) return { started: false, staticData };
	seen.remember(id);
	seen.release(id);
	return { started: true, staticData };
}

const ids = (count: number) => Array.from({ length: count }, (_, index) => `notification-${String(index).padStart(3, '0')}`);

test.each([
	['first finished writes last', (calls: unknown[]) => [...calls].reverse()],
	['in the order they finished', (calls: unknown[]) => calls],
])('50 deliveries loaded together and written %s: all 50 ids are stored, and after a restart every replay starts nothing', (_order, writeOrder) => {
	const db = new Database();
	const store = new SeenIds('seenNotifications', freshMemory());
	const now = Date.now();
	// All 50 calls load the static data before any of them writes.
	const loaded = ids(50).map((id) => ({ id, ...db.load() }));
	const calls = loaded.map(({ id, node, staticData }) => {
		const seen = store.open(node, SCOPE, now);
		expect(seen.claim(id)).toBe(true);
		seen.remember(id);
		seen.release(id);
		return staticData;
	});
	for (const staticData of writeOrder(calls) as IDataObject[]) db.write(staticData);
	expect(db.storedIds()).toEqual(ids(50));

	const restarted = new SeenIds('seenNotifications', freshMemory());
	const replays = ids(50).map((id) => deliver(restarted, db, id, now + 60_000));
	expect(replays.filter((replay) => replay.started)).toEqual([]);
});

test('a redelivery while the first copy is still being handled is refused, and may be claimed again if the first one failed', () => {
	const db = new Database();
	const store = new SeenIds('seenNotifications', freshMemory());
	const first = store.open(db.load().node, SCOPE, 1000);
	const copy = store.open(db.load().node, SCOPE, 1000);
	expect(first.claim('n-1')).toBe(true);
	expect(copy.claim('n-1')).toBe(false);
	first.release('n-1'); // failed: not remembered
	const retry = store.open(db.load().node, SCOPE, 2000);
	expect(retry.claim('n-1')).toBe(true);
});

test('ids are kept 7 days and at most 1000 per trigger, oldest dropped first; another trigger keeps its own', () => {
	const db = new Database();
	const store = new SeenIds('seenNotifications', freshMemory());
	const start = 1_000_000;
	const { node, staticData } = db.load();
	const seen = store.open(node, SCOPE, start);
	expect(seen.claim('old')).toBe(true);
	seen.remember('old');
	db.write(staticData);

	const many = ids(MAX_REMEMBERED + 5);
	many.forEach((id, index) => deliver(store, db, id, start + 1 + index));
	const later = deliver(store, db, 'latest', start + RETENTION_MS);
	db.write(later.staticData);
	const stored = db.storedIds();
	expect(stored).toHaveLength(MAX_REMEMBERED);
	expect(stored).not.toContain('old');
	expect(stored).not.toContain(many[5]);
	expect(stored).toContain('latest');
	// Another trigger (workflow) has its own static data and its own memory.
	expect(store.open({}, 'wf-2:node-1', start + RETENTION_MS).has('latest')).toBe(false);
});

test('ids older than 7 days in the stored static data are dropped when read', () => {
	const store = new SeenIds('seenNotifications', freshMemory());
	const node: IDataObject = { seenNotifications: { stale: 0, fresh: RETENTION_MS, broken: 'x' } };
	const seen = store.open(node, SCOPE, RETENTION_MS + 1);
	expect(seen.has('stale')).toBe(false);
	expect(seen.has('fresh')).toBe(true);
	expect(Object.keys(node.seenNotifications as IDataObject)).toEqual(['fresh']);
});
