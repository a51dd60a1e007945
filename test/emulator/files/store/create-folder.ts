/** files/create_folder_v2: a folder (and any missing parents); conflicts per WriteError. */
import { WriteRejected, conflict } from '../errors';
import { isDisallowedName, lowerName } from '../paths';
import { type FileStore, type Target, childOf } from './file-store';
import { newFileId } from './ids';
import { type FolderNode, type Located, newFolder } from './tree';
import { freeName } from './write-file';

export function createFolder(store: FileStore, target: Target, autorename: boolean): Located<FolderNode> {
	const { tree, abs } = target;
	if (abs.length <= target.view.prefix.length) throw new WriteRejected({ '.tag': 'malformed_path' });
	const parentPath = abs.slice(0, -1);
	let name = abs[abs.length - 1];
	if (isDisallowedName(name)) throw new WriteRejected({ '.tag': 'disallowed_name' });

	const parentWalk = tree.walk(parentPath);
	if (parentWalk.blocker === 'file' || parentWalk.found?.node.kind === 'file') throw new WriteRejected(conflict('file_ancestor'));
	const parent = parentWalk.found?.node.kind === 'folder' ? parentWalk.found.node : undefined;
	const existing = parent ? childOf(parent, name) : undefined;
	if (existing) {
		if (!autorename) throw new WriteRejected(conflict(existing.kind));
		name = freeName(parent, name, 'numbered', false);
	}

	const folder = store.ensureFolders(tree, parentPath);
	const created = newFolder(newFileId(), name);
	folder.node.children.set(lowerName(name), created);
	const names = [...folder.names, name];
	store.recordPresent(tree, names);
	store.emitChange(tree);
	return { node: created, names };
}
