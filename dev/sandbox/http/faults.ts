/**
 * Fault injection for the next N matching Cybersource requests. Transport faults apply BEFORE
 * authentication, so they also hit unsigned or badly signed requests (a real outage does not
 * care about your signature); they are logged with verdict `fault:<kind>`. `email-failed` is
 * different: it is consumed only by a valid create that would email (docs/cybersource-api.md#email-failure-on-create 202).
 */

import type { FaultKind, FaultSpec } from '../types';

export const FAULT_KINDS: readonly FaultKind[] = [
	'502',
	'503',
	'504',
	'429',
	'hang',
	'reset',
	'malformed',
	'email-failed',
];

interface ArmedFault {
	spec: FaultSpec;
	remaining: number;
	matches: (method: string, path: string) => boolean;
}

/** `path` is a substring, or `/regex/flags`. */
function pathMatcher(pattern: string | undefined): (path: string) => boolean {
	if (!pattern) return () => true;
	const regex = /^\/(.+)\/([a-z]*)$/.exec(pattern);
	if (regex) {
		const compiled = new RegExp(regex[1], regex[2]);
		return (path) => compiled.test(path);
	}
	return (path) => path.includes(pattern);
}

export function validateFault(spec: unknown): FaultSpec {
	if (!spec || typeof spec !== 'object') throw new Error('fault spec must be an object');
	const value = spec as Partial<FaultSpec>;
	if (!FAULT_KINDS.includes(value.kind as FaultKind)) {
		throw new Error(`fault kind must be one of ${FAULT_KINDS.join(', ')}`);
	}
	if (value.count !== undefined && (!Number.isInteger(value.count) || value.count < 1)) {
		throw new Error('fault count must be a positive integer');
	}
	if (value.retryAfterSeconds !== undefined && !(Number(value.retryAfterSeconds) >= 0)) {
		throw new Error('retryAfterSeconds must be a non-negative number');
	}
	return value as FaultSpec;
}

export class FaultQueue {
	private armed: ArmedFault[] = [];

	add(spec: FaultSpec): void {
		const valid = validateFault(spec);
		const matchPath = pathMatcher(valid.path);
		const method = valid.method?.toUpperCase();
		this.armed.push({
			spec: valid,
			remaining: valid.count ?? 1,
			matches: (m, path) => (!method || method === m) && matchPath(path),
		});
	}

	clear(): void {
		this.armed = [];
	}

	pending(): Array<FaultSpec & { remaining: number }> {
		return this.armed.map((fault) => ({ ...fault.spec, remaining: fault.remaining }));
	}

	/** Consumes one use of the first armed fault of the wanted family that matches. */
	take(method: string, path: string, family: 'transport' | 'email'): FaultSpec | undefined {
		const fault = this.armed.find(
			(candidate) =>
				(candidate.spec.kind === 'email-failed') === (family === 'email') &&
				candidate.matches(method, path),
		);
		if (!fault) return undefined;
		fault.remaining--;
		if (fault.remaining <= 0) this.armed = this.armed.filter((candidate) => candidate !== fault);
		return fault.spec;
	}
}
