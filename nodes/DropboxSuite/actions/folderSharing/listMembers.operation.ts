import type { IDataObject } from 'n8n-workflow';

import { readLimit, returnAllProperties } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import { defineOperation } from '../operation';
import { cursorPages } from './cursorPages';
import { readSharedFolderId, sharedFolderProperty } from './sharedFolder';
import { withSharingHints } from './sharingErrors';

interface Membership extends IDataObject {
	access_type: { '.tag': string };
	user?: { email?: string; account_id?: string };
	invitee?: { email?: string };
	group?: { group_id?: string; group_name?: string };
}

interface MembersPage {
	users: Membership[];
	groups: Membership[];
	invitees: Membership[];
	cursor?: string;
}

/** Dropbox's largest page of members. */
const PAGE_SIZE = 1000;

export const listMembers = defineOperation({
	value: 'listMembers',
	name: 'List Members',
	action: 'List the members of a shared folder',
	description:
		'List who can access a shared folder, one item per member: "kind" is user, group or invitee (invited by email, not joined yet), with "access_level" and "email"',
	properties: [sharedFolderProperty({ withPath: true, description: 'The shared folder whose members to list' }), ...returnAllProperties()],
	async execute(itemIndex) {
		const sharedFolderId = await readSharedFolderId(this, itemIndex);
		const limit = readLimit(this, itemIndex);
		const output: Array<{ json: IDataObject }> = [];
		await withSharingHints({}, async () => {
			const listing = cursorPages<MembersPage>(dropboxSession(this), {
				route: 'sharing/list_folder_members',
				continueRoute: 'sharing/list_folder_members/continue',
				arg: { shared_folder_id: sharedFolderId, limit: Number.isFinite(limit) ? Math.min(PAGE_SIZE, limit) : PAGE_SIZE },
			});
			for await (const page of listing) {
				const members = [
					...page.users.map((member) => memberItem('user', member)),
					...page.groups.map((member) => memberItem('group', member)),
					...page.invitees.map((member) => memberItem('invitee', member)),
				];
				for (const json of members) {
					output.push({ json: { shared_folder_id: sharedFolderId, ...json } });
					if (output.length >= limit) return;
				}
			}
		});
		return output;
	},
});

/** Dropbox's membership with its kind, access level and email address (or group) at the top, for easy mapping. */
function memberItem(kind: 'user' | 'group' | 'invitee', member: Membership): IDataObject {
	const email = member.user?.email ?? member.invitee?.email;
	return {
		kind,
		access_level: member.access_type['.tag'],
		...(email !== undefined ? { email } : {}),
		...(member.user?.account_id ? { account_id: member.user.account_id } : {}),
		...member,
	};
}
