/**
 * This package's user pages (docs/ on GitHub), one page per topic. No `#anchor`: n8n appends its own
 * `?utm_…` query to the links it opens, and a query after the fragment makes the page open at the top.
 */
export const DOCS_URL = 'https://github.com/n8n-nodes-cybersource-invoice/n8n-nodes-cybersource-invoice/blob/main/docs';

/** The pages the parameters link to (a unit test checks each file exists in docs/). */
export type DocsPage = 'operations' | 'fields' | 'exactly-once' | 'ai-agent' | 'credentials' | 'triggers';

export function docsUrl(page: DocsPage): string {
	return `${DOCS_URL}/${page}.md`;
}

/** A link for a parameter description, opened from the node panel. */
export function docsLink(page: DocsPage, text: string): string {
	return `<a href="${docsUrl(page)}">${text}</a>`;
}
