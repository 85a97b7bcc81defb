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
