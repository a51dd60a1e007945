import { dropboxSession } from '../../../shared/session';
import { defineOperation } from '../operation';
import { accessLevelProperty, readMemberList, selectorText } from './members';
import { readSharedFolderId, sharedFolderProperty } from './sharedFolder';
import { withSharingHints } from './sharingErrors';

interface AddMemberOptions {
	customMessage?: string;
	quiet?: boolean;
}

export const addMember = defineOperation({
	value: 'addMember',
	name: 'Add Member',
	action: 'Add members to a shared folder',
	description:
		'Invite people to a shared folder by email address or Dropbox ID, as editors or viewers. An email address with no Dropbox account gets an invitation and is listed as an invitee until its owner signs up.',
	properties: [
		sharedFolderProperty({ withPath: true, description: 'The shared folder to add members to' }),
		{
			displayName: 'Members',
			name: 'members',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'ana@example.com, dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc',
			description: 'Email addresses or Dropbox account IDs, separated by commas; each gets the access level below',
		},
		accessLevelProperty,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Custom Message',
					name: 'customMessage',
					type: 'string',
					typeOptions: { rows: 3 },
					default: '',
					description: 'A message shown to the new members in their invitation',
				},
				{
					displayName: 'Quiet',
					name: 'quiet',
					type: 'boolean',
					default: false,
					description: 'Whether to add the members without notifying them by email and on their devices',
				},
			],
		},
	],
	async execute(itemIndex) {
		const sharedFolderId = await readSharedFolderId(this, itemIndex);
		const members = readMemberList(this, 'members', itemIndex);
		const accessLevel = this.getNodeParameter('accessLevel', itemIndex, 'viewer') as string;
		const options = this.getNodeParameter('options', itemIndex, {}) as AddMemberOptions;
		const customMessage = options.customMessage?.trim();
		await withSharingHints(
			{
				no_permission:
					'The account may not add members to this shared folder: only its owner may, and its editors when the folder lets editors manage members ("Who Can Manage Members" when sharing). Ask the owner to add them.',
				insufficient_plan:
					'The account\'s Dropbox plan does not allow this access level (viewers need a paid plan). Choose "Editor", or upgrade the plan.',
				too_many_members: 'The shared folder has reached its member limit. Remove members it no longer needs first.',
				too_many_pending_invites: 'The shared folder has too many invitations not yet accepted. Remove invitees who did not join (Remove Member) first.',
				too_many_invitees: 'Dropbox refused to invite that many people at once. Add the members in smaller groups (several items).',
				rate_limit: 'The account has sent as many invitations as Dropbox allows in a day. Try again in 24 hours.',
				cant_share_outside_team: 'The team\'s policy does not allow sharing with people outside the team. Invite team members only, or ask a team admin.',
			},
			async () =>
				await dropboxSession(this).rpc('sharing/add_folder_member', {
					arg: {
						shared_folder_id: sharedFolderId,
						members: members.map((member) => ({ member, access_level: { '.tag': accessLevel } })),
						quiet: options.quiet ?? false,
						...(customMessage ? { custom_message: customMessage } : {}),
					},
				}),
		);
		return [
			{
				json: {
					shared_folder_id: sharedFolderId,
					access_level: accessLevel,
					members: members.map(selectorText),
				},
			},
		];
	},
});
