/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * A TCP pass-through in front of the sandbox that counts connections open at once. n8n's HTTP
 * client opens one connection per request, so this is the number of requests in flight.
 */
import net from 'node:net';

import { listenOnLoopback } from './loopbackListen';

export interface CountingProxy {
	url: string;
	/** The most connections that were open at the same time since the last reset. */
	mostInFlight(): number;
	reset(): void;
	close(): Promise<void>;
}

export async function startCountingProxy(targetUrl: string): Promise<CountingProxy> {
	const target = new URL(targetUrl);
	// Connections from before the last reset (say, closing after an earlier test) are not counted.
	let generation = 0;
	let open = 0;
	let most = 0;
	const server = net.createServer((client) => {
		const born = generation;
		open++;
		most = Math.max(most, open);
		const upstream = net.connect(Number(target.port), target.hostname);
		// close() drops the client side; the upstream side closes with it (done below).
		for (const socket of [client, upstream]) socket.on('error', () => undefined);
		client.pipe(upstream).pipe(client);
		// The request is over once the sandbox has sent its whole answer: that happens before the
		// client can read it and open its next connection, whereas 'close' may come a little later.
		let counted = true;
		const answered = () => {
			if (counted && born === generation) open--;
			counted = false;
		};
		upstream.on('end', answered);
		const done = () => {
			answered();
			client.destroy();
			upstream.destroy();
		};
		client.on('close', done);
		upstream.on('close', done);
	});
	const listening = await listenOnLoopback(server);
	return {
		url: listening.url,
		mostInFlight: () => most,
		reset: () => {
			generation++;
			open = 0;
			most = 0;
		},
		close: listening.close,
	};
}
