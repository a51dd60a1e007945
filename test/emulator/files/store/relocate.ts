/** files/copy_v2 and files/move_v2 (RelocationError of files.stone). */
import { LookupFailure, type Tagged, WriteRejected, conflict } from '../errors';
import { isDisallowedName, lowerName } from '../paths';
import { type FileStore, type Target, childOf } from './file-store';
import { dropboxTimestamp, newFileId } from './ids';
import { keyOf } from './keys';
import { type FolderNode, type Located, type TreeNode, countNodes, filesOf } from './tree';
import { freeName } from './write-file';

/** A relocation refused with a RelocationError member other than from_lookup / from_write / to. */
export class RelocationRefused extends Error {
	constructor(readonly error: Tagged) {
		super(error['.tag']);
	}
}

/** Failures of the destination are WriteRejected wrapped as `to`; of the source, LookupFailure as `from_lookup`. */
export class DestinationRejected extends Error {
	constructor(readonly cause: WriteRejected) {
		super(cause.message);
	}
}

export interface RelocateOptions {
	copy: boolean;
	autorename: boolean;
	/** More files and folders than this (the item itself counted) is `too_many_files`. */
	entryLimit?: number;
	/** A copy into another tree (another account's: `copy_reference/save`); moves never cross trees. */
	acrossTrees?: boolean;
}

export function relocate(store: FileStore, from: Target, to: Target, options: RelocateOptions): Located {
	const source = from.tree.walk(from.abs).found;
	if (!source) throw new LookupFailure('not_found');
	if (from.abs.length <= from.view.prefix.length) throw new LookupFailure('malformed_path');
	if (to.abs.length <= to.view.prefix.length) throw new DestinationRejected(new WriteRejected({ '.tag': 'malformed_path' }));
	const sameTree = from.tree === to.tree;
	if (!sameTree && !(options.copy && options.acrossTrees)) throw new DestinationRejected(new WriteRejected({ '.tag': 'no_write_permission' }));
	const tree = to.tree;

	// Keys of different trees never collide: another tree's path is neither the same nor nested.
	const fromKey = sameTree ? keyOf(from.abs) : '\0';
	const toKey = keyOf(to.abs);
	const caseOnlyRename = fromKey === toKey && !options.copy && source.names[source.names.length - 1] !== to.abs[to.abs.length - 1];
	if (fromKey === toKey && !caseOnlyRename) throw new RelocationRefused({ '.tag': 'duplicated_or_nested_paths' });
	if (toKey.startsWith(fromKey + '/')) {
		throw new RelocationRefused({ '.tag': options.copy ? 'duplicated_or_nested_paths' : 'cant_move_folder_into_itself' });
	}

	if (countNodes(source.node) > (options.entryLimit ?? Number.POSITIVE_INFINITY)) throw new RelocationRefused({ '.tag': 'too_many_files' });

	const parentPath = to.abs.slice(0, -1);
	let name = to.abs[to.abs.length - 1];
	if (isDisallowedName(name)) throw new DestinationRejected(new WriteRejected({ '.tag': 'disallowed_name' }));
	const parentWalk = tree.walk(parentPath);
	if (parentWalk.blocker === 'file' || parentWalk.found?.node.kind === 'file') {
		throw new DestinationRejected(new WriteRejected(conflict('file_ancestor')));
	}
	const parent = parentWalk.found?.node.kind === 'folder' ? parentWalk.found.node : undefined;
	const existing = parent && !caseOnlyRename ? childOf(parent, name) : undefined;
	if (existing) {
		if (!options.autorename) throw new DestinationRejected(new WriteRejected(conflict(existing.kind)));
		name = freeName(parent, name, 'numbered', source.node.kind === 'file');
	}

	if (options.copy) {
		const bytes = store.bytesOf(source);
		if (tree.usedBytes + bytes > tree.quotaBytes) throw new RelocationRefused({ '.tag': 'insufficient_quota' });
	}

	let node: TreeNode;
	if (options.copy) {
		node = cloneSubtree(store, source.node, name);
		tree.usedBytes += store.bytesOf({ node, names: [] });
	} else {
		const sourceParent = tree.walk(from.abs.slice(0, -1)).found!.node as FolderNode;
		sourceParent.children.delete(lowerName(source.node.name));
		store.recordRemoved(tree, source);
		node = source.node;
		node.name = name;
		// A moved file is a new revision of the same file (same id).
		for (const file of filesOf({ node, names: [] })) file.rev = store.revisions.next();
	}
	const folder = store.ensureFolders(tree, parentPath);
	folder.node.children.set(lowerName(name), node);
	const placed: Located = { node, names: [...folder.names, name] };
	store.recordSubtree(tree, placed);
	store.emitChange(tree);
	return placed;
}

function cloneSubtree(store: FileStore, node: TreeNode, name: string): TreeNode {
	if (node.kind === 'file') {
		const now = dropboxTimestamp();
		const copy = store.newFileNode(name, { file: node.blob, size: node.size, contentHash: node.contentHash }, node.clientModified, now);
		if (node.paperRevision !== undefined) copy.paperRevision = node.paperRevision;
		return copy;
	}
	const folder: FolderNode = { kind: 'folder', id: newFileId(), name, children: new Map() };
	for (const [key, child] of node.children) folder.children.set(key, cloneSubtree(store, child, child.name));
	return folder;
}
