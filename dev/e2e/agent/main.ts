/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The AI-agent e2e alone (the full suite runs it from dev/e2e/run.ts):
 *
 *   npm run build && npm run build:dev && node .dev-dist/dev/e2e/agent/main.js
 *
 * N8N_E2E_RUNTIME picks the n8n version, as for the rest of the suite. The package is installed
 * like a community package from its tarball; AGENT_LOAD_MODE=custom loads dist/ as a custom
 * extension instead.
 */
import { startSandbox } from '../../sandbox';
import { ensureRuntime } from '../../realN8n/runtime';
import { reportAgentRun, runAgentScenario } from './scenario';

async function main(): Promise<void> {
	ensureRuntime();
	const sandbox = await startSandbox({ port: 0, quiet: true });
	try {
		reportAgentRun(await runAgentScenario(sandbox, process.env.AGENT_LOAD_MODE === 'custom' ? 'custom' : 'community'));
	} finally {
		await sandbox.close();
	}
}

main().catch((error: unknown) => {
	console.error(`[agent] FAILED: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
	process.exit(1);
});
