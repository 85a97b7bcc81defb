/** Public types of the sandbox (re-exported by index.ts) and the stored invoice model. */

export interface SandboxMerchant {
	merchantId: string;
	/** API key id (UUID) for HTTP Signature and JWT HS256. */
	keyId: string;
	/** Base64 text; the HMAC key is its decoded bytes. */
	sharedSecret: string;
	/** Password-protected .p12, base64. */
	p12Base64: string;
	p12Password: string;
	/** = merchantId (the P12 friendly name contains `CN=<merchantId>`). */
	keyAlias: string;
	privateKeyPem: string;
	certificatePem: string;
	/** The serialNumber attribute of the certificate subject (= JWT RS256 kid). */
	certificateSerialNumber: string;
	/** Set when the merchant belongs to a portfolio. */
	portfolioId?: string;
}

export interface SandboxMetaKey {
	portfolioId: string;
	keyId: string;
	sharedSecret: string;
	merchantIds: string[];
}

export interface SandboxOptions {
	/** Default 8787; 0 = random. */
	port?: number;
	/** Default '127.0.0.1'. */
	host?: string;
	/** Persist state (atomic write: tmp file + rename) and reload on start. */
	dataFile?: string;
	/** Response amounts; default 'number' (observed live behaviour). */
	amountsAs?: 'number' | 'string';
	/** Injectable clock (ms) for date/exp checks and timestamps. */
	now?: () => number;
	/** Run the clock this many ms ahead of `now` (negative: behind); changeable via the clock hook. */
	clockOffsetMs?: number;
	/** Delay every API answer by this many ms (default 0); changeable via the latency hook. */
	latencyMs?: number;
	/** Plus a random 0..latencyJitterMs ms per answer (default 0). */
	latencyJitterMs?: number;
	/** One unit of a webhook retry policy (the gateway's minutes); default 60000. Tests shorten it. */
	webhookRetryUnitMs?: number;
	/** How long the gateway waits for a receiver's answer before it counts the try as failed (default 10000). */
	webhookTimeoutMs?: number;
	/** How the notification-signature key is used in the HMAC: decoded bytes (default) or its text. */
	webhookKeyEncoding?: 'base64' | 'utf8';
	/** Extra merchants (missing keys generated). */
	merchants?: Array<Partial<SandboxMerchant> & { merchantId: string }>;
	metaKeys?: Array<Partial<SandboxMetaKey> & { portfolioId: string; merchantIds: string[] }>;
	quiet?: boolean;
}

export type AuthMode = 'httpSignature' | 'jwtHS256' | 'jwtRS256';

export interface RequestLogEntry {
	seq: number;
	time: string;
	method: string;
	/** Raw path+query as received. */
	path: string;
	headers: Record<string, string>;
	/** Raw body (utf-8). */
	body: string;
	/** 0 when no answer was sent (fault hang/reset). */
	status: number;
	/** 'ok' or why auth/validation failed, e.g. 'auth: digest mismatch'. */
	verdict: string;
	merchantId?: string;
	authMode?: AuthMode;
}

export type FaultKind =
	'502' | '503' | '504' | '429' | 'hang' | 'reset' | 'malformed' | 'email-failed';

export interface FaultSpec {
	kind: FaultKind;
	/** Default 1. */
	count?: number;
	method?: string;
	/** Substring of the raw path+query, or '/regex/flags'. */
	path?: string;
	/** For 429; default 1. */
	retryAfterSeconds?: number;
}

export type InvoiceStatus =
	'DRAFT' | 'CREATED' | 'SENT' | 'PARTIAL' | 'PAID' | 'CANCELED' | 'PENDING';

export const INVOICE_STATUSES: readonly InvoiceStatus[] = [
	'DRAFT',
	'CREATED',
	'SENT',
	'PARTIAL',
	'PAID',
	'CANCELED',
	'PENDING',
];

export type HistoryEvent =
	| 'UNKNOWN'
	| 'DRAFT'
	| 'CREATE'
	| 'UPDATE'
	| 'SEND'
	| 'RESEND'
	| 'REMINDER'
	| 'PAYMENT'
	| 'CANCEL'
	| 'PENDING'
	| 'REJECTED';

export interface HistoryItem {
	event: HistoryEvent;
	/** Epoch ms. */
	date: number;
	transactionDetails?: { transactionId: string; amount: string };
}

/** Amount fields are stored as canonical decimal strings (JSON numbers are converted on input). */
export interface AmountDetails {
	totalAmount: string;
	currency: string;
	discountAmount?: string;
	discountPercent?: string;
	subAmount?: string;
	minimumPartialAmount?: string;
	taxDetails?: { type?: string; amount?: string; rate?: string };
	freight?: { amount?: string; taxable?: boolean; taxRate?: string };
}

export interface LineItem {
	productSku?: string;
	productName?: string;
	quantity?: number;
	unitPrice?: string;
	discountAmount?: string;
	discountPercent?: string;
	taxAmount?: string;
	taxRate?: string;
	totalAmount?: string;
}

/** The validated, stored content of an invoice (everything a full-replacement update replaces). */
export interface InvoiceContent {
	customerInformation?: {
		name?: string;
		email?: string;
		merchantCustomerId?: string;
		company?: { name?: string };
	};
	processingInformation?: { requestPhone?: boolean; requestShipping?: boolean };
	invoiceInformation: {
		description: string;
		dueDate: string;
		expirationDate?: string;
		allowPartialPayments?: boolean;
		transactionReferenceNumber?: string;
	};
	orderInformation: { amountDetails: AmountDetails; lineItems?: LineItem[] };
	merchantDefinedFieldValues?: Array<{ definitionId: number; value: string }>;
}

export type DeliveryMode = 'email' | 'none';

export interface PendingPayment {
	amount: string;
	transactionId: string;
	previousStatus: InvoiceStatus;
}

export interface StoredInvoice {
	id: string;
	/** Creation order, for "newest first" listing. */
	seq: number;
	createdAt: number;
	status: InvoiceStatus;
	deliveryMode: DeliveryMode;
	/** Never mutated in place (seeded invoices share one object). */
	content: InvoiceContent;
	balance: string;
	paymentToken: string;
	history: HistoryItem[];
	pending?: PendingPayment;
}

export interface MdfDefinition {
	id: number;
	fieldType: 'text' | 'select';
	label: string;
	customerVisible: boolean;
	readOnly: boolean;
	textMinLength: number;
	textMaxLength: number;
	textDefaultValue?: string;
	possibleValues?: string;
	merchantId: string;
	referenceType: string;
	merchantDefinedDataIndex: number;
}
