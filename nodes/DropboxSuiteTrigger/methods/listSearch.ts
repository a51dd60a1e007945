import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchFolders } from '../../DropboxSuite/methods/listSearch';

/** Folders to watch, the root first: a trigger may watch the whole Dropbox. */
export async function searchWatchedFolders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: unknown,
): Promise<INodeListSearchResult> {
	const folders = await searchFolders.call(this, filter, paginationToken);
	const root = paginationToken || (filter ?? '').trim() !== '' ? [] : [{ name: '/', value: '/' }];
	return { ...folders, results: [...root, ...folders.results] };
}
