/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Where state lives in the shipped code: per-run state travels as arguments (the transport's
 * RequestScope), never through a module-level WeakMap keyed by n8n's context; state that outlives
 * a run lives only in its owner's memory module (the credential's caches and clock offsets in
 * credentials/signing/credentialMemory.ts, the webhook trigger's key ring and handled ids in
 * nodes/CybersourceInvoiceTrigger/helpers/triggerMemory.ts), where each store is documented and
 * the module's forget function empties it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const SHIPPED = ['nodes', 'credentials'];
/** The memory modules and the function of each that empties it (tests start from there). */
const MEMORY_MODULES = {
	[path.join('credentials', 'signing', 'credentialMemory.ts')]: 'forgetCredentialMemory',
	[path.join('nodes', 'CybersourceInvoiceTrigger', 'helpers', 'triggerMemory.ts')]: 'forgetTriggerMemory',
};
/** Unindented, so at module level: a Map, or a Set that starts empty (one filled where declared is a lookup table). */
const MODULE_STORE = /^(export )?(const|let|var) [^=]+= new (Map\b|Set(<[^>]*>)?\(\))/;

function sourcesUnder(entry: string): string[] {
	const full = path.join(ROOT, entry);
	if (statSync(full).isFile()) return entry.endsWith('.ts') ? [entry] : [];
	return readdirSync(full).flatMap((name) => sourcesUnder(path.join(entry, name)));
}

/** `file:line: text` of every line of the shipped sources that matches. */
function linesMatching(pattern: RegExp, skip: string[] = []): string[] {
	return SHIPPED.flatMap(sourcesUnder)
		.filter((file) => !skip.includes(file))
		.flatMap((file) =>
			readFileSync(path.join(ROOT, file), 'utf8')
				.split('\n')
				.flatMap((line, index) => (pattern.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
		);
}

describe('state in the shipped code', () => {
	it('no weak map, set or reference anywhere (per-run state is passed as an argument)', () => {
		expect(linesMatching(/\bWeak(Map|Set|Ref)\b/)).toEqual([]);
	});

	it('no module-level store outside the memory modules (a Map, or a Set that starts empty)', () => {
		expect(linesMatching(MODULE_STORE, Object.keys(MEMORY_MODULES))).toEqual([]);
	});

	it('each memory module exports the function that empties it', () => {
		for (const [file, forget] of Object.entries(MEMORY_MODULES)) {
			expect(readFileSync(path.join(ROOT, file), 'utf8')).toContain(`export function ${forget}(): void {`);
		}
	});

	it('the store search finds the declarations that used to sit in five modules, and passes lookup tables', () => {
		const stores = ['const byKeyId = new Map<string, RingKey>();', 'const offsets = new Map();', 'export const seen = new Set<string>();'];
		expect(stores.filter((line) => !MODULE_STORE.test(line))).toEqual([]);
		expect(MODULE_STORE.test('const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);')).toBe(false);
	});
});
