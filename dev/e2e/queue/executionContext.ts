/**
 * A node's execution context as n8n stored it with the execution in PostgreSQL: in queue mode the
 * seed behind the invoice numbers the node assigns (actions/invoice/numberOrigin.ts) is kept
 * with the execution's data, on whichever worker it ran.
 */
import type { Postgres } from './services';

/**
 * n8n stores execution data in the `flatted` format: a JSON array whose first element is the
 * value, and where every string inside an object or array is the index of its real value.
 */
export function unflatten(text: string): unknown {
	const table = JSON.parse(text) as unknown[];
	const revived = new Set<object>();
	const revive = (value: unknown): unknown => {
		if (!value || typeof value !== 'object' || revived.has(value)) return value;
		revived.add(value);
		const record = value as Record<string, unknown>;
		for (const key of Object.keys(record)) {
			if (typeof record[key] === 'string') record[key] = revive(table[Number(record[key])]);
		}
		return value;
	};
	return revive(table[0]);
}

type StoredRun = { executionData?: { contextData?: Record<string, Record<string, unknown>> } };

/** The execution context of `nodeName` in the stored execution `executionId`. */
export function nodeContextOf(postgres: Postgres, executionId: string, nodeName: string): Record<string, unknown> {
	const rows = postgres.query(`SELECT data FROM execution_data WHERE "executionId" = ${Number(executionId)}`);
	if (rows.length !== 1) throw new Error(`execution ${executionId} has no stored data`);
	// psql separates columns with `|`; there is one column, so a `|` is part of the data.
	const run = unflatten(rows[0].join('|')) as StoredRun;
	return run.executionData?.contextData?.[`node:${nodeName}`] ?? {};
}
