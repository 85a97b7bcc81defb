/** Merchant-defined field definitions (docs/cybersource-api.md#merchant-defined-fields), with that API's own error shape (integer status). */

import { ApiError, INVALID, MISSING, mdfError } from './errors';
import { Checker } from './checker';
import type { MdfDefinition } from '../types';

export const REFERENCE_TYPES = ['Invoice', 'Purchase', 'Donation'];
/** The real per-type limit is not documented; 20 keeps the 412 branch reachable. */
export const MAX_DEFINITIONS_PER_TYPE = 20;

export function referenceTypeOf(segment: string, now: number): string {
	const match = REFERENCE_TYPES.find((type) => type.toLowerCase() === segment.toLowerCase());
	if (!match) {
		throw mdfError(now, 400, 'VALIDATION_ERROR', 'Invalid reference type.', [
			{ field: 'referenceType', reason: INVALID },
		]);
	}
	return match;
}

type DefinitionFields = Omit<MdfDefinition, 'id' | 'merchantId' | 'referenceType'>;

export function validateDefinition(body: unknown, now: number): DefinitionFields {
	const c = new Checker();
	const root = c.object('body', body, true) ?? {};
	const fieldType = c.string('fieldType', root.fieldType, {
		required: true,
		pattern: /^(text|select)$/,
	});
	const label = c.string('label', root.label, { required: true, max: 100 });
	const index = c.integer('merchantDefinedDataIndex', root.merchantDefinedDataIndex, {
		required: true,
		min: 1,
		max: 100,
	});
	const textMinLength = c.integer('textMinLength', root.textMinLength, { min: 0, max: 100 }) ?? 0;
	const textMaxLength = c.integer('textMaxLength', root.textMaxLength, { min: 1, max: 100 }) ?? 100;
	if (textMinLength > textMaxLength) c.issue('textMinLength', INVALID);
	const possibleValues = c.string('possibleValues', root.possibleValues, { max: 600 });
	if (fieldType === 'select' && !possibleValues) c.issue('possibleValues', MISSING);
	if (fieldType === 'text' && possibleValues) c.issue('possibleValues', INVALID);
	const definition: DefinitionFields = {
		fieldType: (fieldType ?? 'text') as 'text' | 'select',
		label: label ?? '',
		customerVisible: c.boolean('customerVisible', root.customerVisible) ?? false,
		readOnly: c.boolean('readOnly', root.readOnly) ?? false,
		textMinLength,
		textMaxLength,
		merchantDefinedDataIndex: index ?? 0,
	};
	const textDefaultValue = c.string('textDefaultValue', root.textDefaultValue, { max: 100 });
	if (textDefaultValue !== undefined) definition.textDefaultValue = textDefaultValue;
	if (possibleValues !== undefined) definition.possibleValues = possibleValues;
	if (c.details.length)
		throw mdfError(now, 400, 'VALIDATION_ERROR', 'Field validation errors.', c.details);
	return definition;
}

export class MdfBook {
	private readonly byType = new Map<string, MdfDefinition[]>();
	private nextId = 1;
	/** Looked up on every invoice render; rebuilt only when definitions change. */
	private invoiceIndex: Map<number, MdfDefinition> | undefined;

	constructor(private readonly merchantId: string) {}

	list(referenceType: string): MdfDefinition[] {
		return this.byType.get(referenceType) ?? [];
	}

	/** Invoice definitions by id, for validating `merchantDefinedFieldValues`. */
	invoiceDefinitions(): Map<number, MdfDefinition> {
		this.invoiceIndex ??= new Map(
			this.list('Invoice').map((definition) => [definition.id, definition]),
		);
		return this.invoiceIndex;
	}

	private set(referenceType: string, list: MdfDefinition[]): void {
		this.byType.set(referenceType, list);
		this.invoiceIndex = undefined;
	}

	create(referenceType: string, fields: DefinitionFields, now: number): MdfDefinition[] {
		const list = this.list(referenceType);
		if (list.length >= MAX_DEFINITIONS_PER_TYPE) {
			throw mdfError(
				now,
				412,
				'LIMIT_EXCEEDED',
				`Merchant defined field limit exceeded for ${referenceType}.`,
			);
		}
		this.assertIndexFree(list, fields.merchantDefinedDataIndex, undefined, now);
		const definition: MdfDefinition = {
			id: this.nextId++,
			...fields,
			merchantId: this.merchantId,
			referenceType,
		};
		this.set(referenceType, [...list, definition]);
		return this.list(referenceType);
	}

	update(
		referenceType: string,
		id: number,
		fields: DefinitionFields,
		now: number,
	): MdfDefinition[] {
		const list = this.list(referenceType);
		const index = list.findIndex((definition) => definition.id === id);
		if (index < 0) throw notFoundDefinition(now);
		this.assertIndexFree(list, fields.merchantDefinedDataIndex, id, now);
		const next = [...list];
		next[index] = { ...list[index], ...fields, id, merchantId: this.merchantId, referenceType };
		this.set(referenceType, next);
		return next;
	}

	remove(referenceType: string, id: number, now: number): void {
		const list = this.list(referenceType);
		if (!list.some((definition) => definition.id === id)) throw notFoundDefinition(now);
		this.set(
			referenceType,
			list.filter((definition) => definition.id !== id),
		);
	}

	private assertIndexFree(
		list: MdfDefinition[],
		index: number,
		ownId: number | undefined,
		now: number,
	): void {
		if (
			list.some(
				(definition) => definition.merchantDefinedDataIndex === index && definition.id !== ownId,
			)
		) {
			throw mdfError(
				now,
				400,
				'MERCHANT_DEFINED_FIELD_ALREADY_UPDATED',
				`merchantDefinedDataIndex ${index} is already assigned.`,
				[{ field: 'merchantDefinedDataIndex', reason: INVALID }],
			);
		}
	}

	toJSON(): { nextId: number; definitions: MdfDefinition[] } {
		return { nextId: this.nextId, definitions: [...this.byType.values()].flat() };
	}

	static fromJSON(
		merchantId: string,
		data: { nextId: number; definitions: MdfDefinition[] },
	): MdfBook {
		const book = new MdfBook(merchantId);
		book.nextId = data.nextId;
		for (const definition of data.definitions) {
			book.set(definition.referenceType, [...book.list(definition.referenceType), definition]);
		}
		return book;
	}
}

function notFoundDefinition(now: number): ApiError {
	return mdfError(now, 404, 'NOT_FOUND', 'Merchant defined field definition not found.');
}
