import { finishedJob, type JobAnswer } from '../../../shared/jobs/asyncJob';
import { dropboxSession } from '../../../shared/session';
import { defineOperation } from '../operation';
import { leaveACopyProperty } from './leaveACopy';
import { readSharedFolderId, sharedFolderProperty } from './sharedFolder';
import { completed, withSharingHints } from './sharingErrors';

export const unshare = defineOperation({
	value: 'unshare',
	name: 'Unshare',
	action: 'Stop sharing a folder',
	description:
		'Stop sharing a folder: every member loses access (optionally keeping a copy) and the owner keeps the folder as an ordinary one; waits until Dropbox has done it',
	properties: [
		sharedFolderProperty({ withPath: true, description: 'The shared folder to stop sharing; only its owner may' }),
		leaveACopyProperty('Whether each member keeps a copy of the folder\'s files in their own Dropbox'),
	],
	async execute(itemIndex) {
		const sharedFolderId = await readSharedFolderId(this, itemIndex);
		const leaveACopy = this.getNodeParameter('leaveACopy', itemIndex, false) as boolean;
		const session = dropboxSession(this);
		await withSharingHints(
			{
				no_permission: 'Only the owner of a shared folder may unshare it. A member can leave it with Unmount, or be removed with Remove Member.',
				too_many_files: 'The shared folder holds too many files to be unshared through the API. Unshare it on dropbox.com, or move part of its content out first.',
			},
			async () => {
				const launched = await session.rpc<JobAnswer>('sharing/unshare_folder', {
					arg: { shared_folder_id: sharedFolderId, leave_a_copy: leaveACopy },
				});
				return completed(session, await finishedJob(session, launched, { check: 'sharing/check_job_status' }));
			},
		);
		return [{ json: { shared_folder_id: sharedFolderId, unshared: true, left_a_copy: leaveACopy } }];
	},
});
