/** The sharing routes: shared links (links/) and folders shared between accounts (folders/). */
import type { HandlerMap } from '../contract';
import { guardSharedFolders } from './folders/delete-guard';
import { guardViewerWrites } from './folders/write-guard';
import { checkJobStatus, checkRemoveMemberJobStatus, checkShareJobStatus } from './folders/jobs';
import { addFolderMember, listFolderMembers, listFolderMembersContinue, relinquishFolderMembership, removeFolderMember, updateFolderMember } from './folders/members';
import { setAccessInheritance, updateFolderPolicy } from './folders/policy';
import { getFolderMetadata, listMountableFolders, listMountableFoldersContinue, mountFolder, shareFolder, unmountFolder, unshareFolder } from './folders/share';
import {
	createSharedLinkWithSettings,
	getSharedLinkFile,
	getSharedLinkMetadata,
	listSharedLinks,
	modifySharedLinkSettings,
	revokeSharedLink,
} from './links/routes';

export const sharingRouteHandlers: HandlerMap = {
	'sharing/create_shared_link_with_settings': createSharedLinkWithSettings,
	'sharing/list_shared_links': listSharedLinks,
	'sharing/modify_shared_link_settings': modifySharedLinkSettings,
	'sharing/revoke_shared_link': revokeSharedLink,
	'sharing/get_shared_link_metadata': getSharedLinkMetadata,
	'sharing/get_shared_link_file': getSharedLinkFile,
	'sharing/share_folder': shareFolder,
	'sharing/check_share_job_status': checkShareJobStatus,
	'sharing/unshare_folder': unshareFolder,
	'sharing/check_job_status': checkJobStatus,
	'sharing/get_folder_metadata': getFolderMetadata,
	'sharing/mount_folder': mountFolder,
	'sharing/unmount_folder': unmountFolder,
	'sharing/list_mountable_folders': listMountableFolders,
	'sharing/list_mountable_folders/continue': listMountableFoldersContinue,
	'sharing/add_folder_member': addFolderMember,
	'sharing/list_folder_members': listFolderMembers,
	'sharing/list_folder_members/continue': listFolderMembersContinue,
	'sharing/update_folder_member': updateFolderMember,
	'sharing/remove_folder_member': removeFolderMember,
	'sharing/check_remove_member_job_status': checkRemoveMemberJobStatus,
	'sharing/relinquish_folder_membership': relinquishFolderMembership,
	'sharing/update_folder_policy': updateFolderPolicy,
	'sharing/set_access_inheritance': setAccessInheritance,
};

/** File routes that must know about shared folders (a member's mount point, an owner's shared folder, viewers). */
export function withSharedFolderGuards(files: HandlerMap): HandlerMap {
	const deleteRoute = files['files/delete_v2'];
	const withDelete = deleteRoute ? { ...files, 'files/delete_v2': guardSharedFolders(deleteRoute) } : files;
	return guardViewerWrites(withDelete);
}
