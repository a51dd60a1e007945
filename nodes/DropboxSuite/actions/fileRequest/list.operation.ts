import type { IDataObject } from 'n8n-workflow';

import { readLimit, returnAllProperties } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import { listAll, type PagedResult } from '../../../shared/transport';
import { defineOperation } from '../operation';

interface RequestsPage extends PagedResult {
	file_requests: IDataObject[];
}

/** Dropbox's default page; it sets no maximum. */
const MAX_PAGE = 1000;

export const list = defineOperation({
	value: 'list',
	name: 'List',
	action: 'List file requests',
	description: "List the account's file requests, open and closed, newest first: one item per request",
	properties: [...returnAllProperties()],
	async execute(itemIndex) {
		const limit = readLimit(this, itemIndex);
		const requests = await listAll<IDataObject, RequestsPage>(
			dropboxSession(this),
			{ route: 'file_requests/list_v2', continueRoute: 'file_requests/list/continue', arg: { limit: Math.min(MAX_PAGE, limit) } },
			{ itemsKey: 'file_requests', limit },
		);
		return requests.map((request) => ({ json: request }));
	},
});
