/** A folder shared between accounts as sharing.stone's SharedFolderMetadata, seen by one of its members. */
import { createHash } from 'node:crypto';
import type { Account } from '../../contract';
import type { FileStore } from '../../files/store/file-store';
import { dropboxTimestamp } from '../../files/store/ids';
import { renderMetadata } from '../../files/store/render';
import type { SharedFolderRecord } from './folder-store';
import { placeIn } from './mounts';

/** What each access level may do to the folder (FolderAction); anything else is denied. */
const ALLOWED_ACTIONS: Record<string, string[]> = {
	owner: ['change_options', 'disable_viewer_info', 'edit_contents', 'enable_viewer_info', 'invite_editor', 'invite_viewer', 'invite_viewer_no_comment', 'unshare', 'share_link', 'create_link', 'create_view_link', 'create_edit_link', 'set_access_inheritance'],
	editor: ['edit_contents', 'relinquish_membership', 'unmount', 'leave_a_copy', 'share_link', 'create_link', 'create_view_link', 'create_edit_link'],
	viewer: ['relinquish_membership', 'unmount', 'create_view_link'],
	viewer_no_comment: ['relinquish_membership', 'unmount', 'create_view_link'],
};

export function renderSharedFolder(
	store: FileStore,
	record: SharedFolderRecord,
	viewer: Account,
	owner: Account | undefined,
	actions: string[] = [],
): Record<string, unknown> {
	const membership = record.members.get(viewer.accountId);
	const access = membership?.access ?? 'viewer';
	const ownerTree = store.namespaces.get(record.namespaceId)?.tree;
	const ownFolder = ownerTree && placeIn(ownerTree, record);
	const home = store.home(viewer);
	const place = access === 'owner' ? ownFolder : placeIn(home.tree, record);
	const name = place?.located.node.name ?? ownFolder?.located.node.name ?? '';
	const metadata: Record<string, unknown> = {
		access_type: { '.tag': access },
		is_inside_team_folder: false,
		is_team_folder: false,
		owner_display_names: owner ? [owner.displayName] : [],
		name,
		policy: {
			member_policy: { '.tag': record.policy.member_policy },
			resolved_member_policy: { '.tag': record.policy.member_policy },
			acl_update_policy: { '.tag': record.policy.acl_update_policy },
			shared_link_policy: { '.tag': record.policy.shared_link_policy },
			viewer_info_policy: { '.tag': record.policy.viewer_info_policy },
		},
		preview_url: `https://www.dropbox.com/scl/fo/${createHash('sha256').update(record.namespaceId).digest('hex').slice(0, 21)}`,
		shared_folder_id: record.namespaceId,
		time_invited: dropboxTimestamp(membership?.invited ?? new Date()),
		access_inheritance: { '.tag': record.accessInheritance ?? 'inherit' },
		folder_id: record.folderId,
	};
	if (owner?.team) metadata.owner_team = { id: owner.team.teamId, name: owner.team.name };
	if (place) {
		const { path_lower, path_display } = renderMetadata(home, place.located);
		Object.assign(metadata, { path_lower, path_display });
	}
	if (actions.length > 0) {
		metadata.permissions = actions.map((action) => {
			const allow = ALLOWED_ACTIONS[access]?.includes(action) ?? false;
			return { action: { '.tag': action }, allow, ...(allow ? {} : { reason: { '.tag': 'permission_denied' } }) };
		});
	}
	return metadata;
}
