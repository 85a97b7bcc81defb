import type { INodeTypeBaseDescription, IVersionedNodeType } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';

import { CybersourceInvoiceV1 } from './v1/CybersourceInvoiceV1';
import { CybersourceInvoiceV2 } from './v2/CybersourceInvoiceV2';

/**
 * The node n8n loads (package.json's n8n.nodes). Each typeVersion has its own class under vN/, so a
 * change that would alter saved workflows goes into a new version and old workflows keep version 1.
 */
export class CybersourceInvoice extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'Cybersource Invoice',
			name: 'cybersourceInvoice',
			// `file:` paths resolve from this file's folder, for every version.
			icon: { light: 'file:../../icons/cybersource.svg', dark: 'file:../../icons/cybersource.dark.svg' },
			group: ['output'],
			description: 'Create, send and track Cybersource (Visa Acceptance) invoices with payment links',
			// New nodes get version 2; saved workflows keep the version they were saved with.
			defaultVersion: 2,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new CybersourceInvoiceV1(baseDescription),
			2: new CybersourceInvoiceV2(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
