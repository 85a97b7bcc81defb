/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** What a user sees first in version 2's panel, read from its description. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { Workflow, type INode, type INodeProperties, type INodeTypes } from 'n8n-workflow';

import { CybersourceInvoice } from '../../nodes/CybersourceInvoice/CybersourceInvoice.node';
import { CybersourceApi } from '../../credentials/CybersourceApi.credentials';
import { DOCS_URL } from '../../nodes/CybersourceInvoice/v2/descriptions/docs';
import { SUBTITLES, VERSION_2_OPERATIONS } from '../../nodes/CybersourceInvoice/v2/actions/versionDescription';

const node = new CybersourceInvoice();
const v2 = node.getNodeType(2).description;

/** The top-level parameters one operation shows, in panel order. */
function shownFor(resource: string, operation: string): INodeProperties[] {
	return v2.properties.filter((property) => {
		const show = property.displayOptions?.show;
		if (!show) return true;
		return (!show.resource || show.resource.includes(resource)) && (!show.operation || show.operation.includes(operation));
	});
}

const names = (properties: INodeProperties[]): string[] => properties.map((property) => property.name);
/** Every operation whose descriptor says version 2 simplifies its output. */
const SIMPLIFIED = VERSION_2_OPERATIONS.filter((descriptor) => descriptor.simplify);

describe('version 2 description', () => {
	it('is what new nodes get; version 1 stays available for saved workflows', () => {
		expect(node.description.defaultVersion).toBe(2);
		expect(Object.keys(node.nodeVersions).map(Number)).toEqual([1, 2]);
		expect(v2.version).toBe(2);
		expect(v2.usableAsTool).toBe(true);
	});

	it.each(SIMPLIFIED.map((descriptor) => [`${descriptor.resource}:${descriptor.operation}`, descriptor]))('%s has Simplify, on by default', (_key, descriptor) => {
		const simplify = shownFor(descriptor.resource, descriptor.operation).find((property) => property.name === 'simplify');
		expect(simplify?.default).toBe(true);
	});

	it.each(['create', 'createDraft'])('%s shows Invoice Number near the top, line items before Total Amount, optional fields in groups', (operation) => {
		const shown = names(shownFor('invoice', operation));
		expect(shown.indexOf('invoiceNumber')).toBeLessThan(shown.indexOf('dueDate'));
		expect(shown.indexOf('lineItemsMode')).toBeLessThan(shown.indexOf('totalAmount'));
		expect(shown).toEqual(expect.arrayContaining(['customerDetails', 'totals', 'paymentPage', 'references', 'options']));
		expect(shown).not.toContain('additionalFields');
		const invoiceNumber = shownFor('invoice', operation).find((property) => property.name === 'invoiceNumber');
		expect(invoiceNumber?.hint).toMatch(/order or row ID/);
		const options = shownFor('invoice', operation).find((property) => property.name === 'options');
		expect(names(options?.options as INodeProperties[])).toEqual(['allowPastDueDate', 'invoiceNumbering', 'parallelRequests']);
	});

	it('groups hold every version 1 Additional Field once, under the same names', () => {
		const v1Additional = node.getNodeType(1).description.properties.find((property) => property.name === 'additionalFields');
		const v1Names = names(v1Additional?.options as INodeProperties[]).filter((name) => !['invoiceNumber', 'invoiceNumbering'].includes(name));
		const groups = shownFor('invoice', 'create').filter((property) => ['customerDetails', 'totals', 'paymentPage', 'references'].includes(property.name));
		const grouped = groups.flatMap((group) => names(group.options as INodeProperties[]));
		expect([...grouped].sort()).toEqual([...v1Names].sort());
	});

	it('Currency is a list of the currencies the node knows; an expression still works (not noDataExpression)', () => {
		const currency = shownFor('invoice', 'create').find((property) => property.name === 'currency');
		expect(currency?.type).toBe('options');
		expect(currency?.noDataExpression).toBeUndefined();
		const values = (currency?.options as Array<{ value: string }>).map((option) => option.value);
		expect(values).toEqual(expect.arrayContaining(['USD', 'EUR', 'JPY', 'BHD']));
		expect(values).toEqual([...values].sort());
		expect(currency?.default).toBe('USD');
	});

	it('Due Date and Expiration Date say only the date is sent', () => {
		const dueDate = shownFor('invoice', 'create').find((property) => property.name === 'dueDate');
		const paymentPage = shownFor('invoice', 'create').find((property) => property.name === 'paymentPage');
		const expiration = (paymentPage?.options as INodeProperties[]).find((option) => option.name === 'expirationDate');
		for (const field of [dueDate, expiration]) expect(field?.hint).toMatch(/Only the date is sent/);
	});

	it('labels follow n8n: "By ID", "Discount Percent", "Logo Input Binary Field", sentence-case add buttons', () => {
		const text = JSON.stringify(v2.properties);
		expect(text).toContain('"displayName":"By ID"');
		expect(text).not.toContain('By Number');
		expect(text).not.toContain('Discount %');
		expect(text).toContain('Logo Input Binary Field');
		const placeholders = [...text.matchAll(/"placeholder":"(Add [^"]*)"/g)].map((match) => match[1]);
		expect(placeholders.length).toBeGreaterThan(5);
		for (const placeholder of placeholders) expect(placeholder).toMatch(/^Add [a-z]+$/);
	});

	it('the canvas subtitle names the operation in words', () => {
		const types = { getByNameAndVersion: (_: string, version?: number) => node.getNodeType(version), getByName: () => node, getKnownTypes: () => ({}) };
		const subtitleOf = (resource: string, operation: string): unknown => {
			const probe: INode = { id: '1', name: 'Node', type: 'cs', typeVersion: 2, position: [0, 0], parameters: { resource, operation } };
			const workflow = new Workflow({ nodes: [probe], connections: {}, active: false, nodeTypes: types as unknown as INodeTypes });
			return workflow.expression.getSimpleParameterValue(probe, v2.subtitle ?? '', 'internal', {});
		};
		expect(subtitleOf('invoice', 'createDraft')).toBe('Create draft');
		expect(subtitleOf('invoiceSettings', 'update')).toBe('Update settings');
		expect(Object.keys(SUBTITLES)).toEqual(VERSION_2_OPERATIONS.map((descriptor) => `${descriptor.resource}:${descriptor.operation}`));
		for (const subtitle of Object.values(SUBTITLES)) expect(subtitle).toMatch(/^[A-Z][a-z]+( [a-z]+)+$/);
	});

	it("links go to pages of this package's docs that exist, without a #fragment n8n's ?utm query would break", () => {
		const links = [...JSON.stringify(v2.properties).matchAll(/href=\\"([^"\\]+)\\"/g)].map((match) => match[1]);
		// The codex's first links are what n8n's panel opens as the node's and the credential's docs.
		const codex = JSON.parse(readFileSync(path.join(__dirname, '../../nodes/CybersourceInvoice/CybersourceInvoice.node.json'), 'utf8')) as {
			resources: Record<string, Array<{ url: string }>>;
		};
		const firstDocs = [codex.resources.primaryDocumentation[0].url, codex.resources.credentialDocumentation[0].url];
		const credentialDocs = new CybersourceApi().documentationUrl;
		const ours = [...links, ...firstDocs, credentialDocs].filter((link) => link.includes('n8n-nodes-cybersource-invoice'));
		expect(ours).toEqual(expect.arrayContaining([...firstDocs, credentialDocs]));
		expect(credentialDocs).toBe(`${DOCS_URL}/credentials.md`);
		for (const link of ours) {
			expect(link).not.toContain('#');
			expect(link.startsWith(`${DOCS_URL}/`)).toBe(true);
			expect(existsSync(path.join(__dirname, '..', '..', 'docs', link.slice(DOCS_URL.length + 1)))).toBe(true);
		}
	});
});
