/**
 * Sharing a folder and its life as a shared folder: share_folder, unshare_folder, get_folder_metadata,
 * mount_folder, unmount_folder, list_mountable_folders (+ /continue).
 */
import type { Account, HandlerContext, HandlerResult } from '../../contract';
import { callerView, storeOf } from '../../files/context';
import { LookupFailure, WriteRejected, json, routeError } from '../../files/errors';
import { createFolder } from '../../files/store/create-folder';
import type { FileStore } from '../../files/store/file-store';
import { type FolderNode, type Located, type Tree, preOrder } from '../../files/store/tree';
import { decodeCursor, encodeCursor } from '../../paging/opaque-cursor';
import { teamFolderMetadata } from '../../files/shared-folders';
import { accessError, claimInvitations, folderAccess, ownerOf } from './access';
import { type SharedFolderRecord, sharedFolders } from './folder-store';
import { launchJob } from './jobs';
import { InsufficientQuota, isMounted, mount, unmount, unmountAll, watchJournal } from './mounts';
import { renderSharedFolder } from './render-folder';

type Tag = { '.tag': string };

interface ShareFolderArg {
	path: string;
	force_async: boolean;
	acl_update_policy?: Tag;
	member_policy?: Tag;
	shared_link_policy?: Tag;
	viewer_info_policy?: Tag;
	actions?: Tag[];
}

const badPath = (tag: string, value?: Record<string, unknown>) =>
	routeError({ '.tag': 'bad_path', bad_path: { '.tag': tag, ...(value ? { [tag]: value } : {}) } });

export async function shareFolder(ctx: HandlerContext): Promise<HandlerResult> {
	const { store, account, view } = callerView(ctx);
	const arg = ctx.arg as ShareFolderArg;
	const folder = folderToShare(ctx, arg.path);
	const table = sharedFolders.of(store);
	const already = table.ofNode(folder.located.node);
	if (already) throw badPath('already_shared', renderSharedFolder(store, already, account, ownerOf(ctx, already)));
	for (let depth = view.prefix.length; depth < folder.located.names.length; depth++) {
		const above = folder.tree.walk(folder.located.names.slice(0, depth)).found;
		if (above && table.ofNode(above.node)) throw badPath('inside_shared_folder');
	}
	for (const { node } of preOrder(folder.located)) if (node !== folder.located.node && table.ofNode(node)) throw badPath('contains_shared_folder');

	const namespace = store.namespaces.shareFolder(folder.tree, folder.located.names, account.accountId);
	const record: SharedFolderRecord = {
		namespaceId: namespace.id,
		ownerId: account.accountId,
		folderId: folder.located.node.id,
		children: folder.located.node.children,
		members: new Map([[account.accountId, { access: 'owner', invited: new Date() }]]),
		invitees: new Map(),
		policy: {
			acl_update_policy: arg.acl_update_policy?.['.tag'] ?? 'owner',
			member_policy: arg.member_policy?.['.tag'] ?? 'anyone',
			shared_link_policy: arg.shared_link_policy?.['.tag'] ?? 'anyone',
			viewer_info_policy: arg.viewer_info_policy?.['.tag'] ?? 'enabled',
		},
	};
	table.add(record);
	watchJournal(store, folder.tree);
	const metadata = renderSharedFolder(store, record, account, account, tagsOf(arg.actions));
	if (arg.force_async) return launchJob(ctx, 'share', { ok: true, value: metadata });
	return json({ '.tag': 'complete', ...metadata });
}

/** The folder at the path, made if nothing is there (share_folder's path "does not exist": a new folder). */
function folderToShare(ctx: HandlerContext, path: string): { tree: Tree; located: Located<FolderNode> } {
	const { store, account, view } = callerView(ctx);
	try {
		const target = store.resolve(view, path, account);
		if (target.abs.length <= target.view.prefix.length) throw badPath('invalid_path');
		const found = store.locate(target) ?? createFolder(store, target, false);
		if (found.node.kind !== 'folder') throw badPath('is_file');
		return { tree: target.tree, located: found as Located<FolderNode> };
	} catch (error) {
		if (error instanceof LookupFailure || error instanceof WriteRejected) throw badPath('invalid_path');
		throw error;
	}
}

export async function unshareFolder(ctx: HandlerContext): Promise<HandlerResult> {
	const arg = ctx.arg as { shared_folder_id: string; leave_a_copy: boolean };
	const { store, membership, record } = folderAccess(ctx, arg.shared_folder_id, 'access_error');
	if (membership.access !== 'owner') throw routeError({ '.tag': 'no_permission' });
	endSharing(ctx, store, record, arg.leave_a_copy);
	return launchJob(ctx, 'unshare', { ok: true });
}

/** The folder stops being shared: members lose their mount points (or keep a copy), its namespace is gone. */
export function endSharing(ctx: HandlerContext, store: FileStore, record: SharedFolderRecord, leaveCopy: boolean): void {
	unmountAll(store, record, (id) => ctx.emulator.accounts.byId(id), leaveCopy);
	store.namespaces.unshareFolder(record.namespaceId);
	sharedFolders.of(store).remove(record);
}

export async function getFolderMetadata(ctx: HandlerContext): Promise<HandlerResult> {
	const arg = ctx.arg as { shared_folder_id: string; actions?: Tag[] };
	const teamFolder = teamFolderMetadata(storeOf(ctx), ctx.account!, arg.shared_folder_id, tagsOf(arg.actions));
	if (teamFolder) return json(teamFolder);
	const { store, account, record } = folderAccess(ctx, arg.shared_folder_id, undefined);
	return json(renderSharedFolder(store, record, account, ownerOf(ctx, record), tagsOf(arg.actions)));
}

export async function mountFolder(ctx: HandlerContext): Promise<HandlerResult> {
	const { shared_folder_id: id } = ctx.arg as { shared_folder_id: string };
	const { store, account, record, membership } = folderAccess(ctx, id, 'access_error');
	if (membership.access === 'owner' || isMounted(record, account.accountId)) throw routeError({ '.tag': 'already_mounted' });
	const ownerTree = store.namespaces.get(record.namespaceId)?.tree;
	const name = (ownerTree?.findById(record.folderId)?.node.name ?? 'Shared folder') as string;
	try {
		mount(store, record, account, name);
	} catch (error) {
		if (error instanceof InsufficientQuota) throw routeError({ '.tag': 'insufficient_quota', ...error.amounts });
		throw error;
	}
	return json(renderSharedFolder(store, record, account, ownerOf(ctx, record)));
}

export async function unmountFolder(ctx: HandlerContext): Promise<HandlerResult> {
	const { shared_folder_id: id } = ctx.arg as { shared_folder_id: string };
	const { store, account, record, membership } = folderAccess(ctx, id, 'access_error');
	if (membership.access === 'owner') throw routeError({ '.tag': 'not_unmountable' });
	if (!isMounted(record, account.accountId)) throw accessError('access_error', 'unmounted');
	unmount(store, record, account, false);
	return json(null);
}

interface MountableCursor {
	account: string;
	offset: number;
	limit: number;
	actions: string[];
}

const MOUNTABLE_PREFIX = 'AAF';

export async function listMountableFolders(ctx: HandlerContext): Promise<HandlerResult> {
	const arg = ctx.arg as { limit?: number; actions?: Tag[] };
	return json(mountablePage(ctx, { account: ctx.account!.accountId, offset: 0, limit: arg.limit ?? 1000, actions: tagsOf(arg.actions) }));
}

export async function listMountableFoldersContinue(ctx: HandlerContext): Promise<HandlerResult> {
	const cursor = decodeCursor<MountableCursor>(
		MOUNTABLE_PREFIX,
		(ctx.arg as { cursor: string }).cursor,
		(value) => typeof value.account === 'string' && Number.isInteger(value.offset) && Number.isInteger(value.limit) && Array.isArray(value.actions),
	);
	if (!cursor || cursor.account !== ctx.account?.accountId) throw routeError({ '.tag': 'invalid_cursor' });
	return json(mountablePage(ctx, cursor));
}

/** The folders shared with the caller by others, mounted or not (what the caller can mount or unmount). */
function mountablePage(ctx: HandlerContext, cursor: MountableCursor): Record<string, unknown> {
	const store = storeOf(ctx);
	const account = ctx.account as Account;
	claimInvitations(store, account);
	const records = sharedFolders
		.of(store)
		.of(account.accountId)
		.filter((record) => record.ownerId !== account.accountId);
	const end = cursor.offset + cursor.limit;
	const entries = records.slice(cursor.offset, end).map((record) => renderSharedFolder(store, record, account, ownerOf(ctx, record), cursor.actions));
	return end < records.length ? { entries, cursor: encodeCursor(MOUNTABLE_PREFIX, { ...cursor, offset: end }) } : { entries };
}

export function tagsOf(values: Array<string | Tag> | undefined): string[] {
	return (values ?? []).map((value) => (typeof value === 'string' ? value : value['.tag']));
}
