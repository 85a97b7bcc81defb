/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/** Driving n8n's editor: sign in, open a canvas node, read and set its panel's parameters. */

import type { Locator, Page } from 'playwright-core';

import { OWNER } from '../../realN8n/instance';

/** Through the real sign-in page; n8n then follows `redirect`, which saves reloading the editor. */
export async function signIn(page: Page, baseUrl: string, redirect: string): Promise<void> {
	await page.goto(`${baseUrl}/signin?redirect=${encodeURIComponent(redirect)}`);
	await page.getByTestId('emailOrLdapLoginId').locator('input').fill(OWNER.email);
	await page.getByTestId('password').locator('input').fill(OWNER.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((url) => url.pathname === redirect);
}

export function canvasNode(page: Page, name: string): Locator {
	return page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
}

/** Double-click can land while the canvas is still fitting the view; retry rather than fail. */
export async function openNode(page: Page, name: string): Promise<Locator> {
	const ndv = page.getByTestId('ndv');
	for (let attempt = 1; ; attempt++) {
		await canvasNode(page, name).dblclick();
		try {
			await ndv.waitFor({ state: 'visible', timeout: 5_000 });
			break;
		} catch (error) {
			if (attempt >= 3) throw error;
		}
	}
	await ndv.getByTestId('node-parameters').waitFor();
	return ndv;
}

export function parameter(ndv: Locator, name: string): Locator {
	return ndv.getByTestId(`parameter-input-${name}`);
}

/** Element Plus selects keep the chosen label in a readonly <input>. */
export async function selectedOption(ndv: Locator, name: string): Promise<string> {
	return await parameter(ndv, name).locator('input').inputValue();
}

/** Opens a select, reads the headlines of the visible options, closes it again. */
export async function optionsOf(page: Page, ndv: Locator, name: string): Promise<string[]> {
	await parameter(ndv, name).click();
	// Every select's list is in the DOM; getByRole only sees the open (visible) one.
	const options = page.getByRole('option');
	await options.first().waitFor();
	const headlines = await options.locator('.option-headline').allInnerTexts();
	await page.keyboard.press('Escape');
	await options.first().waitFor({ state: 'hidden' });
	return headlines.map((text) => text.trim());
}

export async function switchState(ndv: Locator, name: string): Promise<boolean> {
	return (await parameter(ndv, name).getByRole('switch').getAttribute('aria-checked')) === 'true';
}

/** The editor autosaves, so every change made here is undone before the run. */
export async function setSwitch(ndv: Locator, name: string, on: boolean): Promise<void> {
	if ((await switchState(ndv, name)) === on) return;
	await parameter(ndv, name).locator('.el-switch').click();
	await parameter(ndv, name).locator(`[role="switch"][aria-checked="${on}"]`).waitFor({ state: 'attached' });
}
