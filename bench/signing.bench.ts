/**
 * Cost of signing one request in each authentication mode (microseconds per signature), and of
 * reading a P12 file the first time versus from the cache. Prints figures; asserts nothing.
 *
 *   npm run bench:signing
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { signRequest, type CybersourceCredentialData, type RequestToSign } from '../credentials/signing/signRequest';
import { identityFromP12 } from '../credentials/signing/signingIdentity';

const BODY = JSON.stringify({
	customerInformation: { name: 'Tanya Lee', email: 'tanya.lee@my-email.world' },
	invoiceInformation: { description: 'Benchmark', dueDate: '2026-12-31', sendImmediately: true, deliveryMode: 'email' },
	orderInformation: {
		amountDetails: { totalAmount: '100.00', currency: 'USD' },
		lineItems: Array.from({ length: 10 }, (_, i) => ({ productName: `Item ${i}`, quantity: 1, unitPrice: '10.00', totalAmount: '10.00' })),
	},
});

function makeP12(dir: string, legacy: boolean): string {
	const key = path.join(dir, 'key.pem');
	const cert = path.join(dir, 'cert.pem');
	const p12 = path.join(dir, legacy ? 'legacy.p12' : 'modern.p12');
	execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '30', '-subj', '/serialNumber=123456789/CN=bench_merchant'], { stdio: 'ignore' });
	execFileSync('openssl', ['pkcs12', '-export', ...(legacy ? ['-legacy'] : []), '-inkey', key, '-in', cert, '-name', 'serialNumber=123456789,CN=bench_merchant', '-out', p12, '-passout', 'pass:bench'], { stdio: 'ignore' });
	return readFileSync(p12).toString('base64');
}

function microsPerCall(run: () => void, minMillis = 1000): { perCall: number; calls: number } {
	for (let i = 0; i < 200; i++) run(); // warm up
	let calls = 0;
	const start = process.hrtime.bigint();
	let elapsed = 0n;
	while (elapsed < BigInt(minMillis) * 1_000_000n) {
		for (let i = 0; i < 100; i++) run();
		calls += 100;
		elapsed = process.hrtime.bigint() - start;
	}
	return { perCall: Number(elapsed) / 1000 / calls, calls };
}

const dir = mkdtempSync(path.join(tmpdir(), 'sign-bench-'));
try {
	const modern = makeP12(dir, false);
	const legacy = makeP12(dir, true);
	const base: CybersourceCredentialData = {
		environment: 'apitest.cybersource.com',
		merchantId: 'bench_merchant',
		accessKeyId: '11111111-2222-3333-4444-555555555555',
		sharedSecret: Buffer.from('0123456789abcdef0123456789abcdef').toString('base64'),
	};
	const modes: Array<[string, CybersourceCredentialData]> = [
		['HTTP Signature (HmacSHA256)', { ...base, authMode: 'httpSignature' }],
		['JWT HS256 (shared secret)', { ...base, authMode: 'jwtSharedSecret' }],
		['JWT RS256 (P12, cached)', { ...base, authMode: 'jwtCertificate', signingFormat: 'p12', p12Certificate: modern, p12Password: 'bench' }],
	];
	console.log('Reading the P12 file (the first call parses it, later calls hit the cache):\n');
	for (const [label, p12] of [
		['OpenSSL 3 default (PBES2/AES-256)', modern],
		['OpenSSL -legacy (3DES/RC2-40)', legacy],
	] as const) {
		const start = process.hrtime.bigint();
		identityFromP12(p12, 'bench', 'bench_merchant');
		const firstMs = Number(process.hrtime.bigint() - start) / 1e6;
		const cached = microsPerCall(() => identityFromP12(p12, 'bench', 'bench_merchant'), 300);
		console.log(`${label.padEnd(36)} first ${firstMs.toFixed(2)} ms   cached ${cached.perCall.toFixed(2)} µs`);
	}

	const rows: string[][] = [];
	for (const [name, data] of modes) {
		const requests: Array<[string, RequestToSign]> = [
			['GET', { method: 'GET', url: '/invoicing/v2/invoices', qs: { offset: 0, limit: 10 } }],
			[`POST ${(BODY.length / 1024).toFixed(1)} KB`, { method: 'POST', url: '/invoicing/v2/invoices', body: BODY }],
		];
		for (const [label, request] of requests) {
			const { perCall, calls } = microsPerCall(() => signRequest(data, request));
			rows.push([name, label, perCall.toFixed(1), String(calls)]);
		}
	}
	const baseline = Number(rows[0][2]);
	console.log(`\nSigning cost per request (Node ${process.version}, ${BODY.length}-byte body for POST)\n`);
	console.log('mode                          request      µs/call   × HTTP-Sig GET   calls');
	for (const [name, label, perCall, calls] of rows) {
		console.log(`${name.padEnd(30)}${label.padEnd(13)}${perCall.padStart(7)}   ${(Number(perCall) / baseline).toFixed(2).padStart(13)}   ${calls}`);
	}

} finally {
	rmSync(dir, { recursive: true, force: true });
}
