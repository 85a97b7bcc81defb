/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * What n8n's node list (the node creator) shows of this package. n8n lists a trigger under an app,
 * with the app's actions, when the trigger's type name minus its first "Trigger" is the app's type
 * name (generateMergedNodesAndActions in n8n's editor-ui, the same in 1.x and 2.x); otherwise the
 * trigger is an app of its own. The webhook trigger is under Cybersource Invoice › Triggers; the
 * polling trigger keeps n8n's naming rules for a trigger and so is a card of its own
 * (CONTRIBUTING.md, "One type name for the polling trigger").
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { INodeTypeDescription, IVersionedNodeType } from 'n8n-workflow';

const ROOT = path.join(__dirname, '..', '..');
const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; n8n: { nodes: string[] } };

/** The newest version's description of every node file package.json lists, as n8n loads them. */
function listedNodes(): INodeTypeDescription[] {
	return packageJson.n8n.nodes.map((file) => {
		const source = path.join(ROOT, file.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
		const className = path.basename(source).split('.')[0];
		const NodeClass = jest.requireActual<Record<string, new () => IVersionedNodeType>>(source)[className];
		const node = new NodeClass();
		return (node as unknown as { getNodeType(): { description: INodeTypeDescription } }).getNodeType().description;
	});
}

/** n8n's rule: `trigger.name.replace('Trigger', '')`. */
const appOf = (trigger: INodeTypeDescription): string => trigger.name.replace('Trigger', '');

const nodes = listedNodes();
const visible = nodes.filter((node) => !node.hidden);
const triggers = visible.filter((node) => node.group.includes('trigger'));
const apps = visible.filter((node) => !node.group.includes('trigger'));

test('the node list shows Cybersource Invoice with the webhook trigger under it, and the polling trigger as its own card', () => {
	expect(apps.map((app) => app.name)).toEqual(['cybersourceInvoice']);
	expect(triggers.map((trigger) => trigger.displayName).sort()).toEqual(['Cybersource Invoice Polling Trigger', 'Cybersource Invoice Trigger']);
	expect(triggers.filter((trigger) => appOf(trigger) === 'cybersourceInvoice').map((trigger) => trigger.name)).toEqual(['cybersourceInvoiceTrigger']);
	expect(appOf(triggers.find((trigger) => trigger.polling)!)).toBe('cybersourceInvoicePolling');
});

test("every node is listed (none hidden) and each trigger's names follow n8n's lint rules for a trigger", () => {
	expect(nodes.filter((node) => node.hidden)).toEqual([]);
	for (const trigger of triggers) {
		// n8n's trigger lint rules: node-class-description-(display-)name-unsuffixed-trigger-node, node-filename-against-convention
		expect(trigger.name).toMatch(/^cybersourceInvoice\w*Trigger$/);
		expect(trigger.displayName).toMatch(/ Trigger$/);
		const file = packageJson.n8n.nodes[nodes.indexOf(trigger)];
		expect(path.basename(file)).toBe(`${trigger.name[0].toUpperCase()}${trigger.name.slice(1)}.node.js`);
	}
});

test("the triggers' events have labels of their own in the list (each trigger offers Invoice Paid)", () => {
	const labels = triggers.flatMap((trigger) => trigger.properties.find((p) => p.name === 'events')?.options ?? []).map((option) => String((option as { action?: string }).action));
	expect(labels).toContain('On Invoice Paid (Webhook)');
	expect(labels).toContain('On Invoice Paid (Polling)');
	expect(new Set(labels).size).toBe(labels.length);
});

test("the polling trigger's notice points at n8n's Poll Times, which n8n puts above it", () => {
	const polling = triggers.find((node) => node.polling);
	const notice = polling?.properties.find((p) => p.type === 'notice');
	expect(notice?.displayName).toMatch(/^Checks Cybersource at the Poll Times above/);
	expect(polling?.properties.indexOf(notice!)).toBe(0);
});

test('every listed node has its codex file, naming it', () => {
	for (const file of packageJson.n8n.nodes) {
		const codexPath = path.join(ROOT, file.replace(/^dist\//, '').replace(/\.js$/, '.json'));
		const codex = JSON.parse(readFileSync(codexPath, 'utf8')) as { node: string };
		const name = nodes[packageJson.n8n.nodes.indexOf(file)].name;
		expect(codex.node).toBe(`${packageJson.name}.${name}`);
	}
});
