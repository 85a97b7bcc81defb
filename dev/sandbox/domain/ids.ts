/** Gateway-like identifiers the sandbox mints: payment transaction ids and payment-link tokens. */

import { randomBytes } from 'node:crypto';

let transactionCounter = 0;
/** 22-digit ids like the gateway's transaction ids. */
export function transactionId(now: number): string {
	transactionCounter = (transactionCounter + 1) % 1000000;
	const seconds = String(Math.floor(now / 1000))
		.padStart(10, '0')
		.slice(-10);
	const random = String(randomBytes(4).readUInt32BE() % 1000000).padStart(6, '0');
	return `${seconds}${random}${String(transactionCounter).padStart(6, '0')}`;
}

export function paymentToken(): string {
	return randomBytes(16).toString('hex');
}
