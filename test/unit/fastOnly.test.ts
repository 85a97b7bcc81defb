/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The unit tests stay fast and independent of the engine: none loads n8n-core, the sandbox or
 * the engine harness (test/harness/engine.ts), directly or through the code under test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

jest.mock('n8n-core', () => {
	throw new Error('a unit test loaded n8n-core');
});

const FORBIDDEN = /from '(?:n8n-core[^']*|[^']*\/sandbox[^']*|[^']*\/harness\/[^']*|node:http|node:https|node:net)'/;

describe('test/unit', () => {
	it.each(readdirSync(__dirname).filter((file) => file.endsWith('.ts')))('%s imports neither n8n-core, the sandbox, the harness nor a server', (file) => {
		expect(readFileSync(join(__dirname, file), 'utf8')).not.toMatch(FORBIDDEN);
	});

	it('the node code under test loads without n8n-core', async () => {
		await expect(import('../../nodes/CybersourceInvoice/actions/router')).resolves.toHaveProperty('runItemLoop');
		await expect(import('../../nodes/shared/api/invoices')).resolves.toHaveProperty('readInvoices');
	});
});
