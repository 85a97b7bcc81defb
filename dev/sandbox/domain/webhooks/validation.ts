/** Checks of subscription and key requests; answers like the gateway's 400 with `details[]`. */
import { INVALID, MISSING, validationError, type ErrorDetail } from '../errors';
import { isLoopbackAddress } from '../loopback';
import { INVOICE_EVENT_TYPES, PRODUCT_ID, type InvoiceEventType, type RetryPolicy } from './types';

type Json = Record<string, unknown>;

function object(value: unknown): Json | undefined {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

/**
 * The gateway wants a public HTTPS receiver. The sandbox also accepts plain http to a loopback
 * host, so a local n8n can receive deliveries.
 */
export function isAcceptableReceiver(text: unknown): boolean {
	if (typeof text !== 'string' || !URL.canParse(text)) return false;
	const url = new URL(text);
	if (url.protocol === 'https:') return true;
	const host = url.hostname.replace(/^\[|\]$/g, '');
	return url.protocol === 'http:' && (host === 'localhost' || isLoopbackAddress(host));
}

const DEFAULT_RETRY: RetryPolicy = {
	algorithm: 'ARITHMETIC',
	firstRetry: 1,
	interval: 1,
	numberOfRetries: 3,
	deactivateFlag: false,
	repeatSequenceCount: 0,
	repeatSequenceWaitTime: 0,
};

function nonNegative(value: unknown, fallback: number, field: string, details: ErrorDetail[]): number {
	if (value === undefined) return fallback;
	const number = Number(value);
	if (!Number.isInteger(number) || number < 0 || number > 1000) details.push({ field, reason: INVALID });
	return number;
}

export function readRetryPolicy(value: unknown, details: ErrorDetail[]): RetryPolicy {
	const input = object(value);
	if (!input) return { ...DEFAULT_RETRY };
	const algorithm = String(input.algorithm ?? 'ARITHMETIC').toUpperCase();
	if (algorithm !== 'ARITHMETIC' && algorithm !== 'GEOMETRIC')
		details.push({ field: 'retryPolicy.algorithm', reason: INVALID });
	const field = (name: keyof RetryPolicy) =>
		nonNegative(input[name], DEFAULT_RETRY[name] as number, `retryPolicy.${name}`, details);
	return {
		algorithm: algorithm as RetryPolicy['algorithm'],
		firstRetry: field('firstRetry'),
		interval: field('interval'),
		numberOfRetries: field('numberOfRetries'),
		deactivateFlag: String(input.deactivateFlag ?? 'false').toLowerCase() === 'true',
		repeatSequenceCount: field('repeatSequenceCount'),
		repeatSequenceWaitTime: field('repeatSequenceWaitTime'),
	};
}

/** `products: [{productId, eventTypes}]` (v2) or flat `productId` + `eventTypes` (v1 form). */
export function readProducts(body: Json, details: ErrorDetail[]): InvoiceEventType[] {
	const products = Array.isArray(body.products) ? (body.products as unknown[]) : undefined;
	const product = products ? object(products[0]) : body.productId !== undefined ? body : undefined;
	if (!product) {
		details.push({ field: 'products', reason: MISSING });
		return [];
	}
	if (product.productId !== PRODUCT_ID) details.push({ field: 'products[0].productId', reason: INVALID });
	const eventTypes = product.eventTypes;
	if (!Array.isArray(eventTypes) || eventTypes.length === 0) {
		details.push({ field: 'products[0].eventTypes', reason: MISSING });
		return [];
	}
	eventTypes.forEach((type, index) => {
		if (!INVOICE_EVENT_TYPES.includes(type as InvoiceEventType))
			details.push({ field: `products[0].eventTypes[${index}]`, reason: INVALID });
	});
	return [...new Set(eventTypes as InvoiceEventType[])];
}

export function readReceiverUrl(value: unknown, field: string, details: ErrorDetail[]): string {
	if (value === undefined || value === '') details.push({ field, reason: MISSING });
	else if (!isAcceptableReceiver(value)) details.push({ field, reason: INVALID });
	return String(value ?? '');
}

export function failIfAny(now: number, details: ErrorDetail[]): void {
	if (details.length) throw validationError(now, details);
}

export { object as jsonObject };
