import { finishedJob, type JobAnswer } from '../../../shared/jobs/asyncJob';
import { dropboxSession } from '../../../shared/session';
import { defineOperation } from '../operation';
import { leaveACopyProperty } from './leaveACopy';
import { memberProperty, readMember, selectorText } from './members';
import { readSharedFolderId, sharedFolderProperty } from './sharedFolder';
import { completed, withSharingHints } from './sharingErrors';

export const removeMember = defineOperation({
	value: 'removeMember',
	name: 'Remove Member',
	action: 'Remove a member from a shared folder',
	description:
		'Take away a member\'s (or an invitee\'s) access to a shared folder, by email address or Dropbox ID, and wait until Dropbox has done it',
	properties: [
		sharedFolderProperty({ withPath: true, description: 'The shared folder to remove the member from' }),
		memberProperty('The member\'s email address or Dropbox account ID (List Members shows both)'),
		leaveACopyProperty('Whether the removed member keeps a copy of the folder\'s files in their own Dropbox (if they had added the folder)'),
	],
	async execute(itemIndex) {
		const sharedFolderId = await readSharedFolderId(this, itemIndex);
		const member = readMember(this, itemIndex);
		const leaveACopy = this.getNodeParameter('leaveACopy', itemIndex, false) as boolean;
		const session = dropboxSession(this);
		await withSharingHints(
			{
				no_permission:
					'The account may not remove this member: only the folder\'s owner may (and its editors when the folder lets editors manage members); anyone may remove themselves.',
				folder_owner: 'The owner cannot be removed from their own shared folder. To stop sharing it, use Unshare.',
				too_many_files: 'The folder holds too many files to leave the member a copy. Run again with "Leave a Copy" off.',
				group_access: 'The member has access through a group: remove the group, or the member from the group, instead.',
			},
			async () => {
				const launched = await session.rpc<JobAnswer>('sharing/remove_folder_member', {
					arg: { shared_folder_id: sharedFolderId, member, leave_a_copy: leaveACopy },
				});
				return completed(session, await finishedJob(session, launched, { check: 'sharing/check_job_status' }));
			},
		);
		return [{ json: { shared_folder_id: sharedFolderId, member: selectorText(member), removed: true, left_a_copy: leaveACopy } }];
	},
});
