import type { INodeTypeBaseDescription, IVersionedNodeType } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';

import { CybersourceInvoiceTriggerV1 } from './v1/CybersourceInvoiceTriggerV1';

/** The webhook trigger n8n loads; each typeVersion is a class under vN/ (see CybersourceInvoice.node.ts). */
export class CybersourceInvoiceTrigger extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'Cybersource Invoice Trigger',
			name: 'cybersourceInvoiceTrigger',
			icon: { light: 'file:../../icons/cybersource.svg', dark: 'file:../../icons/cybersource.dark.svg' },
			group: ['trigger'],
			description: 'Starts the workflow instantly when Cybersource notifies an invoice event (webhook)',
			defaultVersion: 1,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new CybersourceInvoiceTriggerV1(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
