/**
 * The top level shows what ships and what does not (CONTRIBUTING.md, "Layout"): the package, what
 * users read, the tests, `dev/` for everything else, and configuration. Shipped code never imports
 * the tests or the dev side.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

const TOP_LEVEL = {
	shipped: ['nodes', 'credentials', 'icons', 'index.js', 'gulpfile.js', 'package.json', 'package-lock.json', 'tsconfig.json'],
	forUsers: ['README.md', 'docs', 'examples', 'CHANGELOG.md', 'LICENSE.md'],
	tests: ['test'],
	development: ['dev', 'CONTRIBUTING.md', 'tsconfig.dev.json', 'tsconfig.jest.json', 'jest.config.js', 'eslint.config.mjs'],
	configuration: ['.ci', '.github', '.n8n-node-cli', '.editorconfig', '.gitignore', '.npmrc', '.prettierrc.js'],
};

const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);

test('every top-level entry is one of the package, the user docs, the tests, dev/ or configuration', () => {
	const known = new Set(Object.values(TOP_LEVEL).flat());
	const topLevel = [...new Set(tracked.map((file) => file.split('/')[0]))];
	expect(topLevel.filter((entry) => !known.has(entry))).toEqual([]);
});

test('no file in nodes/ or credentials/ imports from test/ or dev/', () => {
	const shipped = tracked.filter((file) => /^(nodes|credentials)\/.*\.ts$/.test(file));
	const offending = shipped.flatMap((file) => {
		const imports = [...readFileSync(path.join(ROOT, file), 'utf8').matchAll(/(?:from|import|require\()\s*'(\.[^']+)'/g)].map((match) => match[1]);
		return imports
			.map((spec) => path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec)))
			.filter((target) => /^(test|dev)\//.test(target))
			.map((target) => `${file} → ${target}`);
	});
	expect(shipped.length).toBeGreaterThan(50);
	expect(offending).toEqual([]);
});
