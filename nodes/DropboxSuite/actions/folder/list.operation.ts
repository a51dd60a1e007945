import type { IDataObject } from 'n8n-workflow';

import { folderPathProperty, readLimit, readPath, readSpace, returnAllProperties, spaceProperties } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import { pages, type PagedResult } from '../../../shared/transport';
import { defineOperation } from '../operation';

interface ListOptions {
	includeDeleted?: boolean;
	includeMountedFolders?: boolean;
	includeMediaInfo?: boolean;
	type?: 'all' | 'files' | 'folders';
	extensions?: string;
}

interface ListPage extends PagedResult {
	entries: IDataObject[];
}

/** Dropbox's largest page. */
const PAGE_SIZE = 2000;

/**
 * One output item per entry, read page by page: only the current page of Dropbox's answers is held beside the
 * items already kept, so a folder of 100 000 entries lists in time and memory proportional to what is output.
 */
export const list = defineOperation({
	value: 'list',
	name: 'List',
	action: 'List a folder',
	description: 'List the files and folders in a folder, optionally in all its subfolders, one item per entry',
	properties: [
		...spaceProperties,
		folderPathProperty({
			displayName: 'Folder',
			name: 'path',
			description: 'The folder to list; "/" is the top of the Space',
			default: { mode: 'path', value: '/' },
		}),
		{
			displayName: 'Recursive',
			name: 'recursive',
			type: 'boolean',
			default: false,
			description: 'Whether to list everything in the subfolders too, at any depth',
		},
		...returnAllProperties(),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'File Extensions',
					name: 'extensions',
					type: 'string',
					default: '',
					placeholder: 'pdf, docx',
					description: 'Comma-separated extensions: only files with one of them are returned (folders are left out)',
				},
				{
					displayName: 'Include Deleted',
					name: 'includeDeleted',
					type: 'boolean',
					default: false,
					description: 'Whether deleted files and folders are returned too, as entries of type "deleted"',
				},
				{
					displayName: 'Include Media Info',
					name: 'includeMediaInfo',
					type: 'boolean',
					default: false,
					description: 'Whether to include the dimensions, location and date of photos and videos',
				},
				{
					displayName: 'Include Mounted Folders',
					name: 'includeMountedFolders',
					type: 'boolean',
					default: true,
					description: 'Whether shared folders and team folders the account has added are listed with their contents',
				},
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					default: 'all',
					options: [
						{ name: 'Files and Folders', value: 'all' },
						{ name: 'Files Only', value: 'files' },
						{ name: 'Folders Only', value: 'folders' },
					],
					description: 'Which kind of entries to return',
				},
			],
		},
	],
	async execute(itemIndex) {
		const path = readPath(this, 'path', itemIndex);
		const recursive = this.getNodeParameter('recursive', itemIndex, false) as boolean;
		const limit = readLimit(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as ListOptions;
		const wanted = entryFilter(options);
		// A recursive listing starts with the folder itself, which is not in the folder.
		const isListedFolder = (entry: IDataObject) =>
			path.startsWith('id:') ? entry.id === path : entry.path_lower === path.toLowerCase() && path !== '';
		const output: Array<{ json: IDataObject }> = [];
		const listing = pages<ListPage>(dropboxSession(this), {
			route: 'files/list_folder',
			continueRoute: 'files/list_folder/continue',
			arg: {
				path,
				recursive,
				include_deleted: options.includeDeleted ?? false,
				include_mounted_folders: options.includeMountedFolders ?? true,
				include_media_info: options.includeMediaInfo ?? false,
				limit: Number.isFinite(limit) && !wanted.filters ? Math.min(PAGE_SIZE, Math.max(1, limit)) : PAGE_SIZE,
			},
			space: readSpace(this, itemIndex),
			errorContext: { path },
		});
		for await (const page of listing) {
			for (const entry of page.entries) {
				if (!wanted.accepts(entry) || isListedFolder(entry)) continue;
				output.push({ json: entry });
				if (output.length >= limit) return output;
			}
		}
		return output;
	},
});

/** Which entries the options keep; `filters` says whether any entry may be left out. */
function entryFilter(options: ListOptions): { filters: boolean; accepts(entry: IDataObject): boolean } {
	const type = options.type ?? 'all';
	const extensions = (options.extensions ?? '')
		.split(',')
		.map((extension) => extension.trim().replace(/^\./, '').toLowerCase())
		.filter(Boolean);
	return {
		filters: type !== 'all' || extensions.length > 0,
		accepts(entry) {
			const tag = entry['.tag'];
			if (type === 'files' && tag !== 'file') return false;
			if (type === 'folders' && tag !== 'folder') return false;
			if (extensions.length === 0) return true;
			const name = String(entry.name ?? '').toLowerCase();
			return tag === 'file' && extensions.some((extension) => name.endsWith(`.${extension}`));
		},
	};
}
