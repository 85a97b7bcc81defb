import type { IExecuteFunctions } from 'n8n-workflow';

import { isPastDueDate, pastDueDateWarning } from '../../../shared/helpers/dates';
import type { NodeRun } from '../nodeRun';

/**
 * Version 1 sends a due date in the past as Cybersource accepts it, and says so in the output
 * item's `warning`. "Today" is the workflow's time zone (n8n's default America/New_York), the
 * calendar the user sees in $today. Recorded in the run before the request; it only reaches the output if the
 * item succeeds (see the router).
 */
export function warnIfPastDueDate(this: IExecuteFunctions, itemIndex: number, run: NodeRun, dueDate: unknown): void {
	if (typeof dueDate !== 'string') return;
	const { timeZone, date: today } = run.today();
	if (isPastDueDate(dueDate, today)) run.warnings.record(itemIndex, pastDueDateWarning(dueDate, today, timeZone));
}
