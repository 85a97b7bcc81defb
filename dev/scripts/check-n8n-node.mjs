// Proves that n8n's CLI accepts the package and agrees with our own commands (npm run check:n8n-node):
// 1. cloud support: n8n's own `n8n-node cloud-support` reports ENABLED ("eligible for n8n Cloud
//    verification"): package.json says "strict": true and eslint.config.mjs is the CLI's default
//    file. The CLI decides, by its own rule (it exits 0 either way, so its report is read);
// 2. the `@n8n/node-cli/eslint` that eslint.config.mjs imports is the pinned CLI in .n8n-node-cli/
//    (dev/scripts/n8n-node.mjs links it into node_modules/), not some other copy;
// 3. build: `n8n-node build` and `npm run build` produce the same dist/ (same files, same bytes),
//    both run in a copy of the repository's files, without the e2e runtimes or other local folders
//    (n8n-node build would copy any *.png/*.svg found there into dist/).
// `npm run lint:n8n` (n8n-node lint: in strict mode it also refuses a changed eslint.config.mjs)
// and `npm run lint` do the linting itself. Needs .n8n-node-cli/ installed and linked
// (node dev/scripts/n8n-node.mjs install).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cliModules = path.join(root, '.n8n-node-cli', 'node_modules');
const cliBin = path.join(cliModules, '@n8n', 'node-cli', 'bin', 'n8n-node.mjs');
let failed = false;
const fail = (message) => {
	failed = true;
	console.error(`✘ ${message}`);
};

function checkCloudSupport() {
	const result = spawnSync(process.execPath, [cliBin, 'cloud-support'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
	const report = stripVTControlCharacters(`${result.stdout ?? ''}${result.stderr ?? ''}`);
	if (result.status === 0 && /Cloud support is ENABLED/.test(report) && /Status: eligible/.test(report)) {
		console.log('✔ cloud support: n8n-node cloud-support says ENABLED, eligible for n8n Cloud verification');
	} else {
		const lines = report.split('\n').filter((line) => /Cloud support|Strict mode|ESLint config|Status/.test(line));
		fail(`cloud support: n8n-node cloud-support does not say ENABLED (exit ${result.status}):\n${(lines.length ? lines : [report]).join('\n')}`);
	}
}

function checkConfigSource() {
	const resolved = realpathSync(createRequire(path.join(root, 'eslint.config.mjs')).resolve('@n8n/node-cli/eslint'));
	const pinned = realpathSync(path.join(cliModules, '@n8n', 'node-cli'));
	if (resolved.startsWith(`${pinned}${path.sep}`)) console.log(`✔ lint: eslint.config.mjs imports the pinned @n8n/node-cli ${JSON.parse(readFileSync(path.join(pinned, 'package.json'), 'utf8')).version}`);
	else fail(`lint: '@n8n/node-cli/eslint' resolves to ${resolved}, not to the pinned CLI in ${pinned}`);
}

/** Every file under dir with its SHA-256, as "path hash" lines. */
function snapshot(dir) {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
		.sort()
		.map((file) => `${file} ${createHash('sha256').update(readFileSync(path.join(dir, file))).digest('hex')}`);
}

function checkBuild() {
	const work = mkdtempSync(path.join(tmpdir(), 'cs-n8n-node-build-'));
	try {
		const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
			.split('\0')
			// a node_modules that is a symlink (a git worktree sharing another's) is not ignored by `node_modules/`
			.filter((file) => file && !file.split('/').includes('node_modules'));
		for (const file of files) {
			mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
			try {
				cpSync(path.join(root, file), path.join(work, file));
			} catch (error) {
				if (error.code !== 'ENOENT') throw error; // deleted in the work tree, not yet committed
			}
		}
		symlinkSync(realpathSync(path.join(root, 'node_modules')), path.join(work, 'node_modules'));
		const quiet = { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] };
		execFileSync('npm', ['run', 'build', '--silent'], quiet);
		const ours = snapshot(path.join(work, 'dist'));
		execFileSync(process.execPath, [cliBin, 'build'], quiet);
		const theirs = snapshot(path.join(work, 'dist'));
		const onlyOurs = ours.filter((line) => !theirs.includes(line));
		const onlyTheirs = theirs.filter((line) => !ours.includes(line));
		if (onlyOurs.length || onlyTheirs.length) {
			fail(`build: n8n-node build differs from npm run build\n  only npm run build: ${onlyOurs.join(', ') || '-'}\n  only n8n-node build: ${onlyTheirs.join(', ') || '-'}`);
		} else {
			console.log(`✔ build: n8n-node build and npm run build produce the same ${ours.length} files in dist/`);
		}
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

checkCloudSupport();
checkConfigSource();
checkBuild();
process.exit(failed ? 1 : 0);
