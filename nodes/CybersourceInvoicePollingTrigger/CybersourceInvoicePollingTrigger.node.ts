import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { eventsProperty, simplifyProperty } from '../CybersourceInvoiceTrigger/descriptions';
import { POLLING_EVENTS, type TriggerEvent } from '../CybersourceInvoiceTrigger/helpers/events';
import { eventItem, getInvoice } from '../CybersourceInvoiceTrigger/helpers/output';
import { baseline, changesSince, latestMatching, type Change, type PollState } from '../CybersourceInvoiceTrigger/helpers/polling';

async function toItems(this: IPollFunctions, changes: Change[], simplify: boolean): Promise<INodeExecutionData[]> {
	const read = new Map<string, IDataObject>();
	const items: INodeExecutionData[] = [];
	for (const change of changes) {
		const invoice = change.invoice ?? read.get(change.invoiceNumber) ?? (await getInvoice.call(this, change.invoiceNumber));
		read.set(change.invoiceNumber, invoice);
		items.push({ json: eventItem({ event: change.event, invoiceNumber: change.invoiceNumber, invoice, simplify }) });
	}
	return items;
}

export class CybersourceInvoicePollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cybersource Invoice Polling Trigger',
		name: 'cybersourceInvoicePollingTrigger',
		icon: { light: 'file:../../icons/cybersource.svg', dark: 'file:../../icons/cybersource.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description: 'Starts the workflow when invoices change, by asking Cybersource on a schedule (no public URL needed)',
		defaults: { name: 'Cybersource Invoice Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cybersourceApi', required: true }],
		properties: [
			{
				displayName:
					'Checks Cybersource on the schedule below. The first check after activation only records where things stand; later checks output each change once.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			eventsProperty(
				POLLING_EVENTS,
				'The invoice changes that start the workflow. Reminders and re-sends change no status, so only the webhook trigger sees them.',
			),
			simplifyProperty,
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const events = this.getNodeParameter('events', []) as TriggerEvent[];
		if (events.length === 0) throw new NodeOperationError(this.getNode(), 'Choose at least one event in "Events"');
		const simplify = this.getNodeParameter('simplify', true) as boolean;

		if (this.getMode() === 'manual') {
			const latest = await latestMatching.call(this, events);
			return latest ? [await toItems.call(this, [latest], simplify)] : null;
		}
		const staticData = this.getWorkflowStaticData('node');
		const previous = staticData.pollState as PollState | undefined;
		if (!previous || previous.version !== 1) {
			staticData.pollState = await baseline.call(this, events);
			return null;
		}
		const { changes, state } = await changesSince.call(this, previous, events);
		const items = await toItems.call(this, changes, simplify);
		// Saved only after the output is built: a failed poll is simply repeated next time.
		staticData.pollState = state;
		return items.length ? [items] : null;
	}
}
