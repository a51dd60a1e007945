import type { INodeProperties } from 'n8n-workflow';

import { DROPBOX_URL_REGEX } from './dropboxUrl';

/**
 * A file or folder picked four ways: browsing, typing a path, an `id:` ID, or a dropbox.com/home
 * address. `name` is `path` or `toPath` (DESIGN §1).
 */
export function pathLocator(
	overrides: Partial<INodeProperties> & Pick<INodeProperties, 'name' | 'displayName'>,
): INodeProperties {
	return {
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a file or folder…',
				typeOptions: {
					searchListMethod: 'searchFilesAndFolders',
					searchable: true,
					searchFilterRequired: false,
				},
			},
			{
				displayName: 'By Path',
				name: 'path',
				type: 'string',
				placeholder: '/Reports/2024/q1.pdf',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^/.*',
							errorMessage: 'A Dropbox path starts with "/", e.g. /Reports/q1.pdf',
						},
					},
				],
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'id:a4ayc_80_OEAAAAAAAAAXw',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^id:.+',
							errorMessage: 'A Dropbox ID looks like id:a4ayc_80_OEAAAAAAAAAXw',
						},
					},
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'https://www.dropbox.com/home/Reports?preview=q1.pdf',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: DROPBOX_URL_REGEX,
							errorMessage: 'Paste the address of the file or folder from dropbox.com (…/home/…)',
						},
					},
				],
			},
		],
		...overrides,
	};
}

export const pathProperty = (description: string): INodeProperties =>
	pathLocator({ displayName: 'File or Folder', name: 'path', description });

export const toPathProperty = (description: string): INodeProperties =>
	pathLocator({ displayName: 'Destination', name: 'toPath', description });

/** Sets the Dropbox-API-Path-Root header of every call; see transport/space.ts. */
export const spaceProperties: INodeProperties[] = [
	{
		displayName: 'Space',
		name: 'space',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'My Files',
				value: 'own',
				description: 'Paths start in your own folder (the only choice for app-folder apps)',
			},
			{
				name: 'Team Space',
				value: 'team',
				description: 'Paths start at the top of the team space, which holds team folders and your folder',
			},
			{
				name: 'Shared or Team Folder',
				value: 'namespace',
				description: 'Paths start inside one shared or team folder',
			},
		],
		default: 'own',
		description: 'Where paths start, for accounts in a Dropbox team',
	},
	{
		displayName: 'Folder',
		name: 'namespace',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: { show: { space: ['namespace'] } },
		description: 'The shared or team folder that paths start in',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a shared folder…',
				typeOptions: { searchListMethod: 'searchSharedFolders', searchable: true },
			},
			{
				displayName: 'By Namespace ID',
				name: 'id',
				type: 'string',
				placeholder: '1234567890',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^[0-9]+$', errorMessage: 'A namespace ID is a number' },
					},
				],
			},
		],
	},
];
