import type { IDataObject } from 'n8n-workflow';

import { dropboxSession } from '../../../shared/session';
import type { DropboxSession } from '../../../shared/transport';
import { defineOperation } from '../operation';
import { cursorPages } from './cursorPages';
import { accessLevelProperty, memberProperty, readMember, selectorText, type MemberSelector } from './members';
import { readSharedFolderId, sharedFolderProperty } from './sharedFolder';
import { withSharingHints } from './sharingErrors';

interface MembersPage {
	users: Array<{ user: { account_id: string; email: string } }>;
	cursor?: string;
}

export const updateMember = defineOperation({
	value: 'updateMember',
	name: 'Update Member',
	action: 'Change a member\'s access to a shared folder',
	description: 'Make a member of a shared folder (or an invitee) an editor or a viewer, by email address or Dropbox ID',
	properties: [
		sharedFolderProperty({ withPath: true, description: 'The shared folder the member belongs to' }),
		memberProperty('The member\'s email address or Dropbox account ID (List Members shows both)'),
		{ ...accessLevelProperty, description: 'The member\'s new access level' },
	],
	async execute(itemIndex) {
		const sharedFolderId = await readSharedFolderId(this, itemIndex);
		const member = readMember(this, itemIndex);
		const accessLevel = this.getNodeParameter('accessLevel', itemIndex, 'viewer') as string;
		const session = dropboxSession(this);
		const result = await withSharingHints(
			{
				no_permission:
					'The account may not change this member\'s access: only the folder\'s owner may (and its editors when the folder lets editors manage members), and the owner\'s own access cannot be changed.',
				insufficient_plan: 'The account\'s Dropbox plan does not allow making a member a viewer. Choose "Editor", or upgrade the plan.',
			},
			async () =>
				await session.rpc<IDataObject>('sharing/update_folder_member', {
					arg: {
						shared_folder_id: sharedFolderId,
						member: await byAccountWherePossible(session, sharedFolderId, member),
						access_level: { '.tag': accessLevel },
					},
				}),
		);
		const { access_level: inherited, ...rest } = result ?? {};
		return [
			{
				json: {
					shared_folder_id: sharedFolderId,
					member: selectorText(member),
					access_level: accessLevel,
					...rest,
					...(inherited ? { inherited_access_level: (inherited as { '.tag'?: string })['.tag'] ?? inherited } : {}),
				},
			},
		];
	},
});

/**
 * Dropbox changes a member's access by Dropbox ID only: an email address is swapped for the ID of the member user who has
 * it. An invitee (no account yet) keeps the email address, and so does an address no member has, for Dropbox to refuse.
 */
async function byAccountWherePossible(session: DropboxSession, sharedFolderId: string, member: MemberSelector): Promise<MemberSelector> {
	if (member['.tag'] !== 'email') return member;
	const wanted = member.email.toLowerCase();
	const listing = cursorPages<MembersPage>(session, {
		route: 'sharing/list_folder_members',
		continueRoute: 'sharing/list_folder_members/continue',
		arg: { shared_folder_id: sharedFolderId, limit: 1000 },
	});
	for await (const page of listing) {
		const found = page.users.find((membership) => membership.user.email.toLowerCase() === wanted);
		if (found) return { '.tag': 'dropbox_id', dropbox_id: found.user.account_id };
	}
	return member;
}
