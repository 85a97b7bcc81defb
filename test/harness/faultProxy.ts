/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * A loopback HTTP proxy in front of the sandbox that breaks answers AFTER the sandbox handled the
 * request: the invoice is stored (or sent, published, canceled) but the node never learns it. The
 * sandbox's own faults fire before anything is stored, so they cannot show this case.
 *
 * In random mode (`randomFaults`) every request draws its fate from a seeded generator: pass, lose
 * the answer after the sandbox handled it, or turn it away before forwarding (429 / 503).
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

/** Per request, in this order: lost after the sandbox handled it, turned away before; else passed. */
export interface RandomFaultRates {
	lostAfter: number;
	refusedBefore: number;
}

/** About 80 % pass, 11 % lost after the sandbox acted (502 / reset / broken JSON), 7 % 429 or 503 before. */
export const DEFAULT_RATES: RandomFaultRates = { lostAfter: 0.11, refusedBefore: 0.07 };

/** What random mode did, by kind (`pass`, `lost:502`, `before:429`, …). */
export type FaultTally = Record<string, number>;

export interface FaultProxy {
	/** Use as the credential's Base URL. */
	url: string;
	breakAfterStore(fault: AfterStoreFault): void;
	/** From now on, every request draws its fate from a generator seeded with `seed`. */
	randomFaults(seed: number, rates?: RandomFaultRates): void;
	/** Back to passing everything (armed faults still apply); returns what random mode did. */
	stopRandomFaults(): FaultTally;
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

/** mulberry32: a small, fast generator whose whole sequence follows from its 32-bit seed. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * The seeds a random-fault test runs: `defaults`, or FAULT_SEED=<n> for one, or FAULT_SEED=random
 * for a new one (printed by the test, so a failure reproduces).
 */
/**
 * What the proxy did per seed, printed only on request (SHOW_FAULTS=1, or when FAULT_SEED picks a
 * seed): a passing `npm test` stays quiet, and a failure already names its seed in the test title.
 */
export function printFaultSummary(lines: string[]): void {
	if (process.env.SHOW_FAULTS || process.env.FAULT_SEED) console.log(lines.join('\n'));
}

export function faultSeeds(defaults: number[]): number[] {
	const wanted = process.env.FAULT_SEED;
	if (wanted === 'random') return [Math.floor(Math.random() * 2 ** 31)];
	if (wanted) return [Number(wanted)];
	return defaults;
}

/** Before forwarding: what a throttled or overloaded gateway answers, nothing reaches the sandbox. */
type Refusal = '429' | '503';

type Fate = { lost?: LostAnswer; refused?: Refusal };

function refuse(kind: Refusal, response: http.ServerResponse): void {
	const reason = kind === '429' ? 'TOO_MANY_REQUESTS' : 'SERVICE_UNAVAILABLE';
	response.writeHead(Number(kind), { 'content-type': 'application/json', ...(kind === '429' ? { 'retry-after': '0' } : {}) });
	response.end(JSON.stringify({ status: reason, reason, message: 'Try again later.' }));
}

interface RandomMode {
	next: () => number;
	rates: RandomFaultRates;
	tally: FaultTally;
}

const LOST_KINDS: LostAnswer[] = ['502', 'reset', 'malformed'];
const REFUSALS: Refusal[] = ['429', '503'];

/** One request's fate in random mode, counted in the tally. */
function drawFate(mode: RandomMode): Fate {
	const roll = mode.next();
	const pick = <T>(kinds: T[]): T => kinds[Math.floor(mode.next() * kinds.length)];
	let fate: Fate = {};
	if (roll < mode.rates.lostAfter) fate = { lost: pick(LOST_KINDS) };
	else if (roll < mode.rates.lostAfter + mode.rates.refusedBefore) fate = { refused: pick(REFUSALS) };
	const key = fate.lost ? `lost:${fate.lost}` : fate.refused ? `before:${fate.refused}` : 'pass';
	mode.tally[key] = (mode.tally[key] ?? 0) + 1;
	return fate;
}

/** Starts the proxy in front of `target` (the sandbox's URL). */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
	const upstream = new URL(target);
	const armed: Armed[] = [];
	let random: RandomMode | undefined;

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
			const fate: Fate = random ? drawFate(random) : {};
			if (fate.refused) return refuse(fate.refused, response);
			const lost = take(request.method ?? 'GET', path) ?? fate.lost;
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
		randomFaults: (seed, rates = DEFAULT_RATES) => {
			random = { next: seededRandom(seed), rates, tally: {} };
		},
		stopRandomFaults: () => {
			const tally = random?.tally ?? {};
			random = undefined;
			return tally;
		},
		close: listening.close,
	};
}
