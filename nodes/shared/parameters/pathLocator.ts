import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeParameterResourceLocator,
	type INodeProperties,
} from 'n8n-workflow';

import { DROPBOX_URL_REGEX, dropboxUrlToPath } from './dropboxUrl';

/**
 * A file or folder picked four ways: browsing, typing a path, an `id:` ID, or a dropbox.com/home
 * address. `name` is `path` or `toPath` (fixed names: CONTRIBUTING.md).
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

/** A path locator whose list shows folders only. */
export function folderPathProperty(
	overrides: Partial<INodeProperties> & Pick<INodeProperties, 'name' | 'displayName'>,
): INodeProperties {
	const locator = pathLocator(overrides);
	return {
		...locator,
		modes: (locator.modes ?? []).map((mode) =>
			mode.name === 'list'
				? { ...mode, placeholder: 'Select a folder…', typeOptions: { ...mode.typeOptions, searchListMethod: 'searchFolders' } }
				: mode.name === 'path'
					? { ...mode, placeholder: '/Reports/2024' }
					: mode,
		),
	};
}

/** The Dropbox path (or `id:…`) a path resource locator points at. */
export function readPath(ctx: IExecuteFunctions, name: 'path' | 'toPath', itemIndex: number): string {
	const locator = ctx.getNodeParameter(name, itemIndex) as INodeParameterResourceLocator | string;
	const value = typeof locator === 'string' ? locator : String(locator.value ?? '');
	const mode = typeof locator === 'string' ? 'path' : locator.mode;
	const path = locatorToPath(mode, value);
	if (path === undefined) {
		throw new NodeOperationError(ctx.getNode(), `"${value}" is not a Dropbox file or folder address`, {
			description: 'Use a path such as /Reports/q1.pdf, an ID such as id:abc…, or an address from dropbox.com/home/…',
		});
	}
	return path;
}

/** `undefined` when the value cannot be read as the mode says. */
export function locatorToPath(mode: string, value: string): string | undefined {
	const trimmed = value.trim();
	switch (mode) {
		case 'url':
			return dropboxUrlToPath(trimmed);
		case 'id':
			return /^id:.+/.test(trimmed) ? trimmed : undefined;
		default:
			// A trailing slash is how the list shows folders; Dropbox wants none ("/" alone is the root).
			if (trimmed === '/' || trimmed === '') return '';
			if (/^(id:|rev:|ns:)/.test(trimmed)) return trimmed;
			return trimmed.startsWith('/') ? trimmed.replace(/\/+$/, '') : undefined;
	}
}
