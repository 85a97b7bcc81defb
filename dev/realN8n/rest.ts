/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** n8n's internal REST API as the editor uses it: log in as the owner, (de)activate workflows, list executions. */

import { OWNER } from './instance';

type Json = Record<string, any>;

export class N8nRest {
	private cookie = '';
	constructor(readonly url: string) {}

	async call(method: string, route: string, body?: unknown): Promise<Json> {
		const response = await fetch(`${this.url}/rest${route}`, {
			method,
			headers: { 'content-type': 'application/json', cookie: this.cookie },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} /rest${route}: ${response.status} ${text.slice(0, 500)}`);
		const setCookie = response.headers.get('set-cookie');
		if (setCookie) this.cookie = setCookie.split(';')[0];
		return text ? (JSON.parse(text) as Json) : {};
	}

	async login(): Promise<void> {
		await this.call('POST', '/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
	}

	async activate(id: string): Promise<void> {
		const { data } = await this.call('GET', `/workflows/${id}`);
		await this.call('POST', `/workflows/${id}/activate`, { versionId: data.versionId });
	}

	async deactivate(id: string): Promise<void> {
		await this.call('POST', `/workflows/${id}/deactivate`, {});
	}

	async executions(id: string): Promise<Json[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId: id }));
		const { data } = await this.call('GET', `/executions?filter=${filter}`);
		return (data.results ?? data) as Json[];
	}
}

/** Logs in as the demo/e2e owner and activates a workflow of a running n8n (the demo: example 6). */
export async function activateInN8n(url: string, workflowId: string): Promise<void> {
	const rest = new N8nRest(url);
	await rest.login();
	await rest.activate(workflowId);
}
