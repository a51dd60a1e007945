import type { IDataObject } from 'n8n-workflow';

import { readLimit, returnAllProperties } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import { defineOperation } from '../operation';
import { cursorPages } from './cursorPages';

interface FoldersPage {
	entries: IDataObject[];
	cursor?: string;
}

type Which = 'all' | 'mounted' | 'unmounted';

/** Dropbox's largest page of shared folders. */
const PAGE_SIZE = 1000;

export const listFolders = defineOperation({
	value: 'listFolders',
	name: 'List Folders',
	action: 'List the shared folders of the account',
	description:
		'List the shared folders the account owns or was added to, one item per folder with its "shared_folder_id"; a folder not yet added to the account (to mount) has no "path_lower"',
	properties: [
		...returnAllProperties(),
		{
			displayName: 'Folders',
			name: 'which',
			type: 'options',
			options: [
				{ name: 'All', value: 'all' },
				{ name: 'Added to the Account (Mounted)', value: 'mounted', description: 'Folders that appear in the account\'s Dropbox' },
				{ name: 'Not Added Yet (Unmounted)', value: 'unmounted', description: 'Folders shared with the account that Mount can add' },
			],
			default: 'all',
			description: 'Which shared folders to return',
		},
	],
	async execute(itemIndex) {
		const limit = readLimit(this, itemIndex);
		const which = this.getNodeParameter('which', itemIndex, 'all') as Which;
		const wanted = (folder: IDataObject) => which === 'all' || (which === 'mounted') === (typeof folder.path_lower === 'string');
		const output: Array<{ json: IDataObject }> = [];
		const listing = cursorPages<FoldersPage>(dropboxSession(this), {
			route: 'sharing/list_folders',
			continueRoute: 'sharing/list_folders/continue',
			arg: { limit: Number.isFinite(limit) && which === 'all' ? Math.min(PAGE_SIZE, limit) : PAGE_SIZE },
		});
		for await (const page of listing) {
			for (const folder of page.entries) {
				if (!wanted(folder)) continue;
				output.push({ json: folder });
				if (output.length >= limit) return output;
			}
		}
		return output;
	},
});
