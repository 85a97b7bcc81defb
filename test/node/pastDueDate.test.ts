/**
 * A due date in the past: version 1 creates or updates the invoice as Cybersource accepts it, and
 * the output item's `warning` says so. "Today" is the workflow's time zone (n8n's default
 * America/New_York), the calendar of $today.
 */
import { daysFromTodayIn, N8N_TIME_ZONE } from '../../dev/realN8n/calendar';
import { createParams, draftParams, futureDate, infoOf, invoiceParams, run, runOk, stored, useSandbox } from './helpers';

const sandbox = useSandbox();

const PAST = '2025-11-28';

/** The warning for `dueDate`; today is read from the message (a run may cross midnight). */
function pastWarning(dueDate: string): RegExp {
	const zone = N8N_TIME_ZONE.replace('/', '\\/');
	return new RegExp(`^Due Date ${dueDate} is in the past \\(today is \\d{4}-\\d\\d-\\d\\d in ${zone}\\): the invoice is overdue from the start\\.$`);
}

describe('Create', () => {
	it('creates and emails an invoice due in the past, with a warning on its output item', async () => {
		const result = await runOk(sandbox(), { parameters: createParams({ dueDate: PAST, sendByEmail: true }) });
		const [item] = result.json;
		expect(item.status).toBe('SENT');
		expect(item.warning).toMatch(pastWarning(PAST));
		expect(infoOf(stored(sandbox(), String(item.id))).dueDate).toBe(PAST);
	});

	it("warns for yesterday in the workflow's time zone", async () => {
		const yesterday = daysFromTodayIn(N8N_TIME_ZONE, -1, Date.now());
		const result = await runOk(sandbox(), { parameters: createParams({ dueDate: yesterday }) });
		expect(result.json[0].warning).toMatch(pastWarning(yesterday));
	});

	it('gives no warning for a due date to come', async () => {
		const result = await runOk(sandbox(), { parameters: createParams({ dueDate: futureDate(1) }) });
		expect(result.json[0]).not.toHaveProperty('warning');
	});

	it('warns only on the item whose due date is past', async () => {
		const items = [{ json: { due: futureDate(10) } }, { json: { due: PAST } }];
		const result = await runOk(sandbox(), { items, parameters: createParams({ dueDate: '={{ $json.due }}' }) });
		expect(result.json.map((item) => typeof item.warning)).toEqual(['undefined', 'string']);
	});

	it('gives no warning when the item fails: the error says what matters', async () => {
		const result = await run(sandbox(), { parameters: createParams({ dueDate: PAST, customerEmail: 'not-an-email' }) });
		expect(result.error?.message).toContain('Customer Email');
		expect(sandbox().requests()).toEqual([]);
	});
});

test('Create Draft warns too', async () => {
	const result = await runOk(sandbox(), { parameters: draftParams({ dueDate: PAST }) });
	expect(result.json[0].status).toBe('DRAFT');
	expect(result.json[0].warning).toMatch(pastWarning(PAST));
});

describe('Update', () => {
	it('warns when it changes the due date to a past one', async () => {
		const created = await runOk(sandbox(), { parameters: draftParams() });
		const id = String(created.json[0].id);
		const result = await runOk(sandbox(), { parameters: invoiceParams('update', id, { updateFields: { dueDate: PAST } }) });
		expect(result.json[0].warning).toMatch(pastWarning(PAST));
		expect(infoOf(stored(sandbox(), id)).dueDate).toBe(PAST);
	});

	it('does not warn about a past due date it keeps as stored', async () => {
		const created = await runOk(sandbox(), { parameters: draftParams({ dueDate: PAST }) });
		const id = String(created.json[0].id);
		const result = await runOk(sandbox(), { parameters: invoiceParams('update', id, { updateFields: { description: 'New text' } }) });
		expect(result.json[0]).not.toHaveProperty('warning');
	});
});
