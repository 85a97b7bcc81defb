// n8n's community-node CLI, `n8n-node` (@n8n/node-cli), run from the repository root.
// It lives in .n8n-node-cli/ with its own lockfile, not in our devDependencies: its dependency tree
// (@n8n/ai-node-sdk → n8n-workflow 2.39 → isolated-vm 7) has prebuilt binaries for Node 24 only,
// so with install scripts it would compile from source on Node 20/22. `lint` and `build` never load
// that module, so it is installed with --ignore-scripts, on first use (about 700 MB, a few minutes).
// A dot-folder on purpose: `n8n-node build` copies every *.png/*.svg outside dist/ and the root
// node_modules/ into dist/, but does not look into dot-folders.
//
//   node dev/scripts/n8n-node.mjs lint       (npm run lint:n8n)   any n8n-node command and flags
//   node dev/scripts/n8n-node.mjs install    only install it (npm run lint does, for eslint.config.mjs)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cliDir = path.join(root, '.n8n-node-cli');
const cliBin = path.join(cliDir, 'node_modules', '@n8n', 'node-cli', 'bin', 'n8n-node.mjs');

function run(command, args, cwd) {
	const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
	if (result.error) throw result.error;
	return result.status ?? 1;
}

function ensureInstalled() {
	if (existsSync(cliBin)) return;
	const started = Date.now();
	console.log('[n8n-node] installing @n8n/node-cli into .n8n-node-cli (first run only, a few minutes)…');
	const status = run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], cliDir);
	if (status !== 0) {
		console.error('[n8n-node] npm ci failed in .n8n-node-cli');
		process.exit(status);
	}
	console.log(`[n8n-node] installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

const args = process.argv.slice(2);
ensureInstalled();
if (args[0] === 'install') process.exit(0);
process.exit(run(process.execPath, [cliBin, ...args], root));
