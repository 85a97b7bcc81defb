import type { IVersionedNodeType } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';

import { pollingTriggerBase } from '../shared/pollingTrigger/baseDescription';
import { CybersourceInvoicePollingTriggerV1 } from '../shared/pollingTrigger/v1/CybersourceInvoicePollingTriggerV1';

/**
 * The polling trigger as n8n's node list shows it, under Cybersource Invoice › Triggers beside the
 * webhook trigger; its type name is chosen for that grouping (see nodes/shared/pollingTrigger/baseDescription.ts).
 */
export class CybersourceTriggerInvoice extends VersionedNodeType {
	constructor() {
		const baseDescription = pollingTriggerBase('cybersourceTriggerInvoice', false, {
			light: 'file:../../icons/cybersource.svg',
			dark: 'file:../../icons/cybersource.dark.svg',
		});
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new CybersourceInvoicePollingTriggerV1(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
