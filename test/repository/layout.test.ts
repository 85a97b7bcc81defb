/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The top level shows what ships and what does not (CONTRIBUTING.md, "Layout"): the package, what
 * users read, the tests, `dev/` for everything else, and configuration. Shipped code never imports
 * the tests or the dev side, and the credential never imports the nodes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

const TOP_LEVEL = {
	shipped: ['nodes', 'credentials', 'icons', 'index.js', 'gulpfile.js', 'package.json', 'package-lock.json', 'tsconfig.json'],
	forUsers: ['README.md', 'docs', 'examples', 'CHANGELOG.md', 'LICENSE.md'],
	tests: ['test'],
	development: ['dev', 'CONTRIBUTING.md', 'tsconfig.dev.json', 'tsconfig.jest.json', 'jest.config.js', 'eslint.config.mjs', 'eslint.dev.config.mjs'],
	configuration: ['.ci', '.github', '.n8n-node-cli', '.editorconfig', '.gitignore', '.npmrc', '.prettierrc.js'],
};

const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);

test('every top-level entry is one of the package, the user docs, the tests, dev/ or configuration', () => {
	const known = new Set(Object.values(TOP_LEVEL).flat());
	const topLevel = [...new Set(tracked.map((file) => file.split('/')[0]))];
	expect(topLevel.filter((entry) => !known.has(entry))).toEqual([]);
});

const shipped = tracked.filter((file) => /^(nodes|credentials)\/.*\.ts$/.test(file));

/** Each relative import of a shipped file, as `file → target` (paths from the repository root). */
const importsOfShipped = shipped.flatMap((file) =>
	[...readFileSync(path.join(ROOT, file), 'utf8').matchAll(/(?:from|import\(?|require\()\s*'(\.[^']+)'/g)].map((match) => ({
		file,
		target: path.relative(ROOT, path.resolve(ROOT, path.dirname(file), match[1])),
	})),
);

test('no file in nodes/ or credentials/ imports from test/ or dev/', () => {
	expect(shipped.length).toBeGreaterThan(50);
	const offending = importsOfShipped.filter(({ target }) => /^(test|dev)\//.test(target));
	expect(offending.map(({ file, target }) => `${file} → ${target}`)).toEqual([]);
});

test('no file in credentials/ imports from nodes/ (the nodes use the credential, never the other way round)', () => {
	const offending = importsOfShipped.filter(({ file, target }) => file.startsWith('credentials/') && target.startsWith('nodes/'));
	expect(offending.map(({ file, target }) => `${file} → ${target}`)).toEqual([]);
});

/** Each shipped file's imports of other shipped files (`import type` and re-exports too). */
function importGraph(): Map<string, string[]> {
	const files = new Set(shipped);
	const fileOf = (target: string) => [`${target}.ts`, `${target}/index.ts`, target].find((candidate) => files.has(candidate));
	const graph = new Map<string, string[]>(shipped.map((file) => [file, []]));
	for (const { file, target } of importsOfShipped) {
		const imported = fileOf(target);
		if (imported !== undefined) graph.get(file)?.push(imported);
	}
	return graph;
}

/** Import circles, as `a → b → … → a`: at least one through every file that is on any. */
function importCircles(graph: Map<string, string[]>): string[] {
	const circles: string[] = [];
	const done = new Set<string>();
	const visit = (file: string, trail: string[]) => {
		const start = trail.indexOf(file);
		if (start >= 0) {
			circles.push([...trail.slice(start), file].join(' → '));
			return;
		}
		if (done.has(file)) return;
		for (const imported of graph.get(file) ?? []) visit(imported, [...trail, file]);
		done.add(file);
	};
	for (const file of graph.keys()) visit(file, []);
	return circles;
}

test('no import circle among the shipped files (an import type counts: a module owns its types)', () => {
	const graph = importGraph();
	expect([...graph.values()].flat().length).toBeGreaterThan(200);
	expect(importCircles(graph)).toEqual([]);
});

test('the circle search finds a circle through an index file and passes a file reached twice', () => {
	const graph = new Map([
		['a.ts', ['b/index.ts', 'd.ts']],
		['b/index.ts', ['c.ts']],
		['c.ts', ['a.ts', 'd.ts']],
		['d.ts', []],
	]);
	expect(importCircles(graph)).toEqual(['a.ts → b/index.ts → c.ts → a.ts']);
});

/** Every code line (not a comment) of a shipped file outside `except/` that matches, as `file:line`. */
function shippedLines(pattern: RegExp, except: string): string[] {
	return shipped
		.filter((file) => !file.startsWith(except))
		.flatMap((file) =>
			readFileSync(path.join(ROOT, file), 'utf8')
				.split('\n')
				.flatMap((line, index) => (pattern.test(line) && !/^\s*(\*|\/\/|\/\*)/.test(line) ? [`${file}:${index + 1}`] : [])),
		);
}

/** A Cybersource path in quotes, such as '/invoicing/v2/invoices'. */
const PATH_LITERAL = /['`]\/[a-z-]+\/([a-z-]+\/)?v\d\//;

test('each Cybersource API has one module in nodes/shared/api/ holding its paths, and only those modules call the transport', () => {
	// The credential's Test request keeps its own path: the credential never imports the nodes.
	const paths = shippedLines(PATH_LITERAL, 'nodes/shared/api/').filter((line) => !line.startsWith('credentials/CybersourceApi.credentials.ts'));
	expect(paths).toEqual([]);
	expect(shippedLines(/\bcybersourceApi(Call|Request|RequestArray)\.call\(/, 'nodes/shared/api/').filter((line) => !line.startsWith('nodes/shared/transport/'))).toEqual([]);
	const apiPaths = shippedLines(PATH_LITERAL, 'nodes/shared/transport/').filter((line) => line.startsWith('nodes/shared/api/'));
	expect(apiPaths.length).toBeGreaterThanOrEqual(5);
});

test("the transport's pagination knows no API: the API module names the list, its fields and its words", () => {
	const pagination = 'nodes/shared/transport/pagination.ts';
	expect(shippedLines(/invoice/i, 'nodes/shared/api/').filter((line) => line.startsWith(`${pagination}:`))).toEqual([]);
});

test("no node's folder imports another node's folder, and nodes/shared/ imports none", () => {
	const nodeFolder = (file: string) => /^nodes\/([^/]+)\//.exec(file)?.[1];
	const offending = importsOfShipped.filter(({ file, target }) => {
		const from = nodeFolder(file);
		const to = nodeFolder(target);
		return from !== undefined && to !== undefined && to !== 'shared' && from !== to;
	});
	expect(offending.map(({ file, target }) => `${file} → ${target}`)).toEqual([]);
});
