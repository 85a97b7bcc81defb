/** This package's README, where each part of the node is explained for users. */
export const README_URL = 'https://github.com/n8n-nodes-cybersource-invoice/n8n-nodes-cybersource-invoice#readme';

/** README sections the parameters link to (their anchors; a unit test checks each exists). */
export type ReadmeSection = 'operations' | 'fields' | 'creating-each-invoice-once' | 'using-it-from-an-ai-agent';

export function readmeUrl(section: ReadmeSection): string {
	return README_URL.replace('#readme', `#${section}`);
}

/** A link for a parameter description, opened from the node panel. */
export function docsLink(section: ReadmeSection, text: string): string {
	return `<a href="${readmeUrl(section)}">${text}</a>`;
}
