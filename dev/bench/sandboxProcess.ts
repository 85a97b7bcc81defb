/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The sandbox in its own child process (its own event loop, so it can use the second core while
 * the clients run here), driven through its hooks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import { rawJson } from './rawClient';

export interface SandboxMerchantInfo {
	url: string;
	merchantId: string;
	keyId: string;
	sharedSecret: string;
}

export interface SandboxProcess extends SandboxMerchantInfo {
	hook(method: string, hookPath: string, body?: unknown): Promise<unknown>;
	reset(latencyMs: number): Promise<void>;
	stop(): Promise<void>;
}

function urlFrom(child: ChildProcess): Promise<string> {
	return new Promise((resolve, reject) => {
		let text = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			text += chunk.toString('utf8');
			const match = /listening on (http:\/\/\S+)/.exec(text);
			if (match) resolve(match[1]);
		});
		child.once('exit', (code) => reject(new Error(`the sandbox exited with ${code}: ${text}`)));
	});
}

export async function startSandboxProcess(): Promise<SandboxProcess> {
	const cli = path.join(__dirname, '..', 'sandbox', 'cli.js');
	const child = spawn(process.execPath, [cli, '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
	const url = await urlFrom(child);
	const hook = async (method: string, hookPath: string, body?: unknown) =>
		(await rawJson(url, method, `/__sandbox/${hookPath}`, body)).json;
	const merchant = (await hook('GET', 'merchant')) as { merchantId: string; keyId: string; sharedSecret: string };
	return {
		url,
		merchantId: merchant.merchantId,
		keyId: merchant.keyId,
		sharedSecret: merchant.sharedSecret,
		hook,
		reset: async (latencyMs) => {
			await hook('POST', 'reset');
			await hook('POST', 'latency', { ms: latencyMs });
		},
		stop: async () =>
			await new Promise<void>((resolve) => {
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			}),
	};
}
