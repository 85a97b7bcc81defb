import type { INodeTypeBaseDescription } from 'n8n-workflow';

/**
 * The polling trigger's description, shared by its two node types (same parameters and code):
 *
 * - `cybersourceTriggerInvoice`, the one n8n's node list shows. n8n groups a trigger under an app
 *   only when the trigger's type name minus its first "Trigger" is the app's type name
 *   (generateMergedNodesAndActions in n8n's editor: `trigger.name.replace('Trigger', '')`). The
 *   webhook trigger, `cybersourceInvoiceTrigger`, already gives `cybersourceInvoice`; this name is
 *   the other one that does, so both triggers are listed under Cybersource Invoice › Triggers.
 * - `cybersourceInvoicePollingTrigger`, its first name, hidden from the node list and kept so that
 *   saved workflows using it run unchanged.
 */
export function pollingTriggerBase(name: string, hidden: boolean, icon: INodeTypeBaseDescription['icon']): INodeTypeBaseDescription {
	return {
		displayName: 'Cybersource Invoice Polling Trigger',
		name,
		// Given by each node file: n8n resolves `file:` icons from the node's own folder.
		icon,
		group: ['trigger'],
		description: 'Starts the workflow when invoices change, by asking Cybersource on a schedule (no public URL needed)',
		defaultVersion: 1,
		...(hidden ? { hidden: true as const } : {}),
	};
}
