/**
 * A loopback HTTP proxy in front of the sandbox that breaks answers AFTER the sandbox handled the
 * request: the invoice is stored (or sent, published, canceled) but the node never learns it. The
 * sandbox's own faults fire before anything is stored, so they cannot show this case.
 */
import http from 'node:http';

import { listenOnLoopback } from './loopbackListen';

/** How the answer is lost: the connection drops, never answers, a gateway 502, or broken JSON. */
export type LostAnswer = 'reset' | 'hang' | '502' | 'malformed';

export interface AfterStoreFault {
	kind: LostAnswer;
	method: string;
	/** The request path must end with this (e.g. `/invoicing/v2/invoices`, `/delivery`). */
	pathEnd: string;
	/** Matching requests to let through first (3 breaks the 4th). */
	skip?: number;
	/** How many matching requests to break; 1 by default. */
	count?: number;
}

export interface FaultProxy {
	/** Use as the credential's Base URL. */
	url: string;
	breakAfterStore(fault: AfterStoreFault): void;
	/** Faults armed but not (fully) used: a test can check its fault really fired. */
	pending(): AfterStoreFault[];
	close(): Promise<void>;
}

interface Armed {
	fault: AfterStoreFault;
	skip: number;
	count: number;
}

function loseAnswer(kind: LostAnswer, response: http.ServerResponse): void {
	if (kind === 'reset') {
		response.socket?.destroy();
	} else if (kind === '502') {
		response.writeHead(502, { 'content-type': 'application/json' });
		response.end('{"status":"SERVER_ERROR","reason":"SERVER_ERROR","message":"Error - General system failure."}');
	} else if (kind === 'malformed') {
		response.writeHead(201, { 'content-type': 'application/json' });
		response.end('{"id":"');
	}
	// 'hang': nothing at all; the client's timeout ends it, close() drops the socket.
}

/** Starts the proxy in front of `target` (the sandbox's URL). */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
	const upstream = new URL(target);
	const armed: Armed[] = [];

	const take = (method: string, path: string): LostAnswer | undefined => {
		const match = armed.find((entry) => entry.count > 0 && entry.fault.method === method && path.endsWith(entry.fault.pathEnd));
		if (!match) return undefined;
		if (match.skip > 0) {
			match.skip--;
			return undefined;
		}
		match.count--;
		return match.fault.kind;
	};

	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const path = (request.url ?? '/').split('?')[0];
			const lost = take(request.method ?? 'GET', path);
			// Forwarded unchanged, Host header included: the signature covers it.
			const forward = http.request(
				{ host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: request.headers },
				(answer) => {
					const body: Buffer[] = [];
					answer.on('data', (chunk: Buffer) => body.push(chunk));
					answer.on('end', () => {
						// The sandbox has answered, so whatever it did is done; now the answer is lost.
						if (lost) return loseAnswer(lost, response);
						response.writeHead(answer.statusCode ?? 502, answer.headers);
						response.end(Buffer.concat(body));
					});
				},
			);
			forward.on('error', () => response.socket?.destroy());
			forward.end(Buffer.concat(chunks));
		});
	});
	const listening = await listenOnLoopback(server);

	return {
		url: listening.url,
		breakAfterStore: (fault) => armed.push({ fault, skip: fault.skip ?? 0, count: fault.count ?? 1 }),
		pending: () => armed.filter((entry) => entry.count > 0).map((entry) => entry.fault),
		close: listening.close,
	};
}
