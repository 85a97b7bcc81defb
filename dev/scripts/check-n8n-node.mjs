// Proves that n8n's CLI and our own commands agree (npm run check:n8n-node):
// 1. lint: every shipped file (nodes/, credentials/, package.json) gets exactly the ESLint config of
//    n8n's default 3-line eslint.config.mjs (the one strict mode requires): same rules, options,
//    plugins, parser and settings;
// 2. build: `n8n-node build` and `npm run build` produce the same dist/ (same files, same bytes),
//    both run in a copy of the repository's files, without the e2e runtimes or other local folders
//    (n8n-node build would copy any *.png/*.svg found there into dist/).
// Needs .n8n-node-cli/ installed (node dev/scripts/n8n-node.mjs install).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cliModules = path.join(root, '.n8n-node-cli', 'node_modules');
const cliBin = path.join(cliModules, '@n8n', 'node-cli', 'bin', 'n8n-node.mjs');
let failed = false;
const fail = (message) => {
	failed = true;
	console.error(`✘ ${message}`);
};

const shippedFiles = () =>
	['nodes', 'credentials']
		.flatMap((folder) => readdirSync(path.join(root, folder), { recursive: true }).map((file) => path.join(folder, String(file))))
		.filter((file) => file.endsWith('.ts'))
		.concat('package.json')
		.sort();

// What a config does to a file; plugins by name (the objects are the same modules either way).
const effective = (config) =>
	JSON.stringify({
		rules: config.rules,
		plugins: Object.keys(config.plugins ?? {}).sort(),
		settings: Object.keys(config.settings ?? {}).sort(),
		language: {
			ecmaVersion: config.languageOptions?.ecmaVersion,
			sourceType: config.languageOptions?.sourceType,
			parser: config.languageOptions?.parser?.meta?.name,
			parserOptions: config.languageOptions?.parserOptions,
		},
	});

async function checkLintConfig() {
	// The CLI's own template, placed where `@n8n/node-cli/eslint` resolves (inside its node_modules).
	const template = path.join(cliModules, '@n8n', 'node-cli', 'dist', 'template', 'templates', 'shared', 'default', 'eslint.config.mjs');
	const defaultConfig = path.join(cliModules, '.default-eslint.config.mjs');
	writeFileSync(defaultConfig, readFileSync(template));
	try {
		const ours = new ESLint({ cwd: root });
		const n8n = new ESLint({ cwd: root, overrideConfigFile: defaultConfig });
		const files = shippedFiles();
		const differing = [];
		for (const file of files) {
			const [mine, theirs] = await Promise.all([ours.calculateConfigForFile(file), n8n.calculateConfigForFile(file)]);
			if (effective(mine) !== effective(theirs)) differing.push(file);
		}
		if (differing.length) fail(`lint: for ${differing.length} shipped file(s) eslint.config.mjs differs from n8n's default config: ${differing.slice(0, 5).join(', ')}${differing.length > 5 ? ', …' : ''}`);
		else console.log(`✔ lint: the ${files.length} shipped files get n8n's default config, unchanged`);
	} finally {
		rmSync(defaultConfig, { force: true });
	}
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
			.filter(Boolean);
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

await checkLintConfig();
checkBuild();
process.exit(failed ? 1 : 0);
