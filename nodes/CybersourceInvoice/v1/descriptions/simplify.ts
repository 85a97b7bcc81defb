import type { INodeProperties } from 'n8n-workflow';

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: false,
	description:
		'Whether to return a flat summary (ID, number, status, customer name and email, currency, total, balance, due date, payment link; Get adds the payments with their transaction IDs and the amount paid) instead of the full invoice',
};
