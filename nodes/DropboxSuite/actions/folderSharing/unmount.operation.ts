import { dropboxSession } from '../../../shared/session';
import { defineOperation } from '../operation';
import { readSharedFolderId, sharedFolderProperty } from './sharedFolder';
import { withSharingHints } from './sharingErrors';

export const unmount = defineOperation({
	value: 'unmount',
	name: 'Unmount',
	action: 'Remove a shared folder from the account\'s Dropbox',
	description:
		'Remove a shared folder from the account\'s Dropbox while staying a member (Mount adds it back); the files stay in the folder for the others',
	properties: [sharedFolderProperty({ withPath: true, description: 'The shared folder to remove from the account\'s Dropbox' })],
	async execute(itemIndex) {
		const sharedFolderId = await readSharedFolderId(this, itemIndex);
		await withSharingHints(
			{
				no_permission: 'The account may not remove this shared folder from its Dropbox.',
			},
			async () => await dropboxSession(this).rpc('sharing/unmount_folder', { arg: { shared_folder_id: sharedFolderId } }),
		);
		return [{ json: { shared_folder_id: sharedFolderId, unmounted: true } }];
	},
});
