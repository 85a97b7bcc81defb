import type { INodeTypeBaseDescription, IVersionedNodeType } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';

import { CybersourceInvoicePollingTriggerV1 } from './v1/CybersourceInvoicePollingTriggerV1';

/**
 * The polling trigger n8n loads; each typeVersion is a class under vN/ (see CybersourceInvoice.node.ts).
 * Its type name is n8n's convention for a trigger, so n8n's node list shows it as a card of its own
 * beside Cybersource Invoice (CONTRIBUTING.md, "One type name for the polling trigger").
 */
export class CybersourceInvoicePollingTrigger extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'Cybersource Invoice Polling Trigger',
			name: 'cybersourceInvoicePollingTrigger',
			icon: { light: 'file:../../icons/cybersource.svg', dark: 'file:../../icons/cybersource.dark.svg' },
			group: ['trigger'],
			description: 'Starts the workflow when invoices change, by asking Cybersource on a schedule (no public URL needed)',
			defaultVersion: 1,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new CybersourceInvoicePollingTriggerV1(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
