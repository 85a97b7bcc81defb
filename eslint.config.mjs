// Flat config equivalent to @n8n/node-cli's (which needs Node 24): the community-nodes plugin
// everywhere, plus eslint-plugin-n8n-nodes-base's community / credentials / nodes rule sets.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

const community = n8nCommunityNodesPlugin.configs.recommended;

export default tseslint.config(
	{
		ignores: [
			'dist/**',
			'.dev-dist/**',
			'node_modules/**',
			'e2e/runtime*/**',
			'.demo/**',
			'coverage/**',
		],
	},
	{
		files: ['**/*.ts'],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		rules: {
			'prefer-spread': 'off',
			// `_name` marks a value that is deliberately unused (e.g. left out of a rest object).
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
			],
		},
	},
	{
		// The shipped package: the n8n rules, and no console.
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		extends: [community],
		rules: { 'no-console': 'error' },
	},
	{ plugins: { 'n8n-nodes-base': n8nNodesBase } },
	{
		files: ['package.json'],
		extends: [community],
		rules: { ...n8nNodesBase.configs.community.rules },
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
	},
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Applies to n8n's own repository only.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// These two flag NodeConnectionTypes.Main, the current way to declare inputs/outputs.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{
		// Dev tooling (tests, sandbox, scripts) may use what the shipped code may not.
		files: ['test/**/*.ts', 'sandbox/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts', 'devkit/**/*.ts', 'realN8n/**/*.ts', 'scripts/**/*.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' },
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
