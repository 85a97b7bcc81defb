/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * In-memory state per merchant (invoices, settings, MDF definitions) and its optional
 * persistence to one JSON file, written atomically (tmp file + rename) shortly after changes.
 */

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MdfBook } from './mdf';
import { SettingsInfo, defaultSettings } from './settings';
import type {
	InvoiceStatus,
	MdfDefinition,
	SandboxMerchant,
	SandboxMetaKey,
	StoredInvoice,
} from '../types';

export class MerchantState {
	readonly invoices = new Map<string, StoredInvoice>();
	/** Creation order; "newest first" listing walks it backwards. */
	readonly order: StoredInvoice[] = [];
	/** Per productType. */
	readonly settings = new Map<string, SettingsInfo>();
	mdf: MdfBook;
	nextNumber = 100001;
	nextSeq = 1;

	constructor(readonly merchantId: string) {
		this.mdf = new MdfBook(merchantId);
	}

	add(invoice: StoredInvoice): void {
		this.invoices.set(invoice.id, invoice);
		this.order.push(invoice);
	}

	/** Generated numbers are numeric strings like the gateway's, skipping any taken by hand. */
	generateNumber(): string {
		while (this.invoices.has(String(this.nextNumber))) this.nextNumber++;
		return String(this.nextNumber++);
	}

	settingsFor(productType: string): SettingsInfo {
		return this.settings.get(productType) ?? defaultSettings(this.merchantId);
	}

	/** Newest first, optionally filtered; returns the page and the number of matches. */
	page(
		offset: number,
		limit: number,
		status?: InvoiceStatus,
	): { items: StoredInvoice[]; total: number } {
		if (!status) {
			const total = this.order.length;
			const items: StoredInvoice[] = [];
			for (let i = total - 1 - offset; i >= 0 && items.length < limit; i--)
				items.push(this.order[i]);
			return { items, total };
		}
		const items: StoredInvoice[] = [];
		let total = 0;
		for (let i = this.order.length - 1; i >= 0; i--) {
			if (this.order[i].status !== status) continue;
			if (total >= offset && items.length < limit) items.push(this.order[i]);
			total++;
		}
		return { items, total };
	}
}

export class Store {
	private readonly states = new Map<string, MerchantState>();

	state(merchantId: string): MerchantState {
		let state = this.states.get(merchantId);
		if (!state) {
			state = new MerchantState(merchantId);
			this.states.set(merchantId, state);
		}
		return state;
	}

	reset(): void {
		this.states.clear();
	}

	toJSON(): Record<string, SerializedState> {
		const out: Record<string, SerializedState> = {};
		for (const [merchantId, state] of this.states) {
			out[merchantId] = {
				invoices: state.order,
				nextNumber: state.nextNumber,
				nextSeq: state.nextSeq,
				settings: Object.fromEntries(state.settings),
				mdf: state.mdf.toJSON(),
			};
		}
		return out;
	}

	load(data: Record<string, SerializedState>): void {
		this.states.clear();
		for (const [merchantId, saved] of Object.entries(data)) {
			const state = this.state(merchantId);
			for (const invoice of saved.invoices) state.add(invoice);
			state.nextNumber = saved.nextNumber;
			state.nextSeq = saved.nextSeq;
			for (const [type, settings] of Object.entries(saved.settings))
				state.settings.set(type, settings);
			state.mdf = MdfBook.fromJSON(merchantId, saved.mdf);
		}
	}
}

interface SerializedState {
	invoices: StoredInvoice[];
	nextNumber: number;
	nextSeq: number;
	settings: Record<string, SettingsInfo>;
	mdf: { nextId: number; definitions: MdfDefinition[] };
}

export interface Snapshot {
	version: 1;
	merchants: SandboxMerchant[];
	metaKeys: SandboxMetaKey[];
	state: Record<string, SerializedState>;
}

export function readSnapshot(file: string): Snapshot | undefined {
	if (!existsSync(file)) return undefined;
	const data = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
	if (data.version !== 1)
		throw new Error(`${file}: unsupported sandbox data version ${String(data.version)}`);
	return data;
}

/** Coalesces bursts of changes into one write; `flush()` writes now (used on close). */
export class Persistence {
	private timer: NodeJS.Timeout | undefined;
	private dirty = false;

	constructor(
		private readonly file: string,
		private readonly snapshot: () => Snapshot,
		private readonly delayMs = 50,
	) {}

	changed(): void {
		this.dirty = true;
		if (this.timer) return;
		this.timer = setTimeout(() => this.flush(), this.delayMs);
		this.timer.unref();
	}

	flush(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		if (!this.dirty) return;
		this.dirty = false;
		const tmp = `${this.file}.${process.pid}.tmp`;
		// The file holds private keys and secrets: owner-only.
		mkdirSync(path.dirname(this.file), { recursive: true });
		writeFileSync(tmp, JSON.stringify(this.snapshot()), { mode: 0o600 });
		renameSync(tmp, this.file); // atomic on the same file system: readers never see half a file
	}
}
