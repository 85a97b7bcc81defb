/**
 * n8n's editor changes a typed number without a word when its field has `numberPrecision` (1.5
 * becomes 2 on blur) or `minValue` / `maxValue` (50 becomes 20): Element Plus's InputNumber, which
 * n8n's ParameterInput uses for `type: 'number'`, rounds and clamps the value it stores. The node
 * never sees what the user typed, so its own checks (which name the field, line and item) cannot
 * refuse it. No number field of the package's nodes or credential may let the editor do that,
 * except the few kept on purpose below.
 */
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { CybersourceApi } from '../../credentials/CybersourceApi.credentials';
import { CybersourceInvoice } from '../../nodes/CybersourceInvoice/CybersourceInvoice.node';
import { CybersourceInvoicePollingTrigger } from '../../nodes/CybersourceInvoicePollingTrigger/CybersourceInvoicePollingTrigger.node';
import { CybersourceInvoiceTrigger } from '../../nodes/CybersourceInvoiceTrigger/CybersourceInvoiceTrigger.node';

/** Number fields whose editor-side change is kept, and why it changes nothing the user meant. */
const KEPT: Record<string, string> = {
	// n8n's lint rule node-param-typeoptions-missing-from-limit asks every Limit for it, as in all
	// n8n nodes. Only 0 or less becomes 1 (shown in the field), for a read that changes nothing.
	Limit: 'minValue 1',
};

interface NumberField {
	path: string;
	typeOptions: INodeProperties['typeOptions'];
}

function isCollection(option: INodeProperties | INodePropertyOptions | INodePropertyCollection): option is INodePropertyCollection {
	return 'values' in option;
}

/** Every number field, inside collections and fixed collections too, with a readable path. */
function numberFields(properties: INodeProperties[], prefix: string): NumberField[] {
	return properties.flatMap((property) => {
		const path = `${prefix}${property.displayName}`;
		const nested = (property.options ?? []).flatMap((option) => {
			if (isCollection(option)) return numberFields(option.values, `${path} › `);
			return 'type' in option ? numberFields([option as INodeProperties], `${path} › `) : [];
		});
		return property.type === 'number' ? [{ path, typeOptions: property.typeOptions }, ...nested] : nested;
	});
}

function descriptionsOf(node: { nodeVersions: Record<number, { description: INodeTypeDescription }> }): INodeTypeDescription[] {
	return Object.values(node.nodeVersions).map((version) => version.description);
}

const SOURCES: Array<[string, INodeProperties[]]> = [
	...descriptionsOf(new CybersourceInvoice()).map((d): [string, INodeProperties[]] => [`Cybersource Invoice v${String(d.version)}`, d.properties]),
	...descriptionsOf(new CybersourceInvoiceTrigger()).map((d): [string, INodeProperties[]] => [`Trigger v${String(d.version)}`, d.properties]),
	...descriptionsOf(new CybersourceInvoicePollingTrigger()).map((d): [string, INodeProperties[]] => [`Polling Trigger v${String(d.version)}`, d.properties]),
	['Cybersource API credential', new CybersourceApi().properties],
];

/** What the editor would do to a typed value of this field, e.g. "numberPrecision 0". */
function editorChanges(typeOptions: NumberField['typeOptions']): string | undefined {
	const changes = (['minValue', 'maxValue', 'numberPrecision'] as const)
		.filter((option) => typeOptions?.[option] !== undefined)
		.map((option) => `${option} ${String(typeOptions?.[option])}`);
	return changes.length ? changes.join(', ') : undefined;
}

describe.each(SOURCES)('%s', (_source, properties) => {
	it('has no number field the editor rounds or clamps, except the ones kept on purpose', () => {
		const changed = numberFields(properties, '')
			.map(({ path, typeOptions }) => ({ path, changes: editorChanges(typeOptions) }))
			.filter(({ path, changes }) => changes !== undefined && KEPT[path] !== changes);
		expect(changed).toEqual([]);
	});
});

test('the Quantity of a line is a number field the editor leaves as typed', () => {
	const fields = numberFields(descriptionsOf(new CybersourceInvoice())[0].properties, '');
	const quantities = fields.filter(({ path }) => path === 'Lines › Quantity');
	expect(quantities.length).toBeGreaterThan(0);
	for (const { typeOptions } of quantities) expect(editorChanges(typeOptions)).toBeUndefined();
});
