/** files/delete_v2: removes a file or a whole folder; returns what was there. */
import { LookupFailure, WriteRejected, conflict } from '../errors';
import { lowerName } from '../paths';
import type { FileStore, Target } from './file-store';
import { type Located, countNodes, filesOf } from './tree';

/** DeleteError.too_many_files: the folder holds more files and folders than the limit in force. */
export class TooManyFiles extends Error {}

export function removeNode(store: FileStore, target: Target, parentRev?: string, entryLimit = Number.POSITIVE_INFINITY): Located {
	const { tree, abs } = target;
	// A namespace's own root (the tree root, a member folder) is not deletable through the API.
	if (abs.length <= target.view.prefix.length) throw new WriteRejected({ '.tag': 'malformed_path' });
	const found = tree.walk(abs).found;
	if (!found) throw new LookupFailure('not_found');
	if (parentRev !== undefined && (found.node.kind !== 'file' || found.node.rev !== parentRev)) {
		throw new WriteRejected(conflict(found.node.kind));
	}
	if (countNodes(found.node) > entryLimit) throw new TooManyFiles();
	const parent = tree.walk(abs.slice(0, -1)).found!;
	if (parent.node.kind !== 'folder') throw new LookupFailure('not_found');
	parent.node.children.delete(lowerName(found.node.name));
	for (const file of filesOf(found)) {
		tree.usedBytes -= file.size;
		store.blobs.release(file.blob);
	}
	store.recordRemoved(tree, found);
	store.emitChange(tree);
	return found;
}
