/**
 * Committing a file (files/upload, upload_session/finish*, admin seeding), following WriteMode
 * (files.stone): add / overwrite / update(rev), autorename, strict_conflict, quota.
 */
import { WriteRejected, conflict } from '../errors';
import { isDisallowedName, lowerName, withNameSuffix } from '../paths';
import type { StoredBlob } from './blobs';
import { type FileStore, type Target, childOf } from './file-store';
import { dropboxTimestamp } from './ids';
import type { FileNode, Located } from './tree';

export type WriteMode = { kind: 'add' } | { kind: 'overwrite' } | { kind: 'update'; rev: string };

export interface CommitOptions {
	mode: WriteMode;
	autorename: boolean;
	strictConflict: boolean;
	clientModified?: string;
	/** Admin seeding is not held to the quota. */
	ignoreQuota?: boolean;
	/** A new file (nothing replaced) takes this id if no file holds it (a restored revision's). */
	preferredId?: string;
	/** A Paper doc's revision (files/paper/*), kept on the file node. */
	paperRevision?: number;
}

/** Reads WriteMode in either wire form: "add" or {".tag": "update", "update": "<rev>"}. */
export function parseWriteMode(value: unknown): WriteMode {
	if (value === undefined || value === null) return { kind: 'add' };
	const tag = typeof value === 'string' ? value : (value as { '.tag'?: string })['.tag'];
	if (tag === 'overwrite') return { kind: 'overwrite' };
	if (tag === 'update') return { kind: 'update', rev: String((value as { update?: unknown }).update ?? '') };
	return { kind: 'add' };
}

/**
 * Writes `blob` at `target`. Takes ownership of the blob: kept by the new file, or removed unless something else (an upload session) holds it.
 * Returns the file now at the path (the existing one when the content is identical).
 */
export function commitFile(store: FileStore, target: Target, blob: StoredBlob, options: CommitOptions): Located<FileNode> {
	try {
		return place(store, target, blob, options);
	} finally {
		store.blobs.discardIfUnused(blob.file);
	}
}

function place(store: FileStore, target: Target, blob: StoredBlob, options: CommitOptions): Located<FileNode> {
	const { tree, abs } = target;
	if (abs.length <= target.view.prefix.length) throw new WriteRejected({ '.tag': 'malformed_path' });
	const parentPath = abs.slice(0, -1);
	let name = abs[abs.length - 1];
	if (isDisallowedName(name)) throw new WriteRejected({ '.tag': 'disallowed_name' });

	const parentWalk = tree.walk(parentPath);
	if (parentWalk.blocker === 'file' || (parentWalk.found && parentWalk.found.node.kind === 'file')) {
		throw new WriteRejected(conflict('file_ancestor'));
	}
	const parent = parentWalk.found?.node.kind === 'folder' ? parentWalk.found.node : undefined;
	const existing = parent ? childOf(parent, name) : undefined;

	let replaced: FileNode | undefined;
	const { mode, strictConflict } = options;
	let conflictWith: 'file' | 'folder' | undefined;
	if (!existing) {
		if (mode.kind === 'update' && strictConflict) conflictWith = 'file';
	} else if (existing.kind === 'folder') {
		conflictWith = 'folder';
	} else if (existing.contentHash === blob.contentHash && existing.size === blob.size && !strictConflict) {
		// WriteMode (c): identical contents are not written again.
		return { node: existing, names: [...(parentWalk.found?.names ?? []), existing.name] };
	} else if (mode.kind === 'overwrite' || (mode.kind === 'update' && mode.rev === existing.rev)) {
		replaced = existing;
	} else {
		conflictWith = 'file';
	}

	if (conflictWith) {
		if (!options.autorename) throw new WriteRejected(conflict(conflictWith));
		name = freeName(parent, name, mode.kind === 'update' ? 'conflicted copy' : 'numbered');
	}

	const growth = blob.size - (replaced?.size ?? 0);
	if (!options.ignoreQuota && growth > 0 && tree.usedBytes + growth > tree.quotaBytes) {
		throw new WriteRejected({ '.tag': 'insufficient_space' });
	}

	const folder = store.ensureFolders(tree, parentPath);
	const now = dropboxTimestamp();
	const node = store.newFileNode(replaced?.name ?? name, blob, options.clientModified ?? now, now);
	if (replaced) {
		node.id = replaced.id;
		store.blobs.release(replaced.blob);
	} else if (options.preferredId && !tree.findById(options.preferredId)) {
		node.id = options.preferredId;
	}
	if (options.paperRevision !== undefined) node.paperRevision = options.paperRevision;
	folder.node.children.set(lowerName(node.name), node);
	tree.usedBytes += growth;
	const names = [...folder.names, node.name];
	store.recordPresent(tree, names);
	store.emitChange(tree);
	return { node, names };
}

/** "a.txt" → "a (1).txt", "a (2).txt"… or "a (conflicted copy).txt", "a (conflicted copy 1).txt"… */
export function freeName(parent: { children: Map<string, unknown> } | undefined, name: string, style: 'numbered' | 'conflicted copy', isFile = true): string {
	for (let n = 1; ; n++) {
		const suffix = style === 'numbered' ? ` (${n})` : n === 1 ? ' (conflicted copy)' : ` (conflicted copy ${n - 1})`;
		const candidate = withNameSuffix(name, suffix, isFile);
		if (!parent || !parent.children.has(lowerName(candidate))) return candidate;
	}
}
