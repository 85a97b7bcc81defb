/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The package's only runtime import is n8n-workflow, and n8n supplies its own copy: a helper that
 * exists in the n8n-workflow we build against may be missing from the one a given n8n ships (2.40's
 * has no `sleepWithAbort`), and then every request fails at run time. This check reads every
 * n8n-workflow value the built package uses and asks the runtime's n8n-workflow for each one.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { NODE_BINARY, ROOT, RUNTIME, n8nVersion } from '../realN8n/runtime';

function jsFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return jsFiles(full);
		return entry.name.endsWith('.js') ? [full] : [];
	});
}

/** `n8n_workflow_1.NodeApiError` → NodeApiError, as tsc's CommonJS output writes it. */
export function workflowValuesUsed(distDir = path.join(ROOT, 'dist')): string[] {
	const used = new Set<string>();
	for (const file of jsFiles(distDir)) {
		for (const match of readFileSync(file, 'utf8').matchAll(/\bn8n_workflow_\d+\.([A-Za-z_$][\w$]*)/g)) used.add(match[1]);
	}
	return [...used].sort();
}

export function assertRuntimeProvidesWorkflowApi(): void {
	const used = workflowValuesUsed();
	// The n8n-workflow that n8n itself resolves (hoisted or nested), loaded by the runtime's Node.
	const n8nDir = path.join(RUNTIME.dir, 'node_modules', 'n8n');
	const script = `const w = require(require.resolve('n8n-workflow', { paths: [${JSON.stringify(n8nDir)}] }));
process.stdout.write(JSON.stringify(${JSON.stringify(used)}.filter((name) => w[name] === undefined)));`;
	const missing = JSON.parse(execFileSync(NODE_BINARY, ['-e', script], { encoding: 'utf8' })) as string[];
	if (missing.length) {
		throw new Error(`n8n ${n8nVersion()} ships an n8n-workflow without ${missing.join(', ')}, which the package uses`);
	}
	console.log(`[e2e] n8n ${n8nVersion()}'s n8n-workflow provides all ${used.length} values the package uses (${used.join(', ')})`);
}
