/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The shipped code and the sandbox's README must stand on their own: the API notes they rely on
 * live in docs/cybersource-api.md (or public Cybersource pages), never in a file outside the
 * repository that a reader of the published package cannot open.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const CHECKED = ['nodes', 'credentials', 'dev/sandbox', 'README.md', 'CONTRIBUTING.md', 'docs'];
/** "§4.3"-style section numbers, a path to the shared notes, or "the reference" as a source. */
const OUTSIDE = /§\s*\d|shared\/reference|cybersource-invoicing\.md|\bthe reference\b(?!\s+number)|\breference\s+§/i;

function filesUnder(entry: string): string[] {
	const full = path.join(ROOT, entry);
	if (statSync(full).isFile()) return [full];
	return readdirSync(full).flatMap((name) => (name === 'node_modules' ? [] : filesUnder(path.join(entry, name))));
}

describe('the repository is self-contained', () => {
	it('no shipped file, sandbox file or README points at notes outside the repository', () => {
		const offending: string[] = [];
		for (const file of CHECKED.flatMap(filesUnder).filter((name) => /\.(ts|json|md)$/.test(name))) {
			readFileSync(file, 'utf8')
				.split('\n')
				.forEach((line, index) => {
					if (OUTSIDE.test(line)) offending.push(`${path.relative(ROOT, file)}:${index + 1}: ${line.trim()}`);
				});
		}
		expect(offending).toEqual([]);
	});
});
