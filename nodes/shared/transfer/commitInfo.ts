import type { Space } from '../transport';

/** What to do when the destination exists: add beside it, overwrite it, or replace exactly revision `rev`. */
export type WriteMode = { kind: 'add' } | { kind: 'overwrite' } | { kind: 'update'; rev: string };

/** Where and how a file is committed: Dropbox's CommitInfo, as the node's options describe it. */
export interface Commit {
	path: string;
	mode: WriteMode;
	autorename: boolean;
	mute: boolean;
	strictConflict: boolean;
	/** ISO time, to the second, that Dropbox keeps as the file's client_modified. */
	clientModified?: string;
	space: Space;
}

export interface FileMetadata {
	'.tag'?: 'file';
	id: string;
	name: string;
	path_display?: string;
	path_lower?: string;
	rev: string;
	size: number;
	content_hash?: string;
	[key: string]: unknown;
}

/** The CommitInfo argument of files/upload and the upload-session finishes. */
export function commitArg(commit: Commit): Record<string, unknown> {
	const mode =
		commit.mode.kind === 'update' ? { '.tag': 'update', update: commit.mode.rev } : { '.tag': commit.mode.kind };
	return {
		path: commit.path,
		mode,
		autorename: commit.autorename,
		mute: commit.mute,
		strict_conflict: commit.strictConflict,
		...(commit.clientModified ? { client_modified: commit.clientModified } : {}),
	};
}
