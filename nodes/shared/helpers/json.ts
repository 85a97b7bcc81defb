import type { IDataObject } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

/*
 * JSON as Cybersource or a caller sends it, read defensively: the one test of "a JSON object"
 * (not null, not an array) that every reader of answers and notifications uses.
 */

export function isJsonObject(value: unknown): value is IDataObject {
	return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** A JSON object field of an answer, or {} when it is missing or not an object. */
export function objectOf(value: unknown): IDataObject {
	return isJsonObject(value) ? value : {};
}

/** The JSON object a text holds; undefined for anything else (not JSON, an array, a number). */
export function parseJsonObject(text: string): IDataObject | undefined {
	const parsed = jsonParse<unknown>(text, { fallbackValue: null });
	return isJsonObject(parsed) ? parsed : undefined;
}
