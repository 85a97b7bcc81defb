import { RequestLimiter } from './limiter';
import { ItemWarnings } from './warnings';

/**
 * What the requests of one node run share, passed explicitly with every Cybersource call
 * (`RequestOptions.scope`): the limiter of its Parallel Requests and the warnings for its output
 * items. The router makes one per run (CybersourceInvoice/actions/nodeRun.ts); a call outside an item loop (a
 * trigger, a dropdown's list) uses `singleRequest()`. Nothing is found through the n8n context,
 * so a new caller cannot lose throttling or warnings without saying so.
 */
export class RequestScope {
	readonly warnings = new ItemWarnings();
	readonly limiter: RequestLimiter;

	constructor(parallelRequests: number) {
		this.limiter = new RequestLimiter(parallelRequests);
	}
}
