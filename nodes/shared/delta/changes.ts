/** The Dropbox calls of the change feed: a cursor for "now", the pages after a cursor, and the long-poll wait. */
import type { DropboxSession } from '../transport';
import type { WatchScope } from './scope';
import type { ListFolderPage } from './types';

/** Entries per page: a page is handed over before its cursor is kept, so this bounds what a crash repeats. */
export const PAGE_LIMIT = 200;

function listArg(scope: WatchScope) {
	return {
		path: scope.path,
		recursive: scope.recursive,
		include_deleted: false,
		include_non_downloadable_files: true,
		limit: PAGE_LIMIT,
	};
}

/** A cursor that sees every change from now on, nothing before. */
export async function latestCursor(session: DropboxSession, scope: WatchScope): Promise<string> {
	const result = await session.rpc<{ cursor: string }>('files/list_folder/get_latest_cursor', {
		arg: listArg(scope),
		space: scope.space,
		errorContext: { path: scope.path || '/' },
	});
	return result.cursor;
}

/** The first page of the folder's listing (what is there now); its cursor continues the listing, then the news. */
export async function firstListingPage(session: DropboxSession, scope: WatchScope): Promise<ListFolderPage> {
	return await session.rpc<ListFolderPage>('files/list_folder', {
		arg: listArg(scope),
		space: scope.space,
		errorContext: { path: scope.path || '/' },
	});
}

/** The page after `cursor`: the rest of a listing, or the changes since. */
export async function pageAfter(session: DropboxSession, scope: WatchScope, cursor: string): Promise<ListFolderPage> {
	return await session.rpc<ListFolderPage>('files/list_folder/continue', {
		arg: { cursor },
		space: scope.space,
		errorContext: { path: scope.path || '/' },
	});
}

export interface LongpollAnswer {
	changes: boolean;
	/** Seconds Dropbox asks us to wait before the next long-poll. */
	backoff?: number;
}

/** Seconds a long-poll waits for news (Dropbox accepts 30 to 480 and adds up to 90 s of its own). */
export const LONGPOLL_TIMEOUT_S = 120;

/** Waits on the notify host until something changes after `cursor`, or the timeout passes. */
export async function waitForChanges(session: DropboxSession, cursor: string, timeoutS = LONGPOLL_TIMEOUT_S): Promise<LongpollAnswer> {
	return await session.notify<LongpollAnswer>('files/list_folder/longpoll', { arg: { cursor, timeout: timeoutS } });
}
