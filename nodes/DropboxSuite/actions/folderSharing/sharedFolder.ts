import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeParameterResourceLocator,
	type INodeProperties,
} from 'n8n-workflow';

import { locatorToPath } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import { cursorPages } from './cursorPages';

/** The shared folder an operation acts on: picked from the account's shared folders, by ID, or (where natural) by path. */
export function sharedFolderProperty(options: { withPath: boolean; description: string }): INodeProperties {
	return {
		displayName: 'Shared Folder',
		name: 'sharedFolder',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a shared folder…',
				typeOptions: { searchListMethod: 'searchSharedFolders', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '1234567890',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^[0-9]+$', errorMessage: 'A shared folder ID is a number, such as 1234567890' },
					},
				],
			},
			...(options.withPath
				? [
						{
							displayName: 'By Path',
							name: 'path',
							type: 'string' as const,
							placeholder: '/Projects/Launch',
							validation: [
								{
									type: 'regex' as const,
									properties: { regex: '^/.+', errorMessage: 'A Dropbox path starts with "/", e.g. /Projects/Launch' },
								},
							],
						},
					]
				: []),
		],
	};
}

interface FolderMetadata extends IDataObject {
	'.tag': string;
	path_lower?: string;
	sharing_info?: { shared_folder_id?: string; parent_shared_folder_id?: string };
}

interface SharedFoldersPage {
	entries: Array<{ shared_folder_id: string; path_lower?: string }>;
	cursor?: string;
}

/** The `shared_folder_id` the locator points at; a path is looked up as the account sees it. */
export async function readSharedFolderId(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	const locator = ctx.getNodeParameter('sharedFolder', itemIndex) as INodeParameterResourceLocator | string;
	const mode = typeof locator === 'string' ? 'id' : locator.mode;
	const value = String(typeof locator === 'string' ? locator : (locator.value ?? '')).trim();
	if (mode !== 'path') {
		if (/^[0-9]+$/.test(value)) return value;
		throw new NodeOperationError(ctx.getNode(), `"${value}" is not a shared folder ID`, {
			description: 'Pick the folder from the list, or give its "shared_folder_id" (a number, shown by Folder Sharing → List Folders).',
		});
	}
	const path = locatorToPath('path', value);
	if (!path) {
		throw new NodeOperationError(ctx.getNode(), `"${value}" is not a Dropbox folder path`, {
			description: 'Give the path of the shared folder as it appears in this account, such as /Projects/Launch.',
		});
	}
	return await sharedFolderIdAt(ctx, path);
}

async function sharedFolderIdAt(ctx: IExecuteFunctions, path: string): Promise<string> {
	const session = dropboxSession(ctx);
	const metadata = await session.rpc<FolderMetadata>('files/get_metadata', { arg: { path }, errorContext: { path } });
	if (metadata['.tag'] !== 'folder') {
		throw new NodeOperationError(ctx.getNode(), `"${path}" is a file, not a shared folder`, {
			description: 'Give the path of a folder that is shared, or pick the folder from the list.',
		});
	}
	const id = metadata.sharing_info?.shared_folder_id;
	if (id) return id;
	// Metadata without sharing_info does not prove the folder is unshared: the account's own list of shared folders decides.
	const wanted = metadata.path_lower ?? path.toLowerCase();
	for await (const page of cursorPages<SharedFoldersPage>(session, { route: 'sharing/list_folders', continueRoute: 'sharing/list_folders/continue', arg: { limit: 1000 } })) {
		const found = page.entries.find((entry) => entry.path_lower === wanted);
		if (found) return found.shared_folder_id;
	}
	const parent = metadata.sharing_info?.parent_shared_folder_id;
	throw new NodeOperationError(ctx.getNode(), `The folder "${path}" is not a shared folder`, {
		description: parent
			? `It lies inside the shared folder ${parent}: members are managed on that folder. Pick it from the list or give its ID.`
			: 'Share it first with Folder Sharing → Share, or pick a shared folder from the list.',
	});
}
