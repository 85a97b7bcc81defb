/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Saved workflows keep typeVersion 1 and must read their values exactly as before version 2: every
 * version 1 parameter keeps its name, type, default, options and place. The fixture is version 1's
 * description as it was when version 2 was added (main at f998e16).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { CybersourceInvoice } from '../../nodes/CybersourceInvoice/CybersourceInvoice.node';
import { parameterList } from './parameterList';

const FIXTURE = path.join(__dirname, 'fixtures', 'v1-parameters.txt');

describe('version 1 stays as saved workflows know it', () => {
	it('every parameter name, type, default and option value is unchanged', () => {
		const v1 = new CybersourceInvoice().getNodeType(1).description;
		expect(v1.version).toBe(1);
		expect(parameterList(v1.properties)).toEqual(readFileSync(FIXTURE, 'utf8').trimEnd().split('\n'));
	});

	it('the list notices a changed default (it is not comparing a description with itself)', () => {
		const v1 = new CybersourceInvoice().getNodeType(1).description;
		const changed = v1.properties.map((property) => (property.name === 'simplify' ? { ...property, default: true } : property));
		expect(parameterList(changed)).not.toEqual(parameterList(v1.properties));
	});
});
