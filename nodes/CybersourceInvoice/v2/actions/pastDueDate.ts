import type { IExecuteFunctions } from 'n8n-workflow';

import { isBlank } from '../../../shared/helpers/values';
import { isPastDueDate, toApiDate } from '../../../shared/helpers/dates';
import { InputError } from '../../../shared/helpers/inputError';
import { isOn } from '../../../shared/helpers/text';
import type { NodeRun } from '../../actions/nodeRun';
import type { OperationDescriptor } from '../../actions/operation';
import { allowPastDueDateOption } from '../descriptions/options';

/**
 * Version 2 refuses a due date in the past unless Options › Allow Past Due Date is on (version 1
 * sends it with a warning, actions/invoice/dueDateWarning.ts, which also warns here when it is
 * allowed). "Today" is the workflow's time zone, as for the warning. Checked before the operation
 * runs, so nothing is sent.
 */
export function refusePastDueDate(this: IExecuteFunctions, descriptor: OperationDescriptor, itemIndex: number, run: NodeRun): void {
	const parameter = descriptor.dueDateParameter;
	if (!parameter) return;
	const given = this.getNodeParameter(parameter, itemIndex, '');
	if (isBlank(given)) return; // required on Create: the operation says so
	const allowed = this.getNodeParameter(`options.${allowPastDueDateOption.name}`, itemIndex, false);
	if (isOn(allowed, allowPastDueDateOption.displayName)) return;
	const dueDate = toApiDate(given, 'Due Date');
	const { timeZone, date: today } = run.today();
	if (!isPastDueDate(dueDate, today)) return;
	throw new InputError(
		'Due Date',
		`${dueDate} is in the past (today is ${today} in ${timeZone}), so the invoice would be overdue from the start. Give a date from today on, or turn on Options › ${allowPastDueDateOption.displayName} to create it anyway`,
	);
}
