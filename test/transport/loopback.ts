/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Tiny test-only HTTP servers on loopback for what the sandbox must not do: redirect, echo the
 * request headers back, or drip an answer.
 */
import http from 'node:http';

import { listenOnLoopback } from '../harness/loopbackListen';

export interface SeenRequest {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	body: string;
}

export interface LoopbackServer {
	url: string;
	requests: SeenRequest[];
	close(): Promise<void>;
}

export async function startLoopback(
	handler: (request: SeenRequest, response: http.ServerResponse) => void,
): Promise<LoopbackServer> {
	const requests: SeenRequest[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
			requests.push(seen);
			handler(seen, res);
		});
	});
	const listening = await listenOnLoopback(server);
	return { url: listening.url, requests, close: listening.close };
}

/**
 * For a test file: `server(handler)` starts a loopback server that is closed after each test, so
 * no test leaves a port open for the next.
 */
export function useLoopbackServers(): (handler: Parameters<typeof startLoopback>[0]) => Promise<LoopbackServer> {
	const servers: LoopbackServer[] = [];
	afterEach(async () => {
		await Promise.all(servers.splice(0).map((started) => started.close()));
	});
	return async (handler) => {
		const started = await startLoopback(handler);
		servers.push(started);
		return started;
	};
}
