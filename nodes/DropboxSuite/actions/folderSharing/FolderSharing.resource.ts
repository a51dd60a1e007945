import { defineResource } from '../resource';
import { addMember } from './addMember.operation';
import { listFolders } from './listFolders.operation';
import { listMembers } from './listMembers.operation';
import { mount } from './mount.operation';
import { removeMember } from './removeMember.operation';
import { share } from './share.operation';
import { unmount } from './unmount.operation';
import { unshare } from './unshare.operation';
import { updateMember } from './updateMember.operation';

export const folderSharing = defineResource({
	value: 'folderSharing',
	name: 'Folder Sharing',
	operations: [share, addMember, listMembers, updateMember, removeMember, unshare, listFolders, mount, unmount],
	defaultOperation: 'listFolders',
});
