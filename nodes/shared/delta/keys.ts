/**
 * Keys that name one change, for n8n's deduplication of emitted executions (a key seen before starts no
 * execution). Fetching again from the same cursor must give the same key for the same change, and a later
 * change of the same entry a new one:
 * - a file: its ID and revision (every write, move and rename gives a file a new revision);
 * - a folder: it has no revision, and a folder moved away and back comes again with the same ID;
 * - a deletion: Dropbox names only the path.
 * For the last two the key adds a digest of the cursor the page was fetched from: the same page fetched again
 * after a restart starts from the same stored cursor, while a later change of that path can only arrive from a
 * later cursor.
 */
import { createHash } from 'crypto';

import type { ListedEntry } from './types';

/** Stands for the cursor of a first listing (which has none). */
export const LISTING_ORIGIN = 'listing';

export function cursorDigest(cursor: string | undefined): string {
	if (cursor === undefined) return LISTING_ORIGIN;
	return createHash('sha256').update(cursor).digest('base64url').slice(0, 16);
}

export function changeKey(entry: ListedEntry, origin: string): string {
	switch (entry['.tag']) {
		case 'file':
			return `${entry.id}:${entry.rev}`;
		case 'folder':
			return `${entry.id}:folder@${origin}`;
		default:
			return `${entry.path_lower}:deleted@${origin}`;
	}
}

/** The full key n8n sees: the unique index is instance-wide, so it names the workflow and the node. */
export function deduplicationKey(workflowId: string, nodeId: string, key: string): string {
	return `${workflowId}:${nodeId}:${key}`;
}
