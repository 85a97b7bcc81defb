/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository's root: the nearest folder up from here whose package.json is this package.
 * Dev code runs both from source (jest) and compiled into .dev-dist/, at different depths.
 */
function findRoot(start: string): string {
	for (let dir = start; ; dir = path.dirname(dir)) {
		const manifest = path.join(dir, 'package.json');
		if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'n8n-nodes-cybersource-invoice') return dir;
		if (path.dirname(dir) === dir) throw new Error(`no package.json of n8n-nodes-cybersource-invoice above ${start}`);
	}
}

export const REPO_ROOT = findRoot(__dirname);
