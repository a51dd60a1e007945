import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { currentSpace, pathToDropboxUrl } from '../../shared/parameters';
import { dropboxSession } from '../../shared/session';

interface ListedEntry {
	'.tag': 'file' | 'folder' | 'deleted';
	name: string;
	path_display?: string;
	path_lower?: string;
}

interface ListFolderPage {
	entries: ListedEntry[];
	cursor: string;
	has_more: boolean;
}

/** Continuation of a listing: the cursor plus the name filter it was made for. */
interface ListToken {
	cursor: string;
	nameFilter: string;
}

const PAGE_SIZE = 200;

/**
 * What to list for a typed filter: "/Reports/q" lists /Reports and keeps names containing "q";
 * "/Reports/" lists /Reports; "q" lists the root and keeps names containing "q".
 */
export function folderAndNameFilter(filter: string | undefined): { folder: string; nameFilter: string } {
	const text = (filter ?? '').trim();
	if (!text.startsWith('/')) return { folder: '', nameFilter: text.toLowerCase() };
	const slash = text.lastIndexOf('/');
	return { folder: slash === 0 ? '' : text.slice(0, slash), nameFilter: text.slice(slash + 1).toLowerCase() };
}

async function listEntries(
	ctx: ILoadOptionsFunctions,
	filter: string | undefined,
	paginationToken: unknown,
	keep: (entry: ListedEntry) => boolean,
): Promise<INodeListSearchResult> {
	const space = currentSpace(ctx);
	const dropbox = dropboxSession(ctx);
	let page: ListFolderPage;
	let nameFilter: string;
	const token = paginationToken as ListToken | undefined;
	if (token?.cursor) {
		nameFilter = token.nameFilter;
		page = await dropbox.rpc<ListFolderPage>('files/list_folder/continue', {
			arg: { cursor: token.cursor },
			space,
		});
	} else {
		const target = folderAndNameFilter(filter);
		nameFilter = target.nameFilter;
		page = await dropbox.rpc<ListFolderPage>('files/list_folder', {
			arg: { path: target.folder, limit: PAGE_SIZE },
			space,
			errorContext: { path: target.folder || '/' },
		});
	}
	const results: INodeListSearchItems[] = page.entries
		.filter((entry) => entry['.tag'] !== 'deleted' && keep(entry))
		.filter((entry) => nameFilter === '' || entry.name.toLowerCase().includes(nameFilter))
		.sort((a, b) => (a['.tag'] === b['.tag'] ? a.name.localeCompare(b.name) : a['.tag'] === 'folder' ? -1 : 1))
		.map((entry) => {
			const path = entry.path_display ?? entry.path_lower ?? `/${entry.name}`;
			return {
				name: entry['.tag'] === 'folder' ? `${path}/` : path,
				value: path,
				url: pathToDropboxUrl(path),
			};
		});
	return {
		results,
		paginationToken: page.has_more ? ({ cursor: page.cursor, nameFilter } satisfies ListToken) : undefined,
	};
}

export async function searchFilesAndFolders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: unknown,
): Promise<INodeListSearchResult> {
	return await listEntries(this, filter, paginationToken, () => true);
}

export async function searchFolders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: unknown,
): Promise<INodeListSearchResult> {
	return await listEntries(this, filter, paginationToken, (entry) => entry['.tag'] === 'folder');
}

/** Folders as upload destinations: each value ends in "/", so the uploaded file keeps its own name. */
export async function searchUploadDestinations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: unknown,
): Promise<INodeListSearchResult> {
	const folders = await listEntries(this, filter, paginationToken, (entry) => entry['.tag'] === 'folder');
	const root = paginationToken || (filter ?? '').trim() !== '' ? [] : [{ name: '/', value: '/' }];
	return {
		...folders,
		results: [...root, ...folders.results.map((folder) => ({ ...folder, value: `${String(folder.value)}/` }))],
	};
}

interface SharedFolder {
	name: string;
	shared_folder_id: string;
	path_lower?: string;
}

/** Shared and team folders the account belongs to; a shared folder's ID is its namespace ID. */
export async function searchSharedFolders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: unknown,
): Promise<INodeListSearchResult> {
	const page = await dropboxSession(this).rpc<{ entries: SharedFolder[]; cursor?: string }>(
		typeof paginationToken === 'string' ? 'sharing/list_folders/continue' : 'sharing/list_folders',
		{ arg: typeof paginationToken === 'string' ? { cursor: paginationToken } : { limit: 200 } },
	);
	const wanted = (filter ?? '').toLowerCase();
	return {
		results: page.entries
			.filter((folder) => wanted === '' || folder.name.toLowerCase().includes(wanted))
			.map((folder) => ({
				name: folder.path_lower ? `${folder.name} (${folder.path_lower})` : folder.name,
				value: folder.shared_folder_id,
			})),
		paginationToken: page.cursor || undefined,
	};
}
