/**
 * Entries → events. Dropbox reports a file's current state, not whether it is new; when the chosen events
 * need that, `files/list_revisions` (limit 2) says whether the entry's revision had a predecessor. A deleted
 * entry does not say whether it was a file; when deletions are watched, `files/list_revisions` on its path says
 * it (a file's revisions outlive it; a folder has none).
 */
import { asNodeError, DropboxApiError, type DropboxSession, type Space } from '../transport';
import { changeKey } from './keys';
import type { ChangeEvent, DeletedEntry, EventName, FileEntry, ListedEntry } from './types';

interface RevisionsAnswer {
	is_deleted: boolean;
	entries: Array<{ rev: string }>;
}

export interface Classifier {
	/** The events of the chosen kinds, in the order of the entries; filtered-out entries cost no call. */
	classify(entries: ListedEntry[], origin: string, options?: { listing?: boolean }): Promise<ChangeEvent[]>;
}

export function createClassifier(
	session: DropboxSession,
	space: Space,
	events: ReadonlySet<EventName>,
	accept: (entry: ListedEntry) => boolean,
): Classifier {
	const wantsFiles = events.has('fileCreated') || events.has('fileUpdated');
	const wantsDeletions = events.has('fileDeleted') || events.has('folderDeleted');

	async function fileEvent(entry: FileEntry, listing: boolean): Promise<EventName> {
		// What a first listing finds is there for the first time as far as the workflow is concerned.
		if (listing) return 'fileCreated';
		const answer = await revisions(entry.path_lower, 2);
		if (!answer) return 'fileCreated';
		const index = answer.entries.findIndex((revision) => revision.rev === entry.rev);
		// An older revision right after this one, or this one already overtaken: the file existed before.
		if (index < 0) return 'fileUpdated';
		return index + 1 < answer.entries.length ? 'fileUpdated' : 'fileCreated';
	}

	async function deletedEvent(entry: DeletedEntry): Promise<EventName> {
		const answer = await revisions(entry.path_lower, 1);
		return answer && answer.entries.length > 0 ? 'fileDeleted' : 'folderDeleted';
	}

	/** undefined when Dropbox knows no file revisions at the path (a folder, or nothing). */
	async function revisions(path: string, limit: number): Promise<RevisionsAnswer | undefined> {
		try {
			return await session.rpc<RevisionsAnswer>('files/list_revisions', {
				arg: { path, mode: 'path', limit },
				space,
				errorContext: { path },
			});
		} catch (error) {
			if (error instanceof DropboxApiError && error.failure.status === 409 && error.dropboxTags[0] === 'path') return undefined;
			throw asNodeError(session.ctx.getNode(), error);
		}
	}

	return {
		async classify(entries, origin, options = {}) {
			const result: ChangeEvent[] = [];
			for (const entry of entries) {
				if (!accept(entry)) continue;
				let event: EventName | undefined;
				if (entry['.tag'] === 'folder') event = 'folderCreated';
				else if (entry['.tag'] === 'file') event = wantsFiles ? await fileEvent(entry, options.listing === true) : undefined;
				else event = wantsDeletions && !options.listing ? await deletedEvent(entry) : undefined;
				if (event && events.has(event)) result.push({ event, entry, changeKey: changeKey(entry, origin) });
			}
			return result;
		},
	};
}
