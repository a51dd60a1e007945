import type { IDataObject } from 'n8n-workflow';

import { dropboxSession } from '../../../shared/session';
import { defineOperation } from '../operation';
import { readSharedFolderId, sharedFolderProperty } from './sharedFolder';
import { withSharingHints } from './sharingErrors';

export const mount = defineOperation({
	value: 'mount',
	name: 'Mount',
	action: 'Add a shared folder to the account\'s Dropbox',
	description:
		'Add a folder that was shared with the account to its Dropbox (accept the invitation), so that its files can be read and written by path; outputs the folder with its "path_lower"',
	properties: [
		sharedFolderProperty({
			withPath: false,
			description: 'The shared folder to add; List Folders with "Not Added Yet" shows the ones waiting',
		}),
	],
	async execute(itemIndex) {
		const sharedFolderId = await readSharedFolderId(this, itemIndex);
		const metadata = await withSharingHints(
			{
				no_permission: 'The account may not add this shared folder to its Dropbox.',
				insufficient_quota:
					'The account has not enough space for the shared folder: its files count against the space of every member who adds it. Free some space or upgrade the plan, then mount again.',
				inside_shared_folder: 'Adding the folder would put it inside another shared folder, which Dropbox does not allow.',
			},
			async () =>
				await dropboxSession(this).rpc<IDataObject>('sharing/mount_folder', { arg: { shared_folder_id: sharedFolderId } }),
		);
		return [{ json: metadata }];
	},
});
