/**
 * The stored tree as plain JSON, so that it survives a restart with the same data directory: every
 * folder and file with its id, rev, content hash and times, and the namespaces that view the trees.
 * Blobs stay where they are on disk; a snapshot names them relative to the blob directory.
 *
 * Kept too: every file's revisions (store/revisions.ts) whose content is on disk, and each tree's change journal
 * (its latest changes, store/journal.ts) with the store epoch and the cursor generations, so that cursors from
 * before a restart go on where they were: a trigger and the emulator can each restart without losing a change.
 * Not kept: upload sessions and batch jobs.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FileStore } from './file-store';
import type { JournalSnapshot } from './journal';
import { type FileNode, type FolderNode, type Located, type TreeNode, Tree, newFolder, preOrder } from './tree';
import { lowerName } from '../paths';

type FileSnapshot = Omit<FileNode, 'blob'> & { blob: string };
type FolderSnapshot = { kind: 'folder'; id: string; name: string; children: NodeSnapshot[] };
type NodeSnapshot = FileSnapshot | FolderSnapshot;
/** A kept revision (store/revisions.ts): the file as it was and its absolute names then. */
type RevisionSnapshot = { node: FileSnapshot; names: string[] };

export interface FilesSnapshot {
	trees: Array<{
		quotaBytes: number;
		children: NodeSnapshot[];
		revisions?: RevisionSnapshot[];
		goneAt?: Array<[string, string]>;
		journal?: JournalSnapshot;
	}>;
	namespaces: Array<{ id: string; tree: number; prefix: string[]; created: string; teamFolderKey?: string }>;
	/** The store epoch cursors carry; absent in snapshots from before journals were kept (their cursors reset). */
	epoch?: string;
	/** Cursor generations other than 0, by namespace ID. */
	cursorGenerations?: Array<[string, number]>;
}

export function snapshotFiles(store: FileStore): FilesSnapshot {
	const records = store.namespaces.list();
	const trees: Tree[] = [];
	for (const { namespace } of records) if (!trees.includes(namespace.tree)) trees.push(namespace.tree);
	return {
		trees: trees.map((tree) => ({
			quotaBytes: tree.quotaBytes,
			children: childrenOf(tree.root),
			...revisionsOf(store, tree),
			journal: tree.journal.snapshot(),
		})),
		namespaces: records.map(({ namespace, created, teamFolderKey }) => ({
			id: namespace.id,
			tree: trees.indexOf(namespace.tree),
			prefix: [...namespace.prefix],
			created: created.toISOString(),
			...(teamFolderKey === undefined ? {} : { teamFolderKey }),
		})),
		epoch: store.epoch,
		cursorGenerations: records
			.map(({ namespace }): [string, number] => [namespace.id, store.cursorGeneration(namespace.id)])
			.filter(([, generation]) => generation !== 0),
	};
}

/**
 * Fills an empty store from a snapshot. A file whose blob is gone from disk (the process died between
 * a delete and the next save) is left out rather than served with no content.
 */
export function restoreFiles(store: FileStore, snapshot: FilesSnapshot): void {
	const trees = snapshot.trees.map((saved) => {
		const tree = new Tree(saved.quotaBytes);
		for (const child of saved.children) {
			const node = restoreNode(store, tree, child);
			if (node) tree.root.children.set(lowerName(node.name), node);
		}
		restoreRevisions(store, tree, saved);
		if (saved.journal) tree.journal.restore(saved.journal);
		return tree;
	});
	// Without kept journals, the fresh epoch makes cursors from before the restart answer `reset`.
	if (snapshot.epoch !== undefined && snapshot.trees.every((saved) => saved.journal !== undefined)) {
		store.epoch = snapshot.epoch;
		for (const [namespaceId, generation] of snapshot.cursorGenerations ?? []) store.restoreCursorGeneration(namespaceId, generation);
	}
	for (const saved of snapshot.namespaces) {
		const namespace = { id: saved.id, tree: trees[saved.tree], prefix: saved.prefix };
		store.namespaces.restore({ namespace, created: new Date(saved.created), teamFolderKey: saved.teamFolderKey });
	}
}

function revisionsOf(store: FileStore, tree: Tree): { revisions: RevisionSnapshot[]; goneAt: Array<[string, string]> } {
	const { revisions, goneAt } = store.history(tree).all();
	return { revisions: revisions.map(({ node, names }) => ({ node: { ...node, blob: basename(node.blob) }, names })), goneAt };
}

/** Kept revisions whose content is still on disk; then every current file (a snapshot from before revisions were kept has none). */
function restoreRevisions(store: FileStore, tree: Tree, saved: FilesSnapshot['trees'][number]): void {
	const history = store.history(tree);
	for (const revision of saved.revisions ?? []) {
		const blob = join(store.blobs.dir, basename(revision.node.blob));
		if (!existsSync(blob)) continue;
		store.revisions.observe(revision.node.rev);
		history.record({ node: { ...revision.node, blob }, names: revision.names });
	}
	for (const [key, when] of saved.goneAt ?? []) history.markGone(key, when);
	for (const located of preOrder({ node: tree.root, names: [] })) {
		if (located.node.kind === 'file') history.record(located as Located<FileNode>);
	}
}

function childrenOf(folder: FolderNode): NodeSnapshot[] {
	return [...folder.children.values()].map(nodeSnapshot);
}

function nodeSnapshot(node: TreeNode): NodeSnapshot {
	if (node.kind === 'folder') return { kind: 'folder', id: node.id, name: node.name, children: childrenOf(node) };
	return { ...node, blob: basename(node.blob) };
}

function restoreNode(store: FileStore, tree: Tree, saved: NodeSnapshot): TreeNode | undefined {
	if (saved.kind === 'folder') {
		const folder = newFolder(saved.id, saved.name);
		for (const child of saved.children) {
			const node = restoreNode(store, tree, child);
			if (node) folder.children.set(lowerName(node.name), node);
		}
		return folder;
	}
	const blob = join(store.blobs.dir, basename(saved.blob));
	if (!existsSync(blob)) return undefined;
	store.blobs.retain(blob);
	store.revisions.observe(saved.rev);
	tree.usedBytes += saved.size;
	return { ...saved, blob };
}
