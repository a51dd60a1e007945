/**
 * Folders shared between accounts: who owns each, who is a member (with what access, mounted or not), who
 * is invited by email. A shared folder is known by its namespace id (`shared_folder_id`) and by the
 * children map of its folder node, which the owner's folder and every member's mount point hold in common.
 */
import type { FolderNode, TreeNode } from '../../files/store/tree';
import { storeScoped } from '../store-scoped';

export type Access = 'owner' | 'editor' | 'viewer' | 'viewer_no_comment';

export interface Membership {
	access: Access;
	invited: Date;
}

export interface Policy {
	acl_update_policy: string;
	member_policy: string;
	shared_link_policy: string;
	viewer_info_policy: string;
}

export interface SharedFolderRecord {
	namespaceId: string;
	ownerId: string;
	/** The id of the shared folder's node; each member's mount point carries it too. */
	folderId: string;
	children: Map<string, TreeNode>;
	members: Map<string, Membership>;
	/** Invited email addresses that are no Dropbox account's, with the access they will have. */
	invitees: Map<string, { access: Access; invited: Date }>;
	policy: Policy;
	/** `inherit` (the default) or `no_inherit`: whether members of a parent folder get access (set_access_inheritance). */
	accessInheritance?: 'inherit' | 'no_inherit';
}

export class SharedFolderTable {
	private readonly byNamespace = new Map<string, SharedFolderRecord>();
	private readonly byChildren = new WeakMap<Map<string, TreeNode>, SharedFolderRecord>();

	add(record: SharedFolderRecord): void {
		this.byNamespace.set(record.namespaceId, record);
		this.byChildren.set(record.children, record);
	}

	get(namespaceId: string): SharedFolderRecord | undefined {
		return this.byNamespace.get(namespaceId);
	}

	/** The shared folder a folder node is (the owner's folder or a mount point), if any. */
	ofNode(node: TreeNode): SharedFolderRecord | undefined {
		return node.kind === 'folder' ? this.byChildren.get((node as FolderNode).children) : undefined;
	}

	remove(record: SharedFolderRecord): void {
		this.byNamespace.delete(record.namespaceId);
		this.byChildren.delete(record.children);
	}

	all(): SharedFolderRecord[] {
		return [...this.byNamespace.values()];
	}

	/** The folders an account owns or is a member of. */
	of(accountId: string): SharedFolderRecord[] {
		return this.all().filter((record) => record.members.has(accountId));
	}
}

export const sharedFolders = storeScoped(() => new SharedFolderTable());
