/** The webhook sandbox's test side as `/__sandbox/webhooks/…` hooks (in process: `SandboxWebhooks`). */
import { SandboxError } from '../domain/sandboxError';
import type { SandboxWebhooks } from '../domain/webhooks/types';


/**
 * `GET webhooks/subscriptions`, `GET webhooks/deliveries`, `POST webhooks/deliveries/{id}/redeliver`,
 * `POST invoices/{id}/reminders {overdue?}`, `POST webhooks/notifications {invoiceNumber, eventType}`;
 * undefined for any other route.
 */
export function handleWebhookHook(
	method: string,
	parts: string[],
	body: Record<string, unknown>,
	merchantId: string | undefined,
	webhooks: SandboxWebhooks,
): { status: number; body: unknown } | undefined {
	const shape = parts.map((part, index) =>
		(parts[0] === 'invoices' && index === 1) || (parts[1] === 'deliveries' && index === 2) ? ':id' : part,
	);
	switch (`${method} ${shape.join('/')}`) {
		case 'GET webhooks/subscriptions':
			return { status: 200, body: { subscriptions: webhooks.subscriptions() } };
		case 'GET webhooks/deliveries':
			return { status: 200, body: { deliveries: webhooks.deliveries() } };
		case 'POST webhooks/deliveries/:id/redeliver':
			return { status: 202, body: webhooks.redeliver(parts[2]) };
		case 'POST webhooks/notifications':
			return { status: 202, body: webhooks.notifyInvoiceNumber(String(body.invoiceNumber ?? ''), String(body.eventType ?? ''), { merchantId }) };
		case 'POST invoices/:id/reminders':
			if (body.overdue !== undefined && typeof body.overdue !== 'boolean') throw new SandboxError(400, 'overdue must be a boolean');
			return { status: 202, body: webhooks.remind(parts[1], { overdue: body.overdue === true, merchantId }) };
		default:
			return undefined;
	}
}
