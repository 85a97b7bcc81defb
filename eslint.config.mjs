// Two lints in one config (`n8n-node lint` and `npm run lint` both read it):
// - the shipped code (nodes/, credentials/, package.json) gets n8n's default community-node config,
//   exactly as @n8n/node-cli exports it (the one its strict mode requires), only limited to those files;
// - the dev tooling (tests, sandbox, e2e, bench, scripts…) gets ESLint's and typescript-eslint's
//   recommended rules: it is a Node.js program that may use console, node:http, process and timers.
// package.json says "strict": false because strict mode accepts only the 3-line default config, which
// applies the shipped-code rules to every .ts in the repository (CONTRIBUTING.md, "Lint").
import { createRequire } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const SHIPPED = ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'];

// @n8n/node-cli is installed in .n8n-node-cli/ (see dev/scripts/n8n-node.mjs for why).
function n8nCommunityConfig() {
	const fromCli = createRequire(new URL('./.n8n-node-cli/package.json', import.meta.url));
	try {
		return fromCli('@n8n/node-cli/eslint').config;
	} catch (error) {
		if (error.code !== 'MODULE_NOT_FOUND') throw error;
		throw new Error('n8n\'s lint config comes from @n8n/node-cli in .n8n-node-cli/: run `node dev/scripts/n8n-node.mjs install` (npm run lint does it)');
	}
}

export default defineConfig(
	{
		ignores: ['dist/**', '.dev-dist/**', 'dev/e2e/runtime*/**', '.demo/**', 'coverage/**', '.n8n-node-cli/**'],
	},
	{ files: SHIPPED, extends: [n8nCommunityConfig()] },
	{
		// Every other .ts: the dev tooling.
		files: ['**/*.ts'],
		ignores: ['nodes/**', 'credentials/**'],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		rules: {
			'prefer-spread': 'off',
			'@typescript-eslint/no-explicit-any': 'off',
			// `_name` marks a value that is deliberately unused (e.g. left out of a rest object).
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
			],
		},
	},
	{
		files: ['**/*.js', '**/*.mjs'],
		extends: [js.configs.recommended],
		languageOptions: {
			globals: {
				require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly',
				__dirname: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
				fetch: 'readonly', URL: 'readonly', AbortController: 'readonly', setInterval: 'readonly', clearInterval: 'readonly',
			},
		},
	},
);
