/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * `node .dev-dist/dev/sandbox/cli.js [--port 8787] [--host 127.0.0.1] [--data <file>] [--amounts string]
 * [--clock-offset <seconds>] [--latency-ms <ms>] [--latency-jitter-ms <ms>] [--quiet]`: starts the
 * sandbox and prints what an n8n "Cybersource API" credential needs.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { startSandbox } from './index';
import type { SandboxOptions } from './index';

const USAGE = `Usage: cli.js [--port 8787] [--host 127.0.0.1] [--data <file>] [--amounts number|string] [--clock-offset <seconds>] [--latency-ms <ms>] [--latency-jitter-ms <ms>] [--quiet]`;

export function parseArgs(argv: string[]): SandboxOptions {
	const options: SandboxOptions = {};
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = (): string => {
			const next = argv[++i];
			if (next === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
			return next;
		};
		switch (flag) {
			case '--port': {
				const port = Number(value());
				if (!Number.isInteger(port) || port < 0 || port > 65535)
					throw new Error(`bad port\n${USAGE}`);
				options.port = port;
				break;
			}
			case '--host':
				options.host = value();
				break;
			case '--data':
				options.dataFile = resolve(value());
				break;
			case '--amounts': {
				const style = value();
				if (style !== 'number' && style !== 'string')
					throw new Error(`--amounts is number or string\n${USAGE}`);
				options.amountsAs = style;
				break;
			}
			case '--clock-offset': {
				// Seconds the sandbox's clock runs ahead of this machine's (negative: behind).
				const text = value();
				const seconds = Number(text);
				if (!/^[+-]?\d+(\.\d+)?$/.test(text) || !Number.isFinite(seconds))
					throw new Error(`--clock-offset is a number of seconds, e.g. 180 or -180\n${USAGE}`);
				options.clockOffsetMs = seconds * 1000;
				break;
			}
			case '--latency-ms':
			case '--latency-jitter-ms': {
				// Delay added to every API answer (plus a random 0..jitter), to play a distant gateway.
				const text = value();
				if (!/^\d+(\.\d+)?$/.test(text) || Number(text) > 60_000)
					throw new Error(`${flag} is a number of milliseconds from 0 to 60000\n${USAGE}`);
				if (flag === '--latency-ms') options.latencyMs = Number(text);
				else options.latencyJitterMs = Number(text);
				break;
			}
			case '--quiet':
				options.quiet = true;
				break;
			case '--help':
			case '-h':
				process.stdout.write(`${USAGE}\n`);
				process.exit(0);
				break;
			default:
				throw new Error(`unknown argument ${flag}\n${USAGE}`);
		}
	}
	return options;
}

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	const sandbox = await startSandbox(options);
	const merchant = sandbox.merchant;
	const meta = sandbox.metaKeys.find((key) => key.merchantIds.includes(merchant.merchantId));
	// The SDK and most tools want a file named <merchantId>.p12.
	const keyDir = options.dataFile
		? dirname(options.dataFile)
		: join(tmpdir(), 'cybersource-sandbox');
	mkdirSync(keyDir, { recursive: true });
	const p12File = join(keyDir, `${merchant.merchantId}.p12`);
	writeFileSync(p12File, Buffer.from(merchant.p12Base64, 'base64'), { mode: 0o600 });

	const line = (label: string, value: string): string =>
		`  ${`${label} `.padEnd(21, '.')} ${value}\n`;
	process.stdout.write(
		`Cybersource Invoicing sandbox listening on ${sandbox.url}\n` +
			`  test hooks under ${sandbox.url}/__sandbox/ (loopback clients only)\n` +
			(options.clockOffsetMs
				? `  clock runs ${options.clockOffsetMs / 1000} s off this machine's (--clock-offset)\n`
				: '') +
			(options.latencyMs || options.latencyJitterMs
				? `  every API answer delayed ${options.latencyMs ?? 0} ms + up to ${options.latencyJitterMs ?? 0} ms jitter\n`
				: '') +
			(options.dataFile
				? `  state persisted to ${options.dataFile}\n`
				: '  state in memory only (use --data <file> to keep it)\n') +
			`\nn8n "Cybersource API" credential, Environment "Custom Base URL":\n` +
			line('Base URL', sandbox.url) +
			line('Merchant ID', merchant.merchantId) +
			line('Key ID', merchant.keyId) +
			line('Shared secret', merchant.sharedSecret) +
			line('P12 file', p12File) +
			line('P12 password', merchant.p12Password) +
			line('Key alias', merchant.keyAlias) +
			line('Cert serial (kid)', merchant.certificateSerialNumber) +
			(meta
				? line('Meta key portfolio', meta.portfolioId) +
					line('Meta key ID', meta.keyId) +
					line('Meta key secret', meta.sharedSecret)
				: '') +
			line('P12 (base64)', merchant.p12Base64) +
			`\nCtrl-C to stop.\n`,
	);

	let closing = false;
	const stop = (): void => {
		if (closing) return;
		closing = true;
		sandbox.close().then(
			() => process.exit(0),
			(error) => {
				process.stderr.write(`${String(error)}\n`);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

if (require.main === module) {
	main().catch((error: Error) => {
		process.stderr.write(`sandbox: ${error.message}\n`);
		process.exit(1);
	});
}
