/** The list query's paging and status parameters: required, in range, case-sensitive, unknown ones ignored. */

import { Client } from '../client';
import { sandboxPerFile } from './helpers';
import { FIXED_NOW, expectInvalid } from './validationFixtures';

let client: Client;

sandboxPerFile((started) => (client = started.client), { now: () => FIXED_NOW, clientClock: () => FIXED_NOW });

describe('list query (list)', () => {
	const list = (query: string) => client.get(`/invoicing/v2/invoices${query}`);
	const message = 'Invalid invoice status or paging parameters.';

	test('offset and limit are required', async () => {
		await expectInvalid(await list('?limit=10'), [['offset', 'MISSING_FIELD']], message);
		await expectInvalid(await list('?offset=0'), [['limit', 'MISSING_FIELD']], message);
		await expectInvalid(
			await list(''),
			[
				['offset', 'MISSING_FIELD'],
				['limit', 'MISSING_FIELD'],
			],
			message,
		);
	});

	test('limit 1…1000, offset ≥ 0, integers', async () => {
		expect((await list('?offset=0&limit=1000')).status).toBe(200);
		await expectInvalid(await list('?offset=0&limit=1001'), [['limit', 'INVALID_DATA']], message);
		await expectInvalid(await list('?offset=0&limit=0'), [['limit', 'INVALID_DATA']], message);
		await expectInvalid(await list('?offset=-1&limit=5'), [['offset', 'INVALID_DATA']], message);
		await expectInvalid(await list('?offset=1.5&limit=5'), [['offset', 'INVALID_DATA']], message);
	});

	test('status enum includes PENDING; values are case-sensitive', async () => {
		for (const status of ['DRAFT', 'CREATED', 'SENT', 'PARTIAL', 'PAID', 'CANCELED', 'PENDING']) {
			expect((await list(`?offset=0&limit=5&status=${status}`)).status).toBe(200);
		}
		for (const status of ['OPEN', 'draft', '']) {
			await expectInvalid(
				await list(`?offset=0&limit=5&status=${status}`),
				[['status', 'INVALID_DATA']],
				message,
			);
		}
	});

	test('unknown query parameters (e.g. the SDK cache buster) are ignored', async () => {
		expect((await list('?offset=0&limit=5&_=1234')).status).toBe(200);
	});
});
