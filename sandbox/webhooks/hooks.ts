/** The test-side API of the webhook sandbox, in process and as `/__sandbox/webhooks/…` hooks. */
import { SandboxError } from '../invoices';
import type { DeliveryAttempt, Subscription } from './types';

export interface SandboxWebhooks {
	/** Every subscription of every organization (including INACTIVE ones). */
	subscriptions(): Subscription[];
	/** Every health check and notification attempt, oldest first, with its outcome. */
	deliveries(): DeliveryAttempt[];
	/** A payment reminder (or, with `overdue`, an overdue reminder) was e-mailed: notifies subscribers. */
	remind(invoiceId: string, opts?: { overdue?: boolean; merchantId?: string }): object;
	/** Sends an already delivered notification again (same notificationId, request type RETRY). */
	redeliver(notificationId: string): object;
	/** Resolves when no delivery or retry is pending. */
	settled(): Promise<void>;
}

/**
 * `GET webhooks/subscriptions`, `GET webhooks/deliveries`, `POST webhooks/deliveries/{id}/redeliver`,
 * `POST invoices/{id}/reminders {overdue?}`; undefined for any other route.
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
		case 'POST invoices/:id/reminders':
			if (body.overdue !== undefined && typeof body.overdue !== 'boolean') throw new SandboxError(400, 'overdue must be a boolean');
			return { status: 202, body: webhooks.remind(parts[1], { overdue: body.overdue === true, merchantId }) };
		default:
			return undefined;
	}
}
