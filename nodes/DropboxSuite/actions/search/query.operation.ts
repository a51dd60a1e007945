import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import {
	folderPathProperty,
	readLimit,
	readPath,
	readRequiredText,
	readSpace,
	returnAllProperties,
	spaceProperties,
} from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import { listAll, type PagedResult } from '../../../shared/transport';
import { defineOperation } from '../operation';
import { matchItem, type SearchMatch } from './searchMatch';

interface QueryOptions {
	fileExtensions?: string;
	fileCategories?: string[];
	filenameOnly?: boolean;
	includeDeleted?: boolean;
	orderBy?: 'relevance' | 'last_modified_time';
	includeHighlights?: boolean;
}

interface SearchPage extends PagedResult {
	matches: SearchMatch[];
}

/** Dropbox's largest page (`max_results`); every continuation keeps the first call's page size. */
const MAX_PAGE = 1000;
/** Dropbox's longest query. */
const MAX_QUERY_LENGTH = 1000;

const FILE_CATEGORIES = [
	{ name: 'Audio', value: 'audio' },
	{ name: 'Document', value: 'document' },
	{ name: 'Folder', value: 'folder' },
	{ name: 'Image', value: 'image' },
	{ name: 'Other', value: 'others' },
	{ name: 'Paper Doc', value: 'paper' },
	{ name: 'PDF', value: 'pdf' },
	{ name: 'Presentation', value: 'presentation' },
	{ name: 'Spreadsheet', value: 'spreadsheet' },
	{ name: 'Video', value: 'video' },
];

export const query = defineOperation({
	value: 'query',
	name: 'Query',
	action: 'Search files and folders',
	description:
		'Find files and folders whose name (or, for text files, content) contains every word of a query, optionally within one folder and filtered by extension or category: one item per match with its metadata',
	properties: [
		{
			displayName: 'Search For',
			name: 'query',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'invoice 2024',
			description: 'The words to find; a match contains every word (case-insensitive)',
		},
		...spaceProperties,
		folderPathProperty({
			displayName: 'Search In',
			name: 'path',
			description: 'The folder to search, with everything below it; "/" searches the whole Space',
			default: { mode: 'path', value: '/' },
		}),
		...returnAllProperties(),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'File Categories',
					name: 'fileCategories',
					type: 'multiOptions',
					options: FILE_CATEGORIES,
					default: [],
					description: 'Only matches of these kinds (not with Include Deleted)',
				},
				{
					displayName: 'File Extensions',
					name: 'fileExtensions',
					type: 'string',
					default: '',
					placeholder: 'pdf, docx',
					description: 'Comma-separated extensions: only files with one of them match, folders never (not with Include Deleted)',
				},
				{
					displayName: 'File Names Only',
					name: 'filenameOnly',
					type: 'boolean',
					default: false,
					description: 'Whether to match names only; otherwise the content of text files is searched too',
				},
				{
					displayName: 'Include Deleted',
					name: 'includeDeleted',
					type: 'boolean',
					default: false,
					description: 'Whether to search deleted files and folders instead of current ones (by name; restore them with File → Restore)',
				},
				{
					displayName: 'Include Highlights',
					name: 'includeHighlights',
					type: 'boolean',
					default: false,
					description: 'Whether each match says which parts of its name matched: "highlight_spans", and "highlight" with them in **bold**',
				},
				{
					displayName: 'Order By',
					name: 'orderBy',
					type: 'options',
					options: [
						{ name: 'Relevance', value: 'relevance', description: 'Best name matches first' },
						{ name: 'Last Modified', value: 'last_modified_time', description: 'Most recently modified first' },
					],
					default: 'relevance',
				},
			],
		},
	],
	async execute(itemIndex) {
		const text = readRequiredText(this, 'query', itemIndex, 'Search For', 'Give the words to search for.');
		if (text.length > MAX_QUERY_LENGTH) {
			throw new NodeOperationError(this.getNode(), `"Search For" is longer than Dropbox's ${MAX_QUERY_LENGTH} characters`, {
				itemIndex,
				description: 'Search for fewer or shorter words.',
			});
		}
		const path = readPath(this, 'path', itemIndex);
		const limit = readLimit(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as QueryOptions;
		const searchOptions: IDataObject = {
			max_results: Math.min(MAX_PAGE, limit),
			file_status: { '.tag': options.includeDeleted ? 'deleted' : 'active' },
			filename_only: options.filenameOnly ?? false,
			order_by: { '.tag': options.orderBy ?? 'relevance' },
		};
		if (path !== '') searchOptions.path = path;
		const extensions = (options.fileExtensions ?? '')
			.split(',')
			.map((extension) => extension.trim().replace(/^\./, ''))
			.filter(Boolean);
		if (extensions.length > 0) searchOptions.file_extensions = extensions;
		if (options.fileCategories?.length) searchOptions.file_categories = options.fileCategories.map((category) => ({ '.tag': category }));

		const matches = await listAll<SearchMatch, SearchPage>(
			dropboxSession(this),
			{
				route: 'files/search_v2',
				continueRoute: 'files/search/continue_v2',
				arg: {
					query: text,
					options: searchOptions,
					match_field_options: { include_highlights: options.includeHighlights ?? false },
				},
				space: readSpace(this, itemIndex),
				errorContext: { path: path || '/' },
			},
			{ itemsKey: 'matches', limit },
		);
		return matches.map((match) => ({ json: matchItem(match) }));
	},
});
