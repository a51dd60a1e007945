/**
 * The file store: namespaces, path resolution, metadata rendering and the bookkeeping every mutation
 * shares (journal, deleted set, bytes in use, change events). The mutations themselves live in
 * write-file.ts, create-folder.ts, remove.ts and relocate.ts.
 */
import { join } from 'node:path';
import type { Account, EmulatorState } from '../../contract';
import { LookupFailure } from '../errors';
import { MalformedPath, lowerName, parsePath } from '../paths';
import { BlobStore } from './blobs';
import { RevisionCounter, dropboxTimestamp, newFileId } from './ids';
import { keyOf } from './keys';
import { NamespaceTable, type Namespace } from './namespaces';
import { type FileNode, type FolderNode, type Located, type Tree, type TreeNode, filesOf, newFolder, preOrder } from './tree';
import { randomBytes } from 'node:crypto';
import { UploadSessionTable } from './upload-sessions';
import { BatchJobs } from './batch-jobs';
import { RevisionHistory } from './revisions';
import { TemporaryLinks } from './temporary-links';

/** Where a path argument points: a tree, the absolute components (caller's case where nothing exists yet), and the namespace paths are shown relative to. */
export interface Target {
	tree: Tree;
	view: Namespace;
	abs: string[];
	/** Set for `rev:` paths: the revision asked for. */
	rev?: string;
}

export type BaseState = Omit<EmulatorState, 'files'>;

export class FileStore {
	readonly namespaces = new NamespaceTable();
	readonly blobs: BlobStore;
	readonly revisions = new RevisionCounter();
	readonly sessions: UploadSessionTable;
	/** upload_session/finish_batch jobs, by async job id. */
	readonly jobs = new BatchJobs();
	/** files/get_temporary_link's links, by token. */
	readonly temporaryLinks = new TemporaryLinks();
	/** Changes on every clear(): cursors from before answer `reset`. */
	epoch = randomBytes(6).toString('base64url');
	/** Per namespace: bumped by the admin's cursors/reset. */
	private readonly cursorGenerations = new Map<string, number>();
	/** Every revision of each tree's files (store/revisions.ts). */
	private readonly histories = new WeakMap<Tree, RevisionHistory>();

	constructor(readonly state: BaseState) {
		this.blobs = new BlobStore(join(state.dataDir, 'blobs'));
		this.sessions = new UploadSessionTable(this.blobs);
	}

	home(account: Account): Namespace {
		this.namespaces.ensureAccount(account);
		return this.namespaces.get(account.homeNamespaceId)!;
	}

	cursorGeneration(namespaceId: string): number {
		return this.cursorGenerations.get(namespaceId) ?? 0;
	}

	/** A generation kept across a restart (store/snapshot.ts). */
	restoreCursorGeneration(namespaceId: string, generation: number): void {
		this.cursorGenerations.set(namespaceId, generation);
	}

	resetCursors(account: Account): void {
		for (const id of new Set([account.homeNamespaceId, account.rootNamespaceId])) {
			this.cursorGenerations.set(id, this.cursorGeneration(id) + 1);
		}
	}

	/**
	 * Resolves a path argument seen from `view`. Throws LookupFailure('malformed_path') for a bad shape,
	 * LookupFailure('not_found') for an unknown id, revision or namespace.
	 */
	resolve(view: Namespace, raw: string, account?: Account): Target {
		let ref;
		try {
			ref = parsePath(raw);
		} catch (error) {
			if (error instanceof MalformedPath) throw new LookupFailure('malformed_path');
			throw error;
		}
		if (ref.kind === 'path') {
			if (ref.namespaceId === undefined) return { tree: view.tree, view, abs: [...view.prefix, ...ref.components] };
			const ns = this.namespaces.get(ref.namespaceId);
			const allowed = account ? this.namespaces.reachable(account).includes(ref.namespaceId) : true;
			if (!ns || !allowed) throw new LookupFailure('not_found');
			const abs = [...ns.prefix, ...ref.components];
			return { tree: ns.tree, view: this.showsPath(view, ns.tree, abs) ? view : ns, abs };
		}
		if (ref.kind === 'id') {
			const found = view.tree.findById(ref.id, view.prefix);
			if (!found) throw new LookupFailure('not_found');
			return { tree: view.tree, view, abs: [...found.names, ...ref.components] };
		}
		// A current revision, else any kept one (its path as it was then).
		const found = view.tree.findByRev(ref.rev, view.prefix) ?? this.history(view.tree).get(ref.rev);
		if (!found || !this.showsPath(view, view.tree, found.names)) throw new LookupFailure('not_found');
		return { tree: view.tree, view, abs: found.names, rev: ref.rev };
	}

	/** What the target names now; for a `rev:` path, that revision even when it is no longer current. */
	locate(target: Target): Located | undefined {
		const found = target.tree.walk(target.abs).found;
		if (target.rev === undefined || (found?.node.kind === 'file' && found.node.rev === target.rev)) return found;
		return this.history(target.tree).get(target.rev);
	}

	/** The file the target names (as `locate`); LookupFailure `not_found` / `not_file` otherwise. */
	locateFile(target: Target): Located<FileNode> {
		const found = this.locate(target);
		if (!found) throw new LookupFailure('not_found');
		if (found.node.kind !== 'file') throw new LookupFailure('not_file');
		return found as Located<FileNode>;
	}

	history(tree: Tree): RevisionHistory {
		let history = this.histories.get(tree);
		if (!history) {
			history = new RevisionHistory(this.blobs);
			this.histories.set(tree, history);
		}
		return history;
	}

	/** Is the node at `abs` inside the namespace `view` (so its paths can be shown relative to it)? */
	showsPath(view: Namespace, tree: Tree, abs: string[]): boolean {
		if (view.tree !== tree || abs.length < view.prefix.length) return false;
		return view.prefix.every((c, i) => lowerName(c) === lowerName(abs[i]));
	}

	/** Components relative to the view: path_display is "/" + these joined. */
	relative(view: Namespace, abs: string[]): string[] {
		return abs.slice(view.prefix.length);
	}

	// ---- shared bookkeeping of mutations ----

	/** Creates the missing folders of `parent` (absolute components); journals each one. */
	ensureFolders(tree: Tree, parent: string[]): Located<FolderNode> {
		let here: Located<FolderNode> = { node: tree.root, names: [] };
		for (const component of parent) {
			const existing = here.node.children.get(lowerName(component));
			if (existing && existing.kind !== 'folder') throw new Error('ensureFolders: a file is in the way');
			const folder = existing ?? newFolder(newFileId(), component);
			if (!existing) here.node.children.set(lowerName(component), folder);
			here = { node: folder, names: [...here.names, folder.name] };
			if (!existing) this.recordPresent(tree, here.names);
		}
		return here;
	}

	/** Journals a node that now exists (created, updated, moved or copied here). */
	recordPresent(tree: Tree, names: string[]): void {
		const key = keyOf(names);
		tree.deleted.delete(key);
		tree.journal.record(key, '/' + names.join('/'), false);
		const found = tree.walk(names).found;
		if (found?.node.kind === 'file') this.history(tree).record(found as Located<FileNode>);
	}

	/** Journals every node of a subtree that appeared at once (a copy or a move destination). */
	recordSubtree(tree: Tree, top: Located): void {
		for (const { names } of preOrder(top)) this.recordPresent(tree, names);
	}

	/** Journals a removed subtree: one `deleted` entry for its top; every node joins the deleted set. */
	recordRemoved(tree: Tree, top: Located): void {
		const now = dropboxTimestamp();
		for (const { node, names } of preOrder(top)) {
			tree.deleted.set(keyOf(names), '/' + names.join('/'));
			// The file's revisions stay; list_revisions tells when its path lost it.
			if (node.kind === 'file') this.history(tree).markGone(keyOf(names), now);
		}
		tree.journal.record(keyOf(top.names), '/' + top.names.join('/'), true);
	}

	/** Wakes long-polls of every namespace that views the tree. */
	emitChange(tree: Tree): void {
		for (const id of tree.namespaceIds) this.state.changes.emit('change', id);
	}

	bytesOf(top: Located): number {
		return filesOf(top).reduce((sum, file) => sum + file.size, 0);
	}

	newFileNode(name: string, blob: { file: string; size: number; contentHash: string }, clientModified: string, serverModified: string): FileNode {
		this.blobs.retain(blob.file);
		return {
			kind: 'file',
			id: newFileId(),
			name,
			rev: this.revisions.next(),
			size: blob.size,
			contentHash: blob.contentHash,
			blob: blob.file,
			clientModified,
			serverModified,
		};
	}

	async clear(): Promise<void> {
		this.namespaces.clear();
		this.cursorGenerations.clear();
		this.sessions.clear();
		this.jobs.clear();
		this.temporaryLinks.clear();
		this.epoch = randomBytes(6).toString('base64url');
		await this.blobs.clear();
	}
}

export function childOf(parent: FolderNode, name: string): TreeNode | undefined {
	return parent.children.get(lowerName(name));
}
