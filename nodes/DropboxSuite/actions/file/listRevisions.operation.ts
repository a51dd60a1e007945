import type { IDataObject } from 'n8n-workflow';

import { pathLocator, readLimit, readPath, readSpace, returnAllProperties, spaceProperties } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import { defineOperation, type OperationItem } from '../operation';

/** Dropbox returns at most this many revisions per call. */
const MAX_PAGE = 100;

interface ListRevisionsResult {
	is_deleted: boolean;
	server_deleted?: string;
	entries: Array<IDataObject & { rev: string }>;
	has_more: boolean;
}

export const listRevisions = defineOperation({
	value: 'listRevisions',
	name: 'List Revisions',
	action: 'List the revisions of a file',
	description: 'List the earlier versions of a file, newest first: one item per revision, ready for Restore or Download',
	properties: [
		...spaceProperties,
		pathLocator({ displayName: 'File', name: 'path', description: 'The file whose revisions to list' }),
		{
			displayName: 'Follow',
			name: 'mode',
			type: 'options',
			options: [
				{
					name: 'Path',
					value: 'path',
					description: 'Every revision written at this path, whichever file it was',
				},
				{
					name: 'File ID',
					value: 'id',
					description: 'Every revision of this file, across moves and renames (at most 100: Dropbox pages only by path)',
				},
			],
			default: 'path',
			description: 'Which revisions belong to the file',
		},
		...returnAllProperties({ maxLimit: MAX_PAGE }),
	],
	async execute(itemIndex) {
		const path = readPath(this, 'path', itemIndex);
		const mode = this.getNodeParameter('mode', itemIndex, 'path') as 'path' | 'id';
		const limit = readLimit(this, itemIndex);
		const wanted = limit === Infinity ? limit : Math.min(MAX_PAGE, limit);
		const session = dropboxSession(this);
		const space = readSpace(this, itemIndex);

		const items: OperationItem[] = [];
		let beforeRev: string | undefined;
		let state: IDataObject | undefined;
		for (;;) {
			const page = await session.rpc<ListRevisionsResult>('files/list_revisions', {
				arg: {
					path,
					mode: { '.tag': mode },
					limit: Math.min(MAX_PAGE, wanted - items.length),
					...(beforeRev ? { before_rev: beforeRev } : {}),
				},
				space,
				errorContext: { path },
			});
			// With before_rev, Dropbox says whether the newest revision *of that page* is gone: the file's own state is
			// the first page's, and every item carries that.
			state ??= page.server_deleted
				? { is_deleted: page.is_deleted, server_deleted: page.server_deleted }
				: { is_deleted: page.is_deleted };
			for (const entry of page.entries) items.push({ json: { ...entry, ...state } });
			const last = page.entries.at(-1);
			// Dropbox pages with before_rev only in path mode.
			if (!page.has_more || !last || mode === 'id' || items.length >= wanted) break;
			beforeRev = last.rev;
		}
		return items;
	},
});
