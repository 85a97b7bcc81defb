import type { IExecuteFunctions } from 'n8n-workflow';

import { calendarIn } from '../../shared/helpers/dates';
import { RequestScope } from '../../shared/transport/requestScope';
import { runOrigin, type RunOrigin } from './invoice/numberOrigin';

/**
 * One run of the node (one execute() for all its input items). The router makes it and passes it
 * to every operation, which passes it on with each request (`{ scope: run, itemIndex }`): the
 * limiter of Parallel Requests and the items' warnings (RequestScope), and what is read once per run.
 */
export class NodeRun extends RequestScope {
	private origin: RunOrigin | undefined;
	private calendar: ((now?: Date) => string) | undefined;

	constructor(
		private readonly context: IExecuteFunctions,
		parallelRequests: number,
	) {
		super(parallelRequests);
	}

	/** Where the node's invoice numbers come from (numberOrigin.ts), read on first use: only creates need it. */
	get numberOrigin(): RunOrigin {
		this.origin ??= runOrigin.call(this.context);
		return this.origin;
	}

	/** The workflow's time zone and today's date in it, now (one date formatter per run). */
	today(): { timeZone: string; date: string } {
		const timeZone = this.context.getTimezone();
		this.calendar ??= calendarIn(timeZone);
		return { timeZone, date: this.calendar() };
	}
}
