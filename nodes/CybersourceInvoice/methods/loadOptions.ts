import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listInvoiceFieldDefinitions } from '../../shared/api/merchantDefinedFields';
import { singleRequest } from '../../shared/transport';

/** Invoice merchant-defined field definitions (docs/cybersource-api.md#merchant-defined-fields), for the Merchant-Defined Fields rows. */
export async function getMerchantDefinedFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const definitions = await listInvoiceFieldDefinitions.call(this, singleRequest());
	return definitions.map((definition) => ({
		name: `${String(definition.label)}${definition.fieldType === 'select' ? ' (list)' : ''}`,
		value: Number(definition.id),
		description: definition.possibleValues ? `Allowed values: ${String(definition.possibleValues)}` : undefined,
	}));
}
