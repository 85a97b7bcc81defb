/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * What signing one request costs the credential, per authentication mode, next to a minimal
 * complete signer written here: the same output (URL, body, every header) from keys prepared
 * once, with nothing but the per-request work (time, jti, body digest, claims, one signature).
 * The ratio is the credential's overhead; the target is at most 1.3 in every mode. Short rounds
 * are interleaved (node, minimal, minimal, node, …); the times are medians and the ratio is the
 * median of the per-round ratios, so a busy machine slows both sides alike. Also prints what reading a P12 costs the first time and from the cache.
 *
 *   npm run bench:signing
 */
import { execFileSync } from 'node:child_process';
import {
	createHash,
	createHmac,
	createPrivateKey,
	createSign,
	randomUUID,
	X509Certificate,
	type KeyObject,
} from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
	signRequest,
	type CybersourceCredentialData,
	type RequestToSign,
	type SignedRequest,
	type SigningClock,
} from '../../credentials/signing/signRequest';
import { identityFromP12 } from '../../credentials/signing/signingIdentity';

const TARGET_RATIO = 1.3;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 41);
const ROUND_MILLIS = Number(process.env.BENCH_ROUND_MS ?? 25);

const BODY = JSON.stringify({
	customerInformation: { name: 'Tanya Lee', email: 'tanya.lee@my-email.world' },
	invoiceInformation: { description: 'Benchmark', dueDate: '2026-12-31', sendImmediately: true, deliveryMode: 'email' },
	orderInformation: {
		amountDetails: { totalAmount: '100.00', currency: 'USD' },
		lineItems: Array.from({ length: 10 }, (_, i) => ({ productName: `Item ${i}`, quantity: 1, unitPrice: '10.00', totalAmount: '10.00' })),
	},
});

const REQUESTS: Array<[string, RequestToSign]> = [
	['GET list', { method: 'GET', url: '/invoicing/v2/invoices', qs: { offset: 0, limit: 10, status: 'DRAFT' } }],
	[`POST ${BODY.length} B`, { method: 'POST', url: '/invoicing/v2/invoices', body: BODY }],
];

// --- The minimal complete signer ------------------------------------------------------------

/** Everything that depends only on the credential, prepared by hand before timing starts. */
interface MinimalKeys {
	origin: string;
	host: string;
	merchantId: string;
	/** The merchant, or the portfolio with a meta key. */
	signer: string;
	keyId: string;
	mode: 'hmacJwt' | 'rsaJwt' | 'httpSignature';
	secret?: Buffer;
	privateKey?: KeyObject;
	/** base64url of the JOSE header. */
	jwtHeader?: string;
}

function formEncode(text: string): string {
	if (/^[\w*.-]*$/.test(text)) return text;
	return encodeURIComponent(text)
		.replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
		.replace(/%20/g, '+');
}

function minimalSign(keys: MinimalKeys, request: RequestToSign, clock: SigningClock): SignedRequest {
	const method = request.method;
	const hasBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
	const body = hasBody ? (request.body as string) : undefined;
	let target = request.url;
	if (request.qs) {
		const pairs: string[] = [];
		for (const key in request.qs) pairs.push(`${formEncode(key)}=${formEncode(String(request.qs[key]))}`);
		target += `?${pairs.join('&')}`;
	}
	const digest = body === undefined ? undefined : createHash('sha256').update(body).digest('base64');
	const headers: Record<string, string> = { 'v-c-merchant-id': keys.merchantId };
	if (body !== undefined) headers['content-type'] = 'application/json;charset=utf-8';
	const now = clock.now();
	if (keys.mode === 'httpSignature') {
		const date = new Date(now).toUTCString();
		const names = digest ? 'host date request-target digest v-c-merchant-id' : 'host date request-target v-c-merchant-id';
		const text =
			`host: ${keys.host}\ndate: ${date}\nrequest-target: ${method.toLowerCase()} ${target}\n` +
			(digest ? `digest: SHA-256=${digest}\n` : '') +
			`v-c-merchant-id: ${keys.signer}`;
		const signature = createHmac('sha256', keys.secret!).update(text).digest('base64');
		headers.date = date;
		headers.host = keys.host;
		headers.signature = `keyid="${keys.keyId}", algorithm="HmacSHA256", headers="${names}", signature="${signature}"`;
		if (digest) headers.digest = `SHA-256=${digest}`;
	} else {
		const iat = Math.floor(now / 1000);
		const rest = {
			iat,
			exp: iat + 120,
			'request-host': keys.host,
			'request-resource-path': target,
			'request-method': method.toLowerCase(),
			iss: keys.signer,
			jti: clock.randomUUID(),
			'v-c-jwt-version': '2',
			'v-c-merchant-id': keys.merchantId,
		};
		// The digest claims come first when there is a body (the official SDK's order).
		const claims = JSON.stringify(rest);
		const text = digest ? `{"digest":"${digest}","digest-algorithm":"SHA-256",${claims.slice(1)}` : claims;
		const input = `${keys.jwtHeader}.${Buffer.from(text).toString('base64url')}`;
		const signature =
			keys.mode === 'hmacJwt'
				? createHmac('sha256', keys.secret!).update(input).digest('base64url')
				: createSign('RSA-SHA256').update(input).sign(keys.privateKey!, 'base64url');
		headers.authorization = `Bearer ${input}.${signature}`;
	}
	return { method, url: `${keys.origin}${target}`, body, headers };
}

function jwtHeader(alg: string, kid: string): string {
	return Buffer.from(JSON.stringify({ typ: 'JWT', alg, kid })).toString('base64url');
}

// --- Fixtures ---------------------------------------------------------------------------------

interface Fixture {
	p12: string;
	legacyP12: string;
	keyPem: string;
	certPem: string;
	serial: string;
}

function makeFixture(dir: string): Fixture {
	const serial = '123456789';
	const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
	run('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '30', '-subj', `/serialNumber=${serial}/CN=bench_merchant`);
	for (const [file, legacy] of [['modern.p12', []], ['legacy.p12', ['-legacy']]] as const) {
		run('pkcs12', '-export', ...legacy, '-inkey', 'key.pem', '-in', 'cert.pem', '-name', `serialNumber=${serial},CN=bench_merchant`, '-out', file, '-passout', 'pass:bench');
	}
	const read = (file: string) => readFileSync(path.join(dir, file));
	return {
		p12: read('modern.p12').toString('base64'),
		legacyP12: read('legacy.p12').toString('base64'),
		keyPem: read('key.pem').toString('utf8'),
		certPem: read('cert.pem').toString('utf8'),
		serial,
	};
}

interface Mode {
	name: string;
	credential: CybersourceCredentialData;
	keys: MinimalKeys;
}

function modes(fixture: Fixture): Mode[] {
	const keyId = '11111111-2222-3333-4444-555555555555';
	const secret = Buffer.from('0123456789abcdef0123456789abcdef');
	const base = {
		environment: 'apitest.cybersource.com',
		merchantId: 'bench_merchant',
		accessKeyId: keyId,
		sharedSecret: secret.toString('base64'),
	};
	const keys = { origin: 'https://apitest.cybersource.com', host: 'apitest.cybersource.com', merchantId: 'bench_merchant', signer: 'bench_merchant', keyId };
	const privateKey = createPrivateKey(fixture.keyPem);
	const rsa = { ...keys, mode: 'rsaJwt' as const, privateKey, jwtHeader: jwtHeader('RS256', fixture.serial) };
	new X509Certificate(fixture.certPem); // the fixture must be a readable certificate
	return [
		{ name: 'JWT HS256', credential: { ...base, authMode: 'jwtSharedSecret' }, keys: { ...keys, mode: 'hmacJwt', secret, jwtHeader: jwtHeader('HS256', keyId) } },
		{
			name: 'JWT RS256 (P12)',
			credential: { ...base, authMode: 'jwtCertificate', signingFormat: 'p12', p12Certificate: fixture.p12, p12Password: 'bench' },
			keys: rsa,
		},
		{
			name: 'JWT RS256 (PEM)',
			credential: { ...base, authMode: 'jwtCertificate', signingFormat: 'pem', privateKeyPem: fixture.keyPem, publicCertificatePem: fixture.certPem },
			keys: rsa,
		},
		{ name: 'HTTP Signature', credential: { ...base, authMode: 'httpSignature' }, keys: { ...keys, mode: 'httpSignature', secret } },
		{
			name: 'Meta key (JWT HS256)',
			credential: { ...base, authMode: 'jwtSharedSecret', useMetaKey: true, portfolioId: 'bench_portfolio' },
			keys: { ...keys, signer: 'bench_portfolio', mode: 'hmacJwt', secret, jwtHeader: jwtHeader('HS256', keyId) },
		},
	];
}

/** The comparison is only fair if both sides produce the same request: checked on a fixed clock. */
function checkSameOutput(mode: Mode, request: RequestToSign): void {
	const clock: SigningClock = { now: () => 1_700_000_000_000, randomUUID: () => '00000000-0000-4000-8000-000000000000' };
	const node = signRequest(mode.credential, request, clock);
	const minimal = minimalSign(mode.keys, request, clock);
	const text = (signed: SignedRequest) => JSON.stringify({ ...signed, headers: Object.entries(signed.headers).sort() });
	if (text(node) !== text(minimal)) {
		throw new Error(`${mode.name} ${request.method}: the minimal signer's output differs\n${text(node)}\n${text(minimal)}`);
	}
}

// --- Timing -----------------------------------------------------------------------------------

/** Microseconds per call of `run`, over about `millis`. */
function microsPerCall(run: () => void, millis: number): number {
	let calls = 0;
	const start = process.hrtime.bigint();
	const budget = BigInt(millis) * 1_000_000n;
	let elapsed = 0n;
	while (elapsed < budget) {
		for (let i = 0; i < 20; i++) run();
		calls += 20;
		elapsed = process.hrtime.bigint() - start;
	}
	return Number(elapsed) / 1000 / calls;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

interface Row {
	mode: string;
	request: string;
	node: number;
	minimal: number;
	/** Median of the per-round ratios: each pair ran back to back, under the same load. */
	ratio: number;
}

function measure(mode: Mode, label: string, request: RequestToSign): Row {
	const clock: SigningClock = { now: () => Date.now(), randomUUID: () => randomUUID() };
	const node = () => signRequest(mode.credential, request, clock);
	const minimal = () => minimalSign(mode.keys, request, clock);
	// RSA signing is ~100× slower than HMAC: fewer, longer calls keep each round meaningful.
	const millis = mode.keys.mode === 'rsaJwt' ? ROUND_MILLIS * 2 : ROUND_MILLIS;
	microsPerCall(node, 50);
	microsPerCall(minimal, 50);
	const nodeTimes: number[] = [];
	const minimalTimes: number[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		if (round % 2 === 0) {
			nodeTimes.push(microsPerCall(node, millis));
			minimalTimes.push(microsPerCall(minimal, millis));
		} else {
			minimalTimes.push(microsPerCall(minimal, millis));
			nodeTimes.push(microsPerCall(node, millis));
		}
	}
	const ratios = nodeTimes.map((time, round) => time / minimalTimes[round]);
	return { mode: mode.name, request: label, node: median(nodeTimes), minimal: median(minimalTimes), ratio: median(ratios) };
}

function printP12Reads(fixture: Fixture): void {
	console.log('Reading a P12 file: the first call derives the keys, later calls hit the cache.\n');
	for (const [label, p12] of [
		['OpenSSL 3 default (PBES2/AES-256)', fixture.p12],
		['OpenSSL -legacy (3DES/RC2-40)', fixture.legacyP12],
	] as const) {
		const start = process.hrtime.bigint();
		identityFromP12(p12, 'bench', 'bench_merchant');
		const firstMs = Number(process.hrtime.bigint() - start) / 1e6;
		const cached = microsPerCall(() => identityFromP12(p12, 'bench', 'bench_merchant'), 200);
		console.log(`${label.padEnd(36)} first ${firstMs.toFixed(2).padStart(7)} ms   cached ${cached.toFixed(2).padStart(6)} µs`);
	}
}

function printRows(rows: Row[]): void {
	console.log(`\nSigning one request (Node ${process.version}; medians of ${ROUNDS} interleaved rounds; ratio = median of the per-round ratios)\n`);
	console.log(`${'mode'.padEnd(22)}${'request'.padEnd(14)}${'node µs'.padStart(9)}${'minimal µs'.padStart(12)}${'ratio'.padStart(8)}`);
	for (const row of rows) {
		const ratio = row.ratio;
		const flag = ratio <= TARGET_RATIO ? '' : `   above the ${TARGET_RATIO} target`;
		console.log(
			`${row.mode.padEnd(22)}${row.request.padEnd(14)}${row.node.toFixed(2).padStart(9)}${row.minimal.toFixed(2).padStart(12)}${ratio.toFixed(2).padStart(8)}${flag}`,
		);
	}
}

const dir = mkdtempSync(path.join(tmpdir(), 'sign-bench-'));
try {
	const fixture = makeFixture(dir);
	printP12Reads(fixture);
	const rows: Row[] = [];
	for (const mode of modes(fixture)) {
		for (const [label, request] of REQUESTS) {
			checkSameOutput(mode, request);
			rows.push(measure(mode, label, request));
		}
	}
	printRows(rows);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
