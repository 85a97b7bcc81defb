/**
 * A TCP pass-through in front of the sandbox that counts connections open at once. n8n's HTTP
 * client opens one connection per request, so this is the number of requests in flight.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface CountingProxy {
	url: string;
	/** The most connections that were open at the same time since the last reset. */
	mostInFlight(): number;
	reset(): void;
	close(): Promise<void>;
}

export async function startCountingProxy(targetUrl: string): Promise<CountingProxy> {
	const target = new URL(targetUrl);
	const sockets = new Set<net.Socket>();
	// Connections from before the last reset (say, closing after an earlier test) are not counted.
	let generation = 0;
	let open = 0;
	let most = 0;
	const server = net.createServer((client) => {
		const born = generation;
		open++;
		most = Math.max(most, open);
		const upstream = net.connect(Number(target.port), target.hostname);
		for (const socket of [client, upstream]) {
			sockets.add(socket);
			socket.on('error', () => undefined);
		}
		client.pipe(upstream).pipe(client);
		let closed = false;
		const done = () => {
			if (closed) return;
			closed = true;
			if (born === generation) open--;
			client.destroy();
			upstream.destroy();
		};
		client.on('close', done);
		upstream.on('close', done);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		mostInFlight: () => most,
		reset: () => {
			generation++;
			open = 0;
			most = 0;
		},
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}
