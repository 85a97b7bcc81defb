/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The node types as n8n registers them: every file package.json lists, loaded by n8n-core's own
 * DirectoryLoader, which also adds n8n's parameters (Poll Times to a polling node). One polling
 * trigger type is published; with a second type sharing its description, n8n added Poll Times to
 * the shared properties once per type, and the editor showed it twice.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { DirectoryLoader } from 'n8n-core';
import type { INodeTypeDescription } from 'n8n-workflow';

const ROOT = path.join(__dirname, '..', '..');
const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; n8n: { nodes: string[] } };

/** n8n's loader, pointed at the sources (jest compiles them) instead of dist/. */
class SourceLoader extends DirectoryLoader {
	packageName = packageJson.name;

	async loadAll(): Promise<void> {
		for (const file of packageJson.n8n.nodes) this.loadNodeFromFile(file.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
		return Promise.resolve();
	}
}

async function load(): Promise<INodeTypeDescription[]> {
	const loader = new SourceLoader(ROOT);
	await loader.loadAll();
	return loader.types.nodes;
}

let described: INodeTypeDescription[];

beforeAll(async () => {
	described = await load();
});

test('the package registers exactly one polling trigger type: cybersourceInvoicePollingTrigger, not hidden', () => {
	const polling = described.filter((description) => description.polling);
	expect(polling.map((description) => description.name)).toEqual(['cybersourceInvoicePollingTrigger']);
	expect(polling[0].hidden).toBeUndefined();
	expect(described.map((description) => description.name).sort()).toEqual(['cybersourceInvoice', 'cybersourceInvoice', 'cybersourceInvoicePollingTrigger', 'cybersourceInvoiceTrigger']);
});

test('no registered description lists a property name twice (Poll Times once, first)', () => {
	for (const description of described) {
		const names = description.properties.map((property) => property.name);
		const repeated = names.filter((name, index) => names.indexOf(name) !== index && !shownAlternately(description, name));
		expect({ type: description.name, version: description.version, repeated }).toEqual({ type: description.name, version: description.version, repeated: [] });
	}
	const polling = described.find((description) => description.polling);
	expect(polling?.properties.filter((property) => property.name === 'pollTimes')).toHaveLength(1);
	expect(polling?.properties[0].name).toBe('pollTimes');
});

test('loading the package again (n8n reloads a node file to get its type back) still lists Poll Times once', async () => {
	const again = (await load()).find((description) => description.polling);
	expect(again?.properties.filter((property) => property.name === 'pollTimes')).toHaveLength(1);
});

/** A name may repeat when each copy is shown for other parameter values (displayOptions): n8n shows one at a time. */
function shownAlternately(description: INodeTypeDescription, name: string): boolean {
	return description.properties.filter((property) => property.name === name).every((property) => property.displayOptions !== undefined);
}
