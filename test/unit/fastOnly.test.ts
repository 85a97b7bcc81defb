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
		await expect(import('../../nodes/CybersourceInvoice/v1/actions/router')).resolves.toHaveProperty('routeV1');
		await expect(import('../../nodes/shared/api/invoices')).resolves.toHaveProperty('readInvoices');
	});
});
