/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * Simulated network latency: every Cybersource API answer waits `ms` plus a random 0..`jitterMs`,
 * so that clients sending several requests at once can be measured under realistic round trips
 * (the live gateway answers in hundreds of ms; loopback in well under one).
 */

export interface LatencySetting {
	ms: number;
	jitterMs: number;
}

export function validateLatency(value: Partial<LatencySetting>): LatencySetting {
	const ms = value.ms ?? 0;
	const jitterMs = value.jitterMs ?? 0;
	for (const [name, number] of [
		['ms', ms],
		['jitterMs', jitterMs],
	] as const) {
		if (typeof number !== 'number' || !Number.isFinite(number) || number < 0 || number > 60_000)
			throw new Error(`latency ${name} must be a number of milliseconds from 0 to 60000`);
	}
	return { ms, jitterMs };
}

export class Latency {
	private setting: LatencySetting;

	constructor(private readonly start: LatencySetting = { ms: 0, jitterMs: 0 }) {
		this.setting = validateLatency(start);
	}

	get current(): LatencySetting {
		return { ...this.setting };
	}

	set(value: Partial<LatencySetting>): void {
		this.setting = validateLatency(value);
	}

	/** Back to the latency the sandbox was started with. */
	reset(): void {
		this.setting = { ...this.start };
	}

	/** Resolves after this answer's delay (at once when there is none). */
	wait(): Promise<void> {
		const { ms, jitterMs } = this.setting;
		const delay = ms + (jitterMs > 0 ? Math.random() * jitterMs : 0);
		return delay > 0 ? new Promise((resolve) => setTimeout(resolve, delay)) : Promise.resolve();
	}
}
