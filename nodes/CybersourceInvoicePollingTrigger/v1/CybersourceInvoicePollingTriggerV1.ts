import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { TriggerEvent } from '../../shared/triggers/events';
import { getInvoice } from '../../shared/api/invoices';
import { singleRequest } from '../../shared/transport';
import { eventItem } from '../../shared/triggers/eventItem';
import { baseline, changesSince, latestMatching, type Change, type PollState } from '../helpers/polling';
import { versionDescription } from './versionDescription';

async function toItems(this: IPollFunctions, changes: Change[], simplify: boolean): Promise<INodeExecutionData[]> {
	const read = new Map<string, IDataObject>();
	const items: INodeExecutionData[] = [];
	for (const change of changes) {
		const invoice = change.invoice ?? read.get(change.invoiceNumber) ?? (await getInvoice.call(this, change.invoiceNumber, singleRequest()));
		read.set(change.invoiceNumber, invoice);
		items.push({ json: eventItem({ event: change.event, invoiceNumber: change.invoiceNumber, invoice, simplify, payment: change.payment }) });
	}
	return items;
}

/**
 * Version 1 of the polling trigger. Not named *.node.ts: n8n loads every *.node.js of a custom extensions folder
 * as a node of its own, and this class only works inside the versioned node.
 */
export class CybersourceInvoicePollingTriggerV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		// A fresh properties array per instance: n8n's loader adds Poll Times to it in place, once per instance it loads.
		this.description = { ...baseDescription, ...versionDescription, properties: [...versionDescription.properties] };
	}

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
		// Version 1 state (before payments were counted) is carried over: see reportedOf.
		if (!previous || (previous.version !== 1 && previous.version !== 2)) {
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
