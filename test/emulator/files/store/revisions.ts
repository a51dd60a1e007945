/**
 * Every revision a tree's files have had: each write (upload, session finish, overwrite, update, restore,
 * copy) and each move (same id, new rev) adds one, with its content kept (the blob is held), so that
 * `list_revisions`, `restore`, `rev:` paths and `download`'s `rev` find any of them. A delete leaves the
 * revisions in place and notes when the path went away (`server_deleted`). Kept: the latest
 * MAX_REVISIONS_PER_FILE of each file id (list_revisions shows at most 100 at once).
 */
import type { BlobStore } from './blobs';
import { keyOf } from './keys';
import type { FileNode, Located } from './tree';

export const MAX_REVISIONS_PER_FILE = 100;

/** A revision as it was written: the file node (frozen copy) and its absolute names at the time. */
export type FileRevision = Located<FileNode>;

export class RevisionHistory {
	private readonly byRevision = new Map<string, FileRevision>();
	/** Revisions of each file id, oldest first. */
	private readonly byId = new Map<string, string[]>();
	/** Revisions written at each absolute lower-case path key, oldest first. */
	private readonly byKey = new Map<string, string[]>();
	/** When each path key last lost its file (deleted or moved away). */
	private readonly goneAt = new Map<string, string>();

	constructor(private readonly blobs: BlobStore) {}

	/** Records the file now at `located` unless its revision is known already. */
	record(located: Located<FileNode>): void {
		const { node, names } = located;
		if (this.byRevision.has(node.rev)) return;
		this.blobs.retain(node.blob);
		const revision: FileRevision = { node: { ...node }, names: [...names] };
		this.byRevision.set(node.rev, revision);
		const key = keyOf(names);
		this.goneAt.delete(key);
		push(this.byId, node.id, node.rev);
		push(this.byKey, key, node.rev);
		this.forgetOldest(node.id);
	}

	markGone(key: string, when: string): void {
		this.goneAt.set(key, when);
	}

	goneSince(key: string): string | undefined {
		return this.goneAt.get(key);
	}

	get(rev: string): FileRevision | undefined {
		return this.byRevision.get(rev);
	}

	/** Newest first. */
	ofId(id: string): FileRevision[] {
		return this.list(this.byId.get(id));
	}

	/** Newest first. */
	atKey(key: string): FileRevision[] {
		return this.list(this.byKey.get(key));
	}

	/** Every revision, oldest first (what a snapshot keeps), and the paths' deletion times. */
	all(): { revisions: FileRevision[]; goneAt: Array<[string, string]> } {
		return { revisions: [...this.byRevision.values()], goneAt: [...this.goneAt] };
	}

	private list(revs: string[] | undefined): FileRevision[] {
		return (revs ?? []).map((rev) => this.byRevision.get(rev)!).reverse();
	}

	private forgetOldest(id: string): void {
		const revs = this.byId.get(id)!;
		while (revs.length > MAX_REVISIONS_PER_FILE) {
			const rev = revs.shift()!;
			const revision = this.byRevision.get(rev)!;
			this.byRevision.delete(rev);
			const atKey = this.byKey.get(keyOf(revision.names));
			atKey?.splice(atKey.indexOf(rev), 1);
			this.blobs.release(revision.node.blob);
		}
	}
}

function push(index: Map<string, string[]>, key: string, rev: string): void {
	const list = index.get(key);
	if (list) list.push(rev);
	else index.set(key, [rev]);
}
