/** Cybersource API routing (docs/cybersource-api.md#endpoints, docs/cybersource-api.md#merchant-defined-fields): method + path → handler. All routes are host-agnostic. */

import { ApiError, INVALID, notFound, validationError } from '../domain/errors';
import type { ApiAnswer, InvoiceService } from '../domain/invoices';
import { referenceTypeOf, validateDefinition } from '../domain/mdf';
import { applySettings, productTypeOf, renderSettings, validateSettings } from '../domain/settings';
import type { Store } from '../domain/store';
import { validateListQuery } from '../domain/listQuery';
import { WebhookService } from '../domain/webhooks';

export interface ApiRequest {
	method: string;
	pathname: string;
	query: URLSearchParams;
	body: Buffer;
	merchantId: string;
	now: number;
}

export interface ApiContext {
	invoices: InvoiceService;
	store: Store;
	/** Consumes an armed `email-failed` fault if one matches this request. */
	emailFails: () => boolean;
	onChange: () => void;
	/** Notification subscriptions and signature keys. */
	webhooks?: WebhookService;
}

function parseJson(req: ApiRequest): unknown {
	const text = req.body.toString('utf8');
	if (text.trim() === '') return undefined;
	try {
		return JSON.parse(text);
	} catch {
		throw validationError(
			req.now,
			[{ field: 'body', reason: INVALID }],
			'Malformed JSON in request body.',
		);
	}
}

function decodeSegment(segment: string, now: number): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		throw notFound(now);
	}
}

function unknownRoute(now: number): ApiError {
	return notFound(now, 'The requested resource does not exist.');
}

export function routeApi(req: ApiRequest, ctx: ApiContext): ApiAnswer {
	if (ctx.webhooks && WebhookService.handles(req.pathname))
		return ctx.webhooks.route({ ...req, body: parseJson(req) });
	const segments = req.pathname.split('/');
	// ['', 'invoicing', 'v2', …]
	if (segments[1] !== 'invoicing' || segments[2] !== 'v2') throw unknownRoute(req.now);
	const rest = segments.slice(3);
	if (rest[0] === 'invoices') return routeInvoices(req, ctx, rest);
	if (rest[0] === 'invoiceSettings' && rest.length === 1) return routeSettings(req, ctx);
	if (rest.length >= 2 && rest.length <= 3 && rest[1] === 'merchantDefinedFields') return routeMdf(req, ctx, rest);
	throw unknownRoute(req.now);
}

/** `invoices`, `invoices/{id}` and `invoices/{id}/delivery|cancelation|publication`. */
function routeInvoices(req: ApiRequest, ctx: ApiContext, rest: string[]): ApiAnswer {
	const { method, now, merchantId } = req;
	// A trailing slash on the collection is tolerated: the gateway's own list links use it.
	if (rest.length === 1 || (rest.length === 2 && rest[1] === '')) {
		if (method === 'POST') return ctx.invoices.create(merchantId, parseJson(req), ctx.emailFails);
		if (method === 'GET') {
			const { query, details } = validateListQuery(req.query);
			if (!query) throw validationError(now, details, 'Invalid invoice status or paging parameters.');
			return ctx.invoices.list(merchantId, query);
		}
		throw unknownRoute(now);
	}
	const id = decodeSegment(rest[1], now);
	if (rest.length === 2) {
		if (method === 'GET') return ctx.invoices.get(merchantId, id);
		if (method === 'PUT') return ctx.invoices.update(merchantId, id, parseJson(req));
		throw unknownRoute(now);
	}
	if (rest.length === 3 && method === 'POST') {
		// The action endpoints take no body; the SDK sends `{}` which is ignored.
		if (rest[2] === 'delivery') return ctx.invoices.send(merchantId, id);
		if (rest[2] === 'cancelation') return ctx.invoices.cancel(merchantId, id);
		if (rest[2] === 'publication') return ctx.invoices.publish(merchantId, id);
	}
	throw unknownRoute(now);
}

/** `invoiceSettings` (GET, PUT), per product type. */
function routeSettings(req: ApiRequest, ctx: ApiContext): ApiAnswer {
	const { method, now, merchantId } = req;
	const state = ctx.store.state(merchantId);
	const productType = productTypeOf(req.query, now);
	if (method === 'GET') return { status: 200, body: renderSettings(state.settingsFor(productType), merchantId, now) };
	if (method === 'PUT') {
		const patch = validateSettings(parseJson(req), now);
		const next = applySettings(state.settingsFor(productType), patch);
		state.settings.set(productType, next);
		ctx.onChange();
		return { status: 200, body: renderSettings(next, merchantId, now) };
	}
	throw unknownRoute(now);
}

/** `{referenceType}/merchantDefinedFields` (GET, POST) and `…/{id}` (PUT, DELETE). */
function routeMdf(req: ApiRequest, ctx: ApiContext, rest: string[]): ApiAnswer {
	const { method, now, merchantId } = req;
	const referenceType = referenceTypeOf(decodeSegment(rest[0], now), now);
	const book = ctx.store.state(merchantId).mdf;
	if (rest.length === 2) {
		if (method === 'GET') return { status: 200, body: book.list(referenceType) };
		if (method === 'POST') {
			const list = book.create(referenceType, validateDefinition(parseJson(req), now), now);
			ctx.onChange();
			return { status: 201, body: list };
		}
		throw unknownRoute(now);
	}
	const id = /^\d+$/.test(rest[2]) ? Number(rest[2]) : NaN;
	if (Number.isNaN(id)) throw unknownRoute(now);
	if (method === 'PUT') {
		const list = book.update(referenceType, id, validateDefinition(parseJson(req), now), now);
		ctx.onChange();
		return { status: 200, body: list };
	}
	if (method === 'DELETE') {
		book.remove(referenceType, id, now);
		ctx.onChange();
		return { status: 204, body: undefined };
	}
	throw unknownRoute(now);
}
