// n8n's community-node CLI, `n8n-node` (@n8n/node-cli), run from the repository root.
// It lives in .n8n-node-cli/ with its own lockfile, not in our devDependencies: its dependency tree
// (@n8n/ai-node-sdk → n8n-workflow 2.39 → isolated-vm 7) has prebuilt binaries for Node 24 only,
// so with install scripts it would compile from source on Node 20/22. `lint` and `build` never load
// that module, so it is installed with --ignore-scripts, on first use (about 700 MB, a few minutes).
// A dot-folder on purpose: `n8n-node build` copies every *.png/*.svg outside dist/ and the root
// node_modules/ into dist/, but does not look into dot-folders.
// After installing it, this links it into the root node_modules/ (node_modules/@n8n/node-cli and
// node_modules/.bin/n8n-node), where a devDependency would be: so n8n's default eslint.config.mjs
// (`import { config } from '@n8n/node-cli/eslint'`) resolves for `eslint .`, and `npx n8n-node …`
// runs this pinned version. `npm ci`/`npm install` remove the links (they are not in our lockfile);
// every command below puts them back.
//
//   node dev/scripts/n8n-node.mjs lint       (npm run lint:n8n)   any n8n-node command and flags
//   node dev/scripts/n8n-node.mjs install    only install and link it (npm run lint does, for eslint.config.mjs)
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
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

/** A relative symlink at `link` to `target`, unless `link` is already a real package (then it is left alone). */
function ensureLink(link, target) {
	const wanted = path.relative(path.dirname(link), target);
	let stat;
	try {
		stat = lstatSync(link);
	} catch (error) {
		if (error.code !== 'ENOENT') throw error;
	}
	if (stat && !stat.isSymbolicLink()) return;
	if (stat && readlinkSync(link) === wanted) return;
	if (stat) rmSync(link);
	mkdirSync(path.dirname(link), { recursive: true });
	symlinkSync(wanted, link);
}

function linkIntoNodeModules() {
	if (!existsSync(path.join(root, 'node_modules'))) {
		console.error('[n8n-node] run `npm ci` first: the root node_modules/ is missing');
		process.exit(1);
	}
	const cliPackage = path.join(cliDir, 'node_modules', '@n8n', 'node-cli');
	ensureLink(path.join(root, 'node_modules', '@n8n', 'node-cli'), cliPackage);
	ensureLink(path.join(root, 'node_modules', '.bin', 'n8n-node'), path.join(root, 'node_modules', '@n8n', 'node-cli', 'bin', 'n8n-node.mjs'));
}

const args = process.argv.slice(2);
ensureInstalled();
linkIntoNodeModules();
if (args[0] === 'install') process.exit(0);
process.exit(run(process.execPath, [cliBin, ...args], root));
