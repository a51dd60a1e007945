/**
 * Where a shared folder appears: in its owner's tree (the folder itself) and in each member's tree that
 * mounted it (a mount point: a folder node of the member's own, with the member's name for it, holding
 * the very same children map). Reading and writing through either path reaches the same files.
 *
 * Each tree keeps its own change journal, so a change under one place is also written into the journals
 * of the other places (and their long-polls woken): a member's cursor sees what the owner wrote and the
 * other way round.
 */
import type { Account } from '../../contract';
import { lowerName } from '../../files/paths';
import type { FileStore } from '../../files/store/file-store';
import { newFileId } from '../../files/store/ids';
import type { Journal } from '../../files/store/journal';
import { keyOf } from '../../files/store/keys';
import { type FolderNode, type Located, type Tree, type TreeNode, filesOf } from '../../files/store/tree';
import { freeName } from '../../files/store/write-file';
import { type SharedFolderRecord, sharedFolders } from './folder-store';

interface Place {
	tree: Tree;
	located: Located<FolderNode>;
}

/** The shared folder's place in a tree: the node carrying its id and its children map. */
export function placeIn(tree: Tree, record: SharedFolderRecord): Place | undefined {
	const found = tree.findById(record.folderId);
	if (!found || found.node.kind !== 'folder' || found.node.children !== record.children) return undefined;
	return { tree, located: found as Located<FolderNode> };
}

/**
 * The owner's folder and every mount point. The folder's namespace is pointed at where the owner's folder
 * now is, so that `ns:` paths follow a move or rename of it (every change under it comes through here).
 */
function placesOf(store: FileStore, record: SharedFolderRecord): Place[] {
	const trees = new Set<Tree>();
	const namespace = store.namespaces.get(record.namespaceId);
	const ownerPlace = namespace && placeIn(namespace.tree, record);
	if (namespace && ownerPlace) namespace.prefix = ownerPlace.located.names;
	if (namespace) trees.add(namespace.tree);
	for (const tree of mountTreesOf.get(record)?.values() ?? []) trees.add(tree);
	return [...trees].flatMap((tree) => (tree === namespace?.tree ? (ownerPlace ?? []) : (placeIn(tree, record) ?? [])));
}

/** Per shared folder: member account id → the member's tree holding its mount point. */
const mountTreesOf = new WeakMap<SharedFolderRecord, Map<string, Tree>>();

export class InsufficientQuota extends Error {
	constructor(readonly amounts: { space_needed: number; space_shortage: number; space_left: number }) {
		super('insufficient_quota');
	}
}

/** Puts the shared folder at the top of the member's Dropbox, under a free name ("Plans (1)" if taken). */
export function mount(store: FileStore, record: SharedFolderRecord, member: Account, name: string): Located<FolderNode> {
	const home = store.home(member);
	const root = home.tree.walk(home.prefix).found as Located<FolderNode>;
	const needed = bytesUnder(record);
	const left = Math.max(0, home.tree.quotaBytes - home.tree.usedBytes);
	if (needed > left) throw new InsufficientQuota({ space_needed: needed, space_shortage: needed - left, space_left: left });
	const mountName = root.node.children.has(lowerName(name)) ? freeName(root.node, name, 'numbered', false) : name;
	const point: FolderNode = { kind: 'folder', id: record.folderId, name: mountName, children: record.children };
	root.node.children.set(lowerName(mountName), point);
	const located = { node: point, names: [...root.names, mountName] };
	watchJournal(store, home.tree);
	const trees = mountTreesOf.get(record) ?? new Map<string, Tree>();
	trees.set(member.accountId, home.tree);
	mountTreesOf.set(record, trees);
	quietly(() => store.recordSubtree(home.tree, located));
	store.emitChange(home.tree);
	return located;
}

/**
 * After a restart the member's tree holds a plain copy where the mount point was (a snapshot saves every
 * tree's nodes): the copy is let go and the mount point put back in its place, with the same name.
 */
export function remount(store: FileStore, record: SharedFolderRecord, member: Account): void {
	const tree = store.home(member).tree;
	const copy = tree.findById(record.folderId);
	const parent = copy && tree.walk(copy.names.slice(0, -1)).found;
	if (!copy || copy.node.kind !== 'folder' || parent?.node.kind !== 'folder') return;
	for (const file of filesOf(copy)) {
		store.blobs.release(file.blob);
		tree.usedBytes -= file.size;
	}
	const point: FolderNode = { kind: 'folder', id: record.folderId, name: copy.node.name, children: record.children };
	parent.node.children.set(lowerName(point.name), point);
	watchJournal(store, tree);
	const trees = mountTreesOf.get(record) ?? new Map<string, Tree>();
	trees.set(member.accountId, tree);
	mountTreesOf.set(record, trees);
}

export function mountedMembers(record: SharedFolderRecord): string[] {
	return [...(mountTreesOf.get(record)?.keys() ?? [])];
}

/** Takes the mount point out of the member's Dropbox; with `leaveCopy`, a copy of the files stays there. */
export function unmount(store: FileStore, record: SharedFolderRecord, member: Account, leaveCopy: boolean): void {
	const tree = mountTreesOf.get(record)?.get(member.accountId);
	mountTreesOf.get(record)?.delete(member.accountId);
	const place = tree && placeIn(tree, record);
	if (!tree || !place) return;
	const parent = tree.walk(place.located.names.slice(0, -1)).found;
	if (parent?.node.kind !== 'folder') return;
	const name = place.located.node.name;
	parent.node.children.delete(lowerName(name));
	quietly(() => store.recordRemoved(tree, place.located));
	if (leaveCopy) {
		const copy = copyOf(store, tree, place.located.node) as FolderNode;
		copy.name = name;
		parent.node.children.set(lowerName(name), copy);
		quietly(() => store.recordSubtree(tree, { node: copy, names: place.located.names }));
	}
	store.emitChange(tree);
}

/** A copy with new ids, holding the same blobs (each held once more) and counted in the tree's usage. */
function copyOf(store: FileStore, tree: Tree, node: TreeNode): TreeNode {
	if (node.kind === 'file') {
		store.blobs.retain(node.blob);
		tree.usedBytes += node.size;
		return { ...node, id: newFileId() };
	}
	const children = new Map<string, TreeNode>();
	for (const [key, child] of node.children) children.set(key, copyOf(store, tree, child));
	return { kind: 'folder', id: newFileId(), name: node.name, children };
}

/** Drops every mount of a folder no longer shared. */
export function unmountAll(store: FileStore, record: SharedFolderRecord, accounts: (id: string) => Account | undefined, leaveCopy: boolean): void {
	for (const accountId of [...(mountTreesOf.get(record)?.keys() ?? [])]) {
		const member = accounts(accountId);
		if (member) unmount(store, record, member, leaveCopy);
	}
}

export function isMounted(record: SharedFolderRecord, accountId: string): boolean {
	return mountTreesOf.get(record)?.has(accountId) ?? false;
}

/** The bytes a mounted folder holds (what a member's quota would have to take). */
export function bytesUnder(record: SharedFolderRecord): number {
	return [...record.children.values()].reduce((sum, child) => sum + filesOf({ node: child, names: [] }).reduce((s, f) => s + f.size, 0), 0);
}

// ---- the journals of every place hear of a change under any place ----

const watched = new WeakSet<Journal>();
let mirroring = false;

function quietly(action: () => void): void {
	const before = mirroring;
	mirroring = true;
	try {
		action();
	} finally {
		mirroring = before;
	}
}

export function watchJournal(store: FileStore, tree: Tree): void {
	const journal = tree.journal;
	if (watched.has(journal)) return;
	watched.add(journal);
	const record = journal.record.bind(journal);
	journal.record = (lower: string, display: string, deleted: boolean): void => {
		record(lower, display, deleted);
		if (!mirroring) quietly(() => mirror(store, tree, lower, display, deleted));
	};
}

function mirror(store: FileStore, tree: Tree, lower: string, display: string, deleted: boolean): void {
	for (const folder of sharedFolders.of(store).all()) {
		const places = placesOf(store, folder);
		const here = places.find((place) => place.tree === tree && lower.startsWith(keyOf(place.located.names) + '/'));
		if (!here) continue;
		const inside = display.split('/').slice(here.located.names.length + 1);
		for (const there of places) {
			if (there === here) continue;
			const names = [...there.located.names, ...inside];
			const key = keyOf(names);
			if (deleted) there.tree.deleted.set(key, '/' + names.join('/'));
			else there.tree.deleted.delete(key);
			there.tree.journal.record(key, '/' + names.join('/'), deleted);
			store.emitChange(there.tree);
		}
	}
}
