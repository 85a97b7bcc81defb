// The one ESLint comment a dev or test .ts file may carry (CONTRIBUTING.md, "Lint"). eslint.config.mjs
// is n8n's default config: it lints every .ts with the rules for code that runs inside n8n. Dev
// tooling and tests run in Node.js, never in n8n; this header, as the file's first line, turns off
// exactly the rules below for that file and keeps every other rule. Shipped files (nodes/,
// credentials/) carry no ESLint comment at all; test/repository/lintComments.test.ts checks both.
//
//   node dev/scripts/lint-header.mjs --print    print the header line
//   node dev/scripts/lint-header.mjs --needed   add it to each dev/test .ts file where one of its rules fires
//   node dev/scripts/lint-header.mjs FILE…      add it to these files
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Each rule the header changes, and why a dev file may break it. */
export const DEV_RULES = {
	// n8n's Cloud rules: a node may not use Node.js modules or globals (the sandbox is an HTTP server,
	// e2e starts n8n and reads process.env, tests use timers) …
	'@n8n/community-nodes/no-restricted-globals': 'off',
	'@n8n/community-nodes/no-restricted-imports': 'off',
	// … nor print, spawn processes (e2e starts n8n, PostgreSQL, Chromium), throw plain errors (n8n's
	// NodeApiError is for node runs) or hold literal keys (the sandbox's test merchant's keys).
	'no-console': 'off',
	'@n8n/community-nodes/no-dangerous-functions': 'off',
	'@n8n/community-nodes/require-node-api-error': 'off',
	'@n8n/community-nodes/no-hardcoded-secrets': 'off',
	// The dev code's own two TypeScript settings (unchanged from before): `any` for API bodies in
	// tests, `_name` for a value left out on purpose.
	'@typescript-eslint/no-explicit-any': 'off',
	'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
};

export const HEADER = `/* eslint ${Object.entries(DEV_RULES)
	.map(([rule, setting]) => `${JSON.stringify(rule)}: ${JSON.stringify(setting)}`)
	.join(', ')} -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */`;

const devTypeScript = () =>
	execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '*.ts'], { cwd: root, encoding: 'utf8' })
		.split('\0')
		.filter((file) => file && !/^(nodes|credentials)\//.test(file) && !file.startsWith('dev/e2e/runtime'));

function addHeader(file) {
	const text = readFileSync(path.join(root, file), 'utf8');
	if (text.startsWith(`${HEADER}\n`)) return false;
	writeFileSync(path.join(root, file), `${HEADER}\n${text}`);
	return true;
}

async function needing() {
	const { ESLint } = await import('eslint');
	const eslint = new ESLint({ cwd: root });
	const results = await eslint.lintFiles(devTypeScript());
	return results
		.filter((result) => result.messages.some((message) => message.ruleId in DEV_RULES))
		.map((result) => path.relative(root, result.filePath));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const args = process.argv.slice(2);
	if (args[0] === '--print') {
		console.log(HEADER);
	} else {
		const files = args[0] === '--needed' ? await needing() : args;
		const added = files.filter(addHeader);
		console.log(`header added to ${added.length} file(s)${added.length ? `: ${added.join(', ')}` : ''}`);
	}
}
