/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** The browser test's step runner: named, timed steps that stop once the run is aborted, and polling. */

import { createServer } from 'node:net';

/** Any single UI action or wait. */
export const UI_TIMEOUT_MS = 20_000;
/** Manual run or form submission until the invoice exists (n8n cold-starts its task runner). */
export const EXECUTION_TIMEOUT_MS = 45_000;

/** Set when the deadline passes or we are interrupted: no further step may start. */
let aborted = false;

export function abortSteps(): void {
	aborted = true;
}

export function seconds(since: number): string {
	return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

export function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs one named step, logs ✔/✘ with its duration; refuses to start once the run is aborted. */
export async function step<T>(title: string, work: () => Promise<T>): Promise<T> {
	if (aborted) throw new Error(`aborted before: ${title}`);
	const started = Date.now();
	try {
		const result = await work();
		console.log(`✔ ${title} (${seconds(started)})`);
		return result;
	} catch (error) {
		console.error(`✘ ${title} (${seconds(started)})`);
		throw error;
	}
}

/** Polls a condition (the sandbox is in-process, so this costs nothing); fails after `timeoutMs`. */
export async function waitUntil<T>(what: string, timeoutMs: number, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await delay(200);
	}
}

/** A second n8n already on the port would answer our health checks and we would test the wrong one. */
export async function assertPortFree(port: number): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		const server = createServer();
		server.once('error', () => reject(new Error(`port ${port} is in use: set BROWSER_TEST_PORT to a free one`)));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
	});
}
