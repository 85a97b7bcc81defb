/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** Headless Chromium for the browser test: launch, screenshots (dev/e2e/artifacts, docs/) and failure artifacts. */

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { chromium, selectors, type BrowserContext, type Page } from 'playwright-core';

import { ROOT } from '../../realN8n/runtime';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';
// README screenshots: in a dot-folder, where `n8n-node build` (which copies every *.png into dist/) does not look.
const DOCS_DIR = path.join(ROOT, '.github', 'assets');
export const ARTIFACTS_DIR = path.join(ROOT, 'dev', 'e2e', 'artifacts');

export async function launchBrowser(profileDir: string): Promise<BrowserContext> {
	// n8n marks its UI with data-test-id (not Playwright's default data-testid).
	selectors.setTestIdAttribute('data-test-id');
	return await chromium.launchPersistentContext(profileDir, {
		executablePath: CHROMIUM,
		headless: true,
		viewport: { width: 1280, height: 800 },
		// Without the background-networking switches Chromium stalls on the closed network.
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}

/** Lossless, and only when a compressor happens to be installed; n8n screenshots are ~60 KB anyway. */
function compressPng(file: string): void {
	const tools: Array<[string, string[]]> = [
		['oxipng', ['-q', '-o', '2', '--strip', 'safe', file]],
		['optipng', ['-quiet', '-o2', file]],
	];
	for (const [tool, args] of tools) {
		if (spawnSync(tool, ['--version'], { stdio: 'ignore' }).status !== 0) continue;
		spawnSync(tool, args, { stdio: 'ignore' });
		return;
	}
}

/**
 * Always into dev/e2e/artifacts; into docs/ only when missing or UPDATE_SCREENSHOTS=1, so a routine
 * run does not dirty the committed images.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
	mkdirSync(ARTIFACTS_DIR, { recursive: true });
	const artifact = path.join(ARTIFACTS_DIR, `${name}.png`);
	// 'disabled' fast-forwards transitions, so a toast is never caught mid-slide.
	await page.screenshot({ path: artifact, animations: 'disabled' });
	const doc = path.join(DOCS_DIR, `${name}.png`);
	if (UPDATE_SCREENSHOTS || !existsSync(doc)) {
		mkdirSync(DOCS_DIR, { recursive: true });
		copyFileSync(artifact, doc);
		compressPng(doc);
	}
}

export async function saveFailureArtifacts(context: BrowserContext | undefined): Promise<void> {
	if (!context) return;
	mkdirSync(ARTIFACTS_DIR, { recursive: true });
	for (const [index, page] of context.pages().entries()) {
		const base = path.join(ARTIFACTS_DIR, `failure-${index + 1}`);
		try {
			await page.screenshot({ path: `${base}.png`, fullPage: true, timeout: 5_000 });
			writeFileSync(`${base}.html`, `<!-- ${page.url()} -->\n${await page.content()}`);
			console.error(`  artifacts: ${base}.png, ${base}.html (${page.url()})`);
		} catch {
			// the page may be gone already (deadline, crash): nothing to save
		}
	}
}
