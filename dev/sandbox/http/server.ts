/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** HTTP plumbing: a node:http server that tracks sockets (so close() can end hanging ones) and body reading. */

import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import type { Socket } from 'node:net';
import { httpDate } from '../domain/time';

/** Settings logos may be 10 MB of base64; anything beyond this is not a Cybersource request. */
export const MAX_BODY_BYTES = 25 * 1024 * 1024;

export class BodyTooLarge extends Error {}

export function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new BodyTooLarge());
				req.resume();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

export function sendJson(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): void {
	if (res.headersSent || res.destroyed) return;
	if (body === undefined) {
		res.writeHead(status, headers);
		res.end();
		return;
	}
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json;charset=utf-8',
		'content-length': Buffer.byteLength(text),
		...headers,
	});
	res.end(text);
}

export interface TrackedServer {
	server: Server;
	/** Closes the listener and destroys every open socket (idle keep-alive and hanging ones). */
	close(): Promise<void>;
}

/**
 * Every answer carries a `Date` header from `clock` (the sandbox's own time, offset included), as
 * the gateway's do: a client can read from it how far its clock is off.
 */
export function createTrackedServer(
	handler: (req: IncomingMessage, res: ServerResponse) => void,
	clock: () => number = Date.now,
): TrackedServer {
	const sockets = new Set<Socket>();
	const server = createServer({ keepAliveTimeout: 5000 }, (req, res) => {
		res.setHeader('date', httpDate(clock()));
		handler(req, res);
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	return {
		server,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				for (const socket of sockets) socket.destroy();
				sockets.clear();
			}),
	};
}
