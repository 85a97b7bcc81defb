/**
 * Local Cybersource Invoicing sandbox (dev-only): a signature-verifying, stateful HTTP server
 * implementing the API notes spec independently of the product code in nodes/ and credentials/.
 */

export { startSandbox } from './sandbox';
export type { Sandbox } from './sandbox';
export { SandboxError } from './domain/sandboxError';
export { isLoopbackAddress } from './domain/loopback';
export { DEFAULT_MERCHANT_ID, DEFAULT_PORTFOLIO_ID } from './domain/merchants';
export type {
	AuthMode,
	FaultKind,
	FaultSpec,
	InvoiceStatus,
	RequestLogEntry,
	SandboxMerchant,
	SandboxMetaKey,
	SandboxOptions,
} from './types';
