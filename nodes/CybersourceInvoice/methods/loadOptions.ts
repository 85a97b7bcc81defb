import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { cybersourceApiRequestArray, singleRequest } from '../../shared/transport';

/** Invoice merchant-defined field definitions (docs/cybersource-api.md#merchant-defined-fields), for the Merchant-Defined Fields rows. */
export async function getMerchantDefinedFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const definitions = await cybersourceApiRequestArray.call(this, 'GET', '/invoicing/v2/Invoice/merchantDefinedFields', singleRequest());
	return definitions.map((definition) => ({
		name: `${String(definition.label)}${definition.fieldType === 'select' ? ' (list)' : ''}`,
		value: Number(definition.id),
		description: definition.possibleValues ? `Allowed values: ${String(definition.possibleValues)}` : undefined,
	}));
}
