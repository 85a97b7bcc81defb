/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * A tiny stand-in CRM for example 6 (invoice paid → update CRM record): `PATCH /contacts/{email}`
 * merges the JSON body into the contact and records the call; a `payment` in the body is added to
 * the contact's `payments` list instead (like a CRM activity: one entry per payment, kept for
 * reconciliation); `GET /contacts` lists them.
 */
import { createServer, type Server } from 'node:http';

export const CRM_PORT = 8790;

export interface CrmUpdate {
	email: string;
	body: Record<string, unknown>;
	at: string;
}

export interface Crm {
	url: string;
	updates: CrmUpdate[];
	contacts: Map<string, Record<string, unknown>>;
	close(): Promise<void>;
}

/** The contact after an update: fields replaced, a `payment` appended to `payments`. */
function merged(contact: Record<string, unknown>, body: Record<string, unknown>): Record<string, unknown> {
	const { payment, ...fields } = body;
	const payments = Array.isArray(contact.payments) ? contact.payments : [];
	return { ...contact, ...fields, ...(payment === undefined ? {} : { payments: [...payments, payment] }) };
}

export async function startCrm(port = CRM_PORT): Promise<Crm> {
	const updates: CrmUpdate[] = [];
	const contacts = new Map<string, Record<string, unknown>>();
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const match = /^\/contacts\/([^/?]+)$/.exec(req.url ?? '');
			if (req.method === 'GET' && req.url === '/contacts') {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(JSON.stringify([...contacts.entries()].map(([email, fields]) => ({ email, ...fields }))));
				return;
			}
			if (!match || (req.method !== 'PATCH' && req.method !== 'PUT')) {
				res.writeHead(404, { 'content-type': 'application/json' });
				res.end('{"error":"not found"}');
				return;
			}
			const email = decodeURIComponent(match[1]);
			let body: Record<string, unknown> = {};
			try {
				body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
			} catch {
				res.writeHead(400, { 'content-type': 'application/json' });
				res.end('{"error":"body is not JSON"}');
				return;
			}
			updates.push({ email, body, at: new Date().toISOString() });
			contacts.set(email, merged(contacts.get(email) ?? {}, body));
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ email, ...contacts.get(email) }));
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve());
	});
	return {
		url: `http://127.0.0.1:${port}`,
		updates,
		contacts,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
