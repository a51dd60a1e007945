import { folderPathProperty, readPath, readSpace, spaceProperties } from '../../../shared/parameters';
import { finishedJob, type JobAnswer } from '../../../shared/jobs/asyncJob';
import { dropboxSession } from '../../../shared/session';
import { defineOperation } from '../operation';
import { completed, withoutTag, withSharingHints } from './sharingErrors';

interface ShareOptions {
	aclUpdatePolicy?: 'owner' | 'editors';
	memberPolicy?: 'anyone' | 'team';
	sharedLinkPolicy?: 'anyone' | 'members';
	viewerInfoPolicy?: 'enabled' | 'disabled';
	forceAsync?: boolean;
}

const tag = (value: string | undefined) => (value ? { '.tag': value } : undefined);

export const share = defineOperation({
	value: 'share',
	name: 'Share',
	action: 'Share a folder',
	description:
		'Turn a folder into a shared folder (created if missing) and output its metadata with its "shared_folder_id"; then add people with Add Member',
	properties: [
		...spaceProperties,
		folderPathProperty({
			displayName: 'Folder',
			name: 'path',
			description: 'The folder to share; a folder that does not exist yet is created',
		}),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Force Background Job',
					name: 'forceAsync',
					type: 'boolean',
					default: false,
					description: 'Whether Dropbox should share the folder as a background job even when it is small (the node waits for the job either way)',
				},
				{
					displayName: 'Member Policy',
					name: 'memberPolicy',
					type: 'options',
					options: [
						{ name: 'Anyone', value: 'anyone' },
						{ name: 'Team Members Only', value: 'team' },
					],
					default: 'anyone',
					description: 'Who can become a member (team accounts only)',
				},
				{
					displayName: 'Shared Link Policy',
					name: 'sharedLinkPolicy',
					type: 'options',
					options: [
						{ name: 'Anyone', value: 'anyone' },
						{ name: 'Folder Members Only', value: 'members' },
					],
					default: 'anyone',
					description: 'Who shared links to content in the folder work for ("Folder Members Only" needs a team account)',
				},
				{
					displayName: 'Viewer Info Policy',
					name: 'viewerInfoPolicy',
					type: 'options',
					options: [
						{ name: 'Enabled', value: 'enabled' },
						{ name: 'Disabled', value: 'disabled' },
					],
					default: 'enabled',
					description: 'Whether members can see who viewed the files',
				},
				{
					displayName: 'Who Can Manage Members',
					name: 'aclUpdatePolicy',
					type: 'options',
					options: [
						{ name: 'Owner Only', value: 'owner' },
						{ name: 'Owner and Editors', value: 'editors' },
					],
					default: 'owner',
					description: 'Who may add, change and remove members',
				},
			],
		},
	],
	async execute(itemIndex) {
		const path = readPath(this, 'path', itemIndex);
		const space = readSpace(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as ShareOptions;
		const session = dropboxSession(this);
		const errorContext = { path };
		const done = await withSharingHints(
			{
				no_permission: `The account may not share the folder at "${path}" (for example a folder in someone else's shared folder it only views, or one its team does not let it share).`,
			},
			async () => {
				const launched = await session.rpc<JobAnswer>('sharing/share_folder', {
					arg: {
						path,
						force_async: options.forceAsync ?? false,
						acl_update_policy: tag(options.aclUpdatePolicy),
						member_policy: tag(options.memberPolicy),
						shared_link_policy: tag(options.sharedLinkPolicy),
						viewer_info_policy: tag(options.viewerInfoPolicy),
					},
					space,
					errorContext,
				});
				return completed(session, await finishedJob(session, launched, { check: 'sharing/check_share_job_status', space, errorContext }), errorContext);
			},
		);
		return [{ json: withoutTag(done) }];
	},
});
