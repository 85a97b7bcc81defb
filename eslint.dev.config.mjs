// The repository's JavaScript (dev/scripts/*.mjs, jest.config.js, gulpfile.js, index.js…), linted by
// `npm run lint` with ESLint's recommended rules for Node.js. Everything TypeScript is linted by
// eslint.config.mjs, n8n's default config unchanged (so `n8n-node cloud-support` says ENABLED):
// nodes/ and credentials/ as they are, dev and test files with the one header of
// dev/scripts/lint-header.mjs (CONTRIBUTING.md, "Lint"). n8n's config matches only .ts files.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';

export default defineConfig(
	{
		ignores: ['dist/**', '.dev-dist/**', 'dev/e2e/runtime*/**', '.demo/**', 'coverage/**', '.n8n-node-cli/**'],
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
