import type { IVersionedNodeType } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';

import { pollingTriggerBase } from '../shared/pollingTrigger/baseDescription';
import { CybersourceInvoicePollingTriggerV1 } from '../shared/pollingTrigger/v1/CybersourceInvoicePollingTriggerV1';

/**
 * The polling trigger under its first type name: hidden from n8n's node list (new workflows get
 * CybersourceTriggerInvoice, see nodes/shared/pollingTrigger/baseDescription.ts), loaded so that saved workflows keep running.
 * Each typeVersion is a class under vN/ (see CybersourceInvoice.node.ts).
 */
export class CybersourceInvoicePollingTrigger extends VersionedNodeType {
	constructor() {
		const baseDescription = pollingTriggerBase('cybersourceInvoicePollingTrigger', true, {
			light: 'file:../../icons/cybersource.svg',
			dark: 'file:../../icons/cybersource.dark.svg',
		});
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new CybersourceInvoicePollingTriggerV1(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
