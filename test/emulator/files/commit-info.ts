/** CommitInfo (files.stone) → the store's commit options. */
import type { CommitOptions } from './store/write-file';
import { parseWriteMode } from './store/write-file';

export interface CommitInfoArg {
	path: string;
	mode?: unknown;
	autorename?: boolean;
	client_modified?: string | null;
	mute?: boolean;
	strict_conflict?: boolean;
}

export function commitOptions(commit: CommitInfoArg): CommitOptions {
	return {
		mode: parseWriteMode(commit.mode),
		autorename: commit.autorename ?? false,
		strictConflict: commit.strict_conflict ?? false,
		...(commit.client_modified ? { clientModified: commit.client_modified } : {}),
	};
}
