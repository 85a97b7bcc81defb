/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * eslint.config.mjs is n8n's default config, unchanged (CONTRIBUTING.md, "Lint"): the shipped code
 * gets exactly n8n's rules, so no file in nodes/ or credentials/ may carry an ESLint comment (no
 * disable, no inline rule setting, no global). A dev or test .ts file may carry one: the header of
 * dev/scripts/lint-header.mjs as its first line, which turns off only the agreed rules for code that
 * runs in Node.js instead of n8n. `npm run check:n8n-node` has n8n's CLI confirm cloud support.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const HEADER = execFileSync(process.execPath, [path.join(ROOT, 'dev', 'scripts', 'lint-header.mjs'), '--print'], { encoding: 'utf8' }).trimEnd();

/** The rules a dev file may change, each for code that runs outside n8n (CONTRIBUTING.md, "Lint"). */
const AGREED = [
	'@n8n/community-nodes/no-dangerous-functions',
	'@n8n/community-nodes/no-hardcoded-secrets',
	'@n8n/community-nodes/no-restricted-globals',
	'@n8n/community-nodes/no-restricted-imports',
	'@n8n/community-nodes/require-node-api-error',
	'@typescript-eslint/no-explicit-any',
	'@typescript-eslint/no-unused-vars',
	'no-console',
];

const typeScript = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '*.ts'], { cwd: ROOT, encoding: 'utf8' })
	.split('\0')
	.filter((file) => file && !file.startsWith('dev/e2e/runtime'));
const isShipped = (file: string) => /^(nodes|credentials)\//.test(file);

/** ESLint's directive comments: block comments starting with eslint, eslint-disable, eslint-enable, global(s) or exported; line comments starting with eslint-disable-line or -next-line. */
function directives(text: string): string[] {
	const block = [...text.matchAll(/\/\*\s*(?:eslint(?:-[a-z-]+)?|globals?|exported)(?=[\s*])[^]*?\*\//g)].map((match) => match[0]);
	const line = [...text.matchAll(/\/\/\s*eslint-[a-z-]+.*/g)].map((match) => match[0]);
	return [...block, ...line];
}

test("the dev header changes only the agreed rules, and none of them to more than 'off' or the dev code's unused-vars setting", () => {
	const body = /^\/\* eslint (.*) -- .* \*\/$/.exec(HEADER)?.[1];
	expect(body).toBeDefined();
	const rules = JSON.parse(`{${body}}`) as Record<string, unknown>;
	expect(Object.keys(rules).sort()).toEqual(AGREED);
	for (const [rule, setting] of Object.entries(rules)) {
		if (rule === '@typescript-eslint/no-unused-vars') {
			expect(setting).toEqual(['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }]);
		} else {
			expect(setting).toBe('off');
		}
	}
});

test('no shipped file (nodes/, credentials/) carries an ESLint comment', () => {
	const shipped = typeScript.filter(isShipped);
	expect(shipped.length).toBeGreaterThan(50);
	const offending = shipped.flatMap((file) => directives(readFileSync(path.join(ROOT, file), 'utf8')).map((comment) => `${file}: ${comment}`));
	expect(offending).toEqual([]);
});

test('a dev or test .ts file carries no ESLint comment but the dev header, as its first line', () => {
	const dev = typeScript.filter((file) => !isShipped(file));
	expect(dev.length).toBeGreaterThan(50);
	const offending = dev.flatMap((file) => {
		const text = readFileSync(path.join(ROOT, file), 'utf8');
		const rest = text.startsWith(`${HEADER}\n`) ? text.slice(HEADER.length + 1) : text;
		return directives(rest).map((comment) => `${file}: ${comment.slice(0, 120)}`);
	});
	expect(offending).toEqual([]);
});
