/**
 * Browser test (issue 5 §4): a real n8n with this package, driven through its editor and the
 * published form in headless Chromium; every invoice is checked in the local sandbox.
 *
 *   npm run test:browser
 *
 * Env: BROWSER_TEST_PORT (n8n, default 5688), BROWSER_TEST_BROKER_PORT (default port + 1),
 * CHROMIUM_PATH (default /usr/bin/chromium), UPDATE_SCREENSHOTS=1 (rewrite docs/*.png).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium, selectors, type BrowserContext, type Locator, type Page } from 'playwright-core';

import { startSandbox, type Sandbox } from '../sandbox';
import { Client } from '../sandbox/client';
import { OWNER, startInstance, type N8nInstance } from './instance';
import { ensureRuntime, ROOT } from './n8nRuntime';

const PORT = Number(process.env.BROWSER_TEST_PORT ?? 5688);
const BROKER_PORT = Number(process.env.BROWSER_TEST_BROKER_PORT ?? PORT + 1);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';

const DOCS_DIR = path.join(ROOT, 'docs');
const ARTIFACTS_DIR = path.join(ROOT, 'e2e', 'artifacts');

/** The whole run, n8n start-up included; a hang anywhere fails the test instead of blocking CI. */
const TOTAL_TIMEOUT_MS = 180_000;
/** Any single UI action or wait. */
const UI_TIMEOUT_MS = 20_000;
/** Manual run or form submission until the invoice exists (n8n cold-starts its task runner). */
const EXECUTION_TIMEOUT_MS = 45_000;

const TEST_RUN_WORKFLOW_ID = 'csExFormManual01';
const INVOICE_NODE = 'Create and email invoice';
const OPERATIONS = ['Cancel', 'Create', 'Create Draft', 'Get', 'Get Many', 'Publish', 'Send', 'Update'];

/** The sample submission the test-run workflow's Set node holds (examples/01-…-test-run.json). */
const SAMPLE = { name: 'Tanya Lee', email: 'tanya.lee@example.com', description: 'Website redesign, phase 1', amount: 1250.5 };

interface StoredInvoice {
	id: string;
	status: string;
	customerInformation?: { name?: string; email?: string };
	invoiceInformation?: { description?: string };
	orderInformation: { amountDetails: { totalAmount: number | string; currency?: string } };
}

interface InvoiceSummary {
	id: string;
	status: string;
}

const startedAt = Date.now();
/** Set when the deadline passes or we are interrupted: no further step may start. */
let aborted = false;

function seconds(since: number): string {
	return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

async function step<T>(title: string, work: () => Promise<T>): Promise<T> {
	if (aborted) throw new Error(`aborted before: ${title}`);
	const started = Date.now();
	try {
		const result = await work();
		console.log(`✔ ${title} (${seconds(started)})`);
		return result;
	} catch (error) {
		console.error(`✘ ${title} (${seconds(started)})`);
		throw error;
	}
}

/** Polls a condition (the sandbox is in-process, so this costs nothing); fails after `timeoutMs`. */
async function waitUntil<T>(what: string, timeoutMs: number, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await delay(200);
	}
}

/** A second n8n already on the port would answer our health checks and we would test the wrong one. */
async function assertPortFree(port: number): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		const server = createServer();
		server.once('error', () => reject(new Error(`port ${port} is in use: set BROWSER_TEST_PORT to a free one`)));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
	});
}

// ---- sandbox checks -------------------------------------------------------------------------

/** Newest first, through the sandbox's signed API (a signer independent of the node's). */
async function listInvoices(sandbox: Sandbox): Promise<{ total: number; invoices: InvoiceSummary[] }> {
	const response = await new Client(sandbox).get('/invoicing/v2/invoices?offset=0&limit=100');
	assert.equal(response.status, 200, `listing invoices failed: ${response.text}`);
	const body = response.json as { totalInvoices: number; invoices?: InvoiceSummary[] };
	return { total: body.totalInvoices, invoices: body.invoices ?? [] };
}

function storedInvoice(sandbox: Sandbox, id: string): StoredInvoice {
	const invoice = sandbox.getInvoice(id) as StoredInvoice | undefined;
	assert.ok(invoice, `invoice ${id} is not in the sandbox`);
	return invoice;
}

function lastRequestSeq(sandbox: Sandbox): number {
	return sandbox.requests().at(-1)?.seq ?? 0;
}

/** The create calls n8n made after request `since` (POST /invoicing/v2/invoices). */
function createRequestsSince(sandbox: Sandbox, since: number) {
	return sandbox
		.requests({ since })
		.filter((request) => request.method === 'POST' && request.path.split('?')[0].replace(/\/$/, '') === '/invoicing/v2/invoices');
}

function assertInvoice(invoice: StoredInvoice, expected: { name: string; email: string; description: string; amount: number }): void {
	assert.equal(invoice.status, 'SENT', `invoice ${invoice.id} status`);
	assert.equal(invoice.customerInformation?.name, expected.name);
	assert.equal(invoice.customerInformation?.email, expected.email);
	assert.equal(invoice.invoiceInformation?.description, expected.description);
	assert.equal(Number(invoice.orderInformation.amountDetails.totalAmount), expected.amount);
	assert.equal(invoice.orderInformation.amountDetails.currency, 'USD');
}

// ---- browser helpers ------------------------------------------------------------------------

async function launchBrowser(profileDir: string): Promise<BrowserContext> {
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
 * Always into e2e/artifacts; into docs/ only when missing or UPDATE_SCREENSHOTS=1, so a routine
 * run does not dirty the committed images.
 */
async function saveScreenshot(page: Page, name: string): Promise<void> {
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

async function saveFailureArtifacts(context: BrowserContext | undefined): Promise<void> {
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

/** Through the real sign-in page; n8n then follows `redirect`, which saves reloading the editor. */
async function signIn(page: Page, baseUrl: string, redirect: string): Promise<void> {
	await page.goto(`${baseUrl}/signin?redirect=${encodeURIComponent(redirect)}`);
	await page.getByTestId('emailOrLdapLoginId').locator('input').fill(OWNER.email);
	await page.getByTestId('password').locator('input').fill(OWNER.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((url) => url.pathname === redirect);
}

function canvasNode(page: Page, name: string): Locator {
	return page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
}

/** Double-click can land while the canvas is still fitting the view; retry rather than fail. */
async function openNode(page: Page, name: string): Promise<Locator> {
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

function parameter(ndv: Locator, name: string): Locator {
	return ndv.getByTestId(`parameter-input-${name}`);
}

/** Element Plus selects keep the chosen label in a readonly <input>. */
async function selectedOption(ndv: Locator, name: string): Promise<string> {
	return await parameter(ndv, name).locator('input').inputValue();
}

/** Opens a select, reads the headlines of the visible options, closes it again. */
async function optionsOf(page: Page, ndv: Locator, name: string): Promise<string[]> {
	await parameter(ndv, name).click();
	// Every select's list is in the DOM; getByRole only sees the open (visible) one.
	const options = page.getByRole('option');
	await options.first().waitFor();
	const headlines = await options.locator('.option-headline').allInnerTexts();
	await page.keyboard.press('Escape');
	await options.first().waitFor({ state: 'hidden' });
	return headlines.map((text) => text.trim());
}

async function switchState(ndv: Locator, name: string): Promise<boolean> {
	return (await parameter(ndv, name).getByRole('switch').getAttribute('aria-checked')) === 'true';
}

/** The editor autosaves, so every change made here is undone before the run. */
async function setSwitch(ndv: Locator, name: string, on: boolean): Promise<void> {
	if ((await switchState(ndv, name)) === on) return;
	await parameter(ndv, name).locator('.el-switch').click();
	await parameter(ndv, name).locator(`[role="switch"][aria-checked="${on}"]`).waitFor({ state: 'attached' });
}

// ---- the test -------------------------------------------------------------------------------

interface Resources {
	workDir: string;
	profileDir: string;
	sandbox?: Sandbox;
	instance?: N8nInstance;
	context?: BrowserContext;
}

async function checkNodePanel(page: Page, ndv: Locator): Promise<void> {
	assert.equal(await selectedOption(ndv, 'resource'), 'Invoice');
	assert.equal(await selectedOption(ndv, 'operation'), 'Create');
	const operations = await optionsOf(page, ndv, 'operation');
	assert.deepEqual(operations.filter((option) => OPERATIONS.includes(option)), OPERATIONS, `operations offered: ${operations.join(', ')}`);
	assert.ok(await ndv.isVisible(), 'closing the operation list must not close the panel');

	assert.equal(await selectedOption(ndv, 'lineItemsMode'), 'Using Fields Below');
	const lines = ndv.getByTestId('fixed-collection-lineItems');
	const addLine = lines.getByTestId('fixed-collection-add');
	assert.equal((await addLine.innerText()).trim(), 'Add Line');
	// A row shows the line fields; remove it again so the run is unchanged.
	await addLine.click();
	for (const field of ['name', 'sku', 'quantity', 'unitPrice']) await parameter(lines, field).waitFor();
	await lines.getByTestId('fixed-collection-delete').click();
	await parameter(lines, 'name').waitFor({ state: 'detached' });

	assert.equal(await switchState(ndv, 'allowPartialPayments'), false);
	assert.equal(await parameter(ndv, 'minimumPartialAmount').count(), 0, 'Minimum Partial Amount is hidden while partial payments are off');
	await setSwitch(ndv, 'allowPartialPayments', true);
	await parameter(ndv, 'minimumPartialAmount').waitFor();
	await parameter(ndv, 'allowPartialPayments').scrollIntoViewIfNeeded();
	await saveScreenshot(page, 'node-panel');
	await setSwitch(ndv, 'allowPartialPayments', false);
	await parameter(ndv, 'minimumPartialAmount').waitFor({ state: 'detached' });
}

async function executeAndCheck(page: Page, sandbox: Sandbox): Promise<StoredInvoice> {
	const before = await listInvoices(sandbox);
	const since = lastRequestSeq(sandbox);
	await page.getByTestId('execute-workflow-button').click();
	const node = canvasNode(page, INVOICE_NODE);
	const success = node.getByTestId('canvas-node-status-success');
	// Fail fast on an error state instead of waiting for the success timeout.
	await success.or(node.getByTestId('canvas-node-status-error')).waitFor({ timeout: EXECUTION_TIMEOUT_MS });
	assert.ok(await success.isVisible(), `"${INVOICE_NODE}" ended in an error state`);
	await page.getByText('Workflow executed successfully').waitFor();
	// Run data reaches the edges a moment after the node state; the screenshot should show it.
	await page.locator(`[data-test-id="edge-label"][data-target-node-name="${INVOICE_NODE}"][data-edge-status="success"]`).waitFor();
	await saveScreenshot(page, 'workflow-run');

	const creates = createRequestsSince(sandbox, since);
	assert.equal(creates.length, 1, 'one create request');
	assert.equal(creates[0].verdict, 'ok');
	assert.equal(creates[0].status, 201);
	const after = await listInvoices(sandbox);
	assert.equal(after.total, before.total + 1, 'exactly one new invoice');
	const invoice = storedInvoice(sandbox, after.invoices[0].id);
	assertInvoice(invoice, SAMPLE);
	return invoice;
}

async function submitFormAndCheck(context: BrowserContext, formUrl: string, sandbox: Sandbox): Promise<StoredInvoice> {
	// Unique per run so the check cannot match an invoice from the manual run.
	const submission = {
		name: 'Ada Browser',
		email: 'ada.browser@example.com',
		description: `Browser test ${Date.now().toString(36)}`,
		amount: 321.45,
	};
	const before = await listInvoices(sandbox);
	const since = lastRequestSeq(sandbox);
	const page = await context.newPage();
	// The form links a web font; on a closed network 'load' would wait for it in vain.
	await page.goto(formUrl, { waitUntil: 'domcontentloaded' });
	await page.getByLabel('Name', { exact: true }).fill(submission.name);
	await page.getByLabel('Email', { exact: true }).fill(submission.email);
	await page.getByLabel('What is it for?', { exact: true }).fill(submission.description);
	await page.getByLabel('Amount', { exact: true }).fill(String(submission.amount));
	await page.getByRole('button', { name: 'Submit' }).click();
	await page.locator('#submitted-header', { hasText: 'Form Submitted' }).waitFor();

	// The form answers on receipt; the workflow finishes in the background.
	await waitUntil('the form workflow to create the invoice', EXECUTION_TIMEOUT_MS, () =>
		createRequestsSince(sandbox, since).some((request) => request.verdict !== 'pending') ? true : undefined,
	);
	const creates = createRequestsSince(sandbox, since);
	assert.equal(creates.length, 1, 'one create request');
	assert.equal(creates[0].verdict, 'ok');
	const after = await listInvoices(sandbox);
	assert.equal(after.total, before.total + 1, 'exactly one new invoice');
	const invoice = storedInvoice(sandbox, after.invoices[0].id);
	assertInvoice(invoice, submission);
	await page.close();
	return invoice;
}

/**
 * What the credential's Test button does: POST /rest/credentials/test from the signed-in page
 * (with the browser-id header n8n binds its session to), so n8n runs our signed test request.
 */
async function testCredential(
	page: Page,
	baseUrl: string,
	data: Record<string, unknown>,
): Promise<{ status: string; message: string }> {
	return await page.evaluate(
		async ({ url, credentials }) => {
			const response = await fetch(`${url}/rest/credentials/test`, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					// Runs in the page: the editor keeps its browser id in localStorage.
					'browser-id': (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem('n8n-browserId') ?? '',
				},
				body: JSON.stringify({ credentials }),
			});
			return ((await response.json()) as { data: { status: string; message: string } }).data;
		},
		{ url: baseUrl, credentials: { id: 'csLocalSandbox01', name: 'Cybersource (local sandbox)', type: 'cybersourceApi', data } },
	);
}

async function checkCredentialTest(page: Page, baseUrl: string, sandbox: Sandbox): Promise<void> {
	const data = {
		environment: 'custom',
		baseUrl: sandbox.url,
		merchantId: sandbox.merchant.merchantId,
		authMode: 'jwtSharedSecret',
		accessKeyId: sandbox.merchant.keyId,
		sharedSecret: sandbox.merchant.sharedSecret,
	};
	const before = sandbox.requests().length;
	const good = await testCredential(page, baseUrl, data);
	assert.equal(good.status, 'OK', `the right keys pass the credential test: ${good.message}`);
	const wrong = await testCredential(page, baseUrl, { ...data, sharedSecret: Buffer.from('not the secret').toString('base64') });
	assert.equal(wrong.status, 'Error', 'a wrong secret fails the credential test');
	// n8n retries a 401 once with freshly authenticated options, so the wrong secret shows twice.
	const tests = sandbox.requests().slice(before);
	assert.deepEqual(
		tests.map((request) => `${request.method} ${request.path} ${request.status}`),
		['GET /invoicing/v2/invoices?offset=0&limit=1 200', ...tests.slice(1).map(() => 'GET /invoicing/v2/invoices?offset=0&limit=1 401')],
	);
	assert.ok(tests.length >= 2, 'the wrong secret reached the sandbox and was refused');
}

async function run(resources: Resources): Promise<void> {
	const sandbox = await step('sandbox started', async () => {
		resources.sandbox = await startSandbox({ port: 0, quiet: true });
		return resources.sandbox;
	});
	const instance = await step(`n8n started on :${PORT}`, async () => {
		await assertPortFree(PORT);
		await assertPortFree(BROKER_PORT);
		resources.instance = await startInstance({
			workDir: resources.workDir,
			sandbox,
			port: PORT,
			brokerPort: BROKER_PORT,
			stdio: 'ignore',
		});
		return resources.instance;
	});
	const context = await step('chromium launched', async () => {
		resources.context = await launchBrowser(resources.profileDir);
		return resources.context;
	});
	const page = context.pages()[0] ?? (await context.newPage());
	page.setDefaultTimeout(UI_TIMEOUT_MS);
	page.setDefaultNavigationTimeout(UI_TIMEOUT_MS);

	const workflowPath = `/workflow/${TEST_RUN_WORKFLOW_ID}`;
	await step(`signed in as ${OWNER.email}`, () => signIn(page, instance.url, workflowPath));
	await step('credential test: signed GET accepted with the right keys, refused with a wrong secret', () =>
		checkCredentialTest(page, instance.url, sandbox),
	);

	const ndv = await step(`opened "${INVOICE_NODE}" in the test-run workflow`, async () => {
		const node = canvasNode(page, INVOICE_NODE);
		await node.waitFor();
		// The package's node type, not n8n's placeholder for an unknown node.
		assert.equal(await node.getAttribute('data-node-type'), 'CUSTOM.cybersourceInvoice');
		return await openNode(page, INVOICE_NODE);
	});

	await step('node panel: operations, line items (Add Line), partial payments → minimum amount', () => checkNodePanel(page, ndv));

	await step('closed the node panel', async () => {
		await ndv.getByTestId('ndv-close-button').click();
		await ndv.waitFor({ state: 'hidden' });
	});

	const manual = await step('"Execute workflow" succeeded', () => executeAndCheck(page, sandbox));
	console.log(`  invoice ${manual.id}: ${manual.status}, ${manual.customerInformation?.name}, ${manual.orderInformation.amountDetails.totalAmount} USD`);

	const submitted = await step('published form submitted and confirmed', () => submitFormAndCheck(context, instance.formUrl, sandbox));
	console.log(`  invoice ${submitted.id}: ${submitted.status}, ${submitted.customerInformation?.name}, ${submitted.orderInformation.amountDetails.totalAmount} USD`);
}

/**
 * Each resource separately, so one failing close cannot leave n8n or Chromium running. `pending`
 * is the test itself when the deadline cut it short: it may be inside startInstance, so wait for
 * it (every step is bounded) before stopping what it started.
 */
async function cleanUp(resources: Resources, pending?: Promise<unknown>): Promise<void> {
	await resources.context?.close().catch(() => undefined);
	if (pending) await Promise.race([pending.catch(() => undefined), delay(130_000)]);
	await resources.instance?.stop().catch(() => undefined);
	await resources.sandbox?.close().catch(() => undefined);
	rmSync(resources.workDir, { recursive: true, force: true });
	rmSync(resources.profileDir, { recursive: true, force: true });
}

async function main(): Promise<number> {
	ensureRuntime();
	// Leftovers from an earlier run would pass for this run's failure.
	rmSync(ARTIFACTS_DIR, { recursive: true, force: true });
	const resources: Resources = {
		workDir: mkdtempSync(path.join(tmpdir(), 'cs-browser-')),
		profileDir: mkdtempSync(path.join(tmpdir(), 'cs-chromium-')),
	};
	let timer: NodeJS.Timeout | undefined;
	const deadline = new Promise<never>((_, reject) => {
		timer = setTimeout(() => {
			aborted = true;
			reject(new Error(`the browser test took longer than ${TOTAL_TIMEOUT_MS / 1000} s`));
		}, TOTAL_TIMEOUT_MS);
	});
	const test = run(resources);
	test.catch(() => undefined); // still pending when the deadline wins; its error is moot then
	const interrupted = () => {
		aborted = true;
		void cleanUp(resources, test).then(() => process.exit(130));
	};
	process.once('SIGINT', interrupted);
	process.once('SIGTERM', interrupted);
	try {
		await Promise.race([test, deadline]);
		console.log(`\nBrowser test passed in ${seconds(startedAt)}.`);
		return 0;
	} catch (error) {
		console.error(`\nBrowser test FAILED after ${seconds(startedAt)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		await saveFailureArtifacts(resources.context);
		return 1;
	} finally {
		clearTimeout(timer);
		await cleanUp(resources, test);
	}
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
