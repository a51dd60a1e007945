import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

import { pathLocator, spaceProperties } from '../shared/parameters';

/** The trigger's parameters; `mode`, `path`, `recursive` and `events` are fixed names (CONTRIBUTING.md). */
export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Instant (Long-Poll)',
				value: 'longPoll',
				description: 'Waits on Dropbox and reacts within a second of a change; needs no public URL',
			},
			{
				name: 'On a Schedule',
				value: 'poll',
				description: 'Asks Dropbox for changes at a fixed interval',
			},
		],
		default: 'longPoll',
	},
	{
		displayName: 'Check Every',
		name: 'interval',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		displayOptions: { show: { mode: ['poll'] } },
	},
	{
		displayName: 'Unit',
		name: 'unit',
		type: 'options',
		options: [
			{ name: 'Seconds', value: 'seconds' },
			{ name: 'Minutes', value: 'minutes' },
			{ name: 'Hours', value: 'hours' },
		],
		default: 'minutes',
		displayOptions: { show: { mode: ['poll'] } },
	},
	...spaceProperties,
	watchedFolderProperty(),
	{
		displayName: 'Include Subfolders',
		name: 'recursive',
		type: 'boolean',
		default: true,
		description: 'Whether changes anywhere below the folder count, or only those of its direct contents',
	},
	{
		displayName: 'Trigger On',
		name: 'events',
		type: 'multiOptions',
		options: [
			{ name: 'File Created', value: 'fileCreated', description: 'A file appears (uploaded, copied or moved in)' },
			{ name: 'File Deleted', value: 'fileDeleted' },
			{ name: 'File Updated', value: 'fileUpdated', description: 'A new version of an existing file' },
			{ name: 'Folder Created', value: 'folderCreated' },
			{ name: 'Folder Deleted', value: 'folderDeleted' },
		],
		default: ['fileCreated', 'fileUpdated'],
		required: true,
		description:
			'Which changes start the workflow. Telling a new file from an updated one, or a deleted file from a deleted folder, costs one extra Dropbox call per change.',
	},
	{
		displayName: 'Download File',
		name: 'download',
		type: 'boolean',
		default: false,
		description: "Whether to put the file's content into the binary field \"data\" (streamed: any size)",
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'File Extensions',
				name: 'extensions',
				type: 'string',
				default: '',
				placeholder: 'pdf, jpg, docx',
				description: 'Only files with one of these extensions (folders never match)',
			},
			{
				displayName: 'Path Pattern',
				name: 'pathGlob',
				type: 'string',
				default: '',
				placeholder: '/Inbox/**/*.pdf',
				description: 'Only paths that match: * any name part, ** any number of folders, ? one character, {a,b} either; case is ignored',
			},
			{
				displayName: 'Minimum Size (Bytes)',
				name: 'minSize',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'Only files at least this large (deletions and folders pass)',
			},
			{
				displayName: 'Maximum Size (Bytes)',
				name: 'maxSize',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'Only files at most this large; 0: no limit (deletions and folders pass)',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Emit Existing Files Once',
				name: 'emitExisting',
				type: 'boolean',
				default: false,
				description:
					'Whether the first activation also emits what is in the folder already (as created), before the changes',
			},
		],
	},
];

/** The shared path locator (browse, path, ID, dropbox.com URL), browsing folders only, the root included. */
function watchedFolderProperty(): INodeProperties {
	const locator = pathLocator({
		displayName: 'Folder',
		name: 'path',
		default: { mode: 'path', value: '/' },
		description: 'The folder to watch; "/" watches the whole Dropbox (or the whole Space)',
	});
	const modes = (locator.modes ?? []).map((mode): INodePropertyMode => {
		if (mode.name === 'list') {
			return {
				...mode,
				placeholder: 'Select a folder…',
				typeOptions: { ...mode.typeOptions, searchListMethod: 'searchWatchedFolders' },
			};
		}
		return mode.name === 'path' ? { ...mode, placeholder: '/Inbox' } : mode;
	});
	return { ...locator, modes };
}
