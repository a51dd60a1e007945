import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { folderPathProperty, readPath, readSpace, spaceProperties } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import { defineOperation } from '../operation';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get folder metadata',
	description: 'Get the metadata of a folder (its ID, path and sharing information)',
	properties: [...spaceProperties, folderPathProperty({ displayName: 'Folder', name: 'path', description: 'The folder whose metadata to get' })],
	async execute(itemIndex) {
		const path = readPath(this, 'path', itemIndex);
		if (path === '') {
			throw new NodeOperationError(this.getNode(), 'The root folder has no metadata', {
				description: 'Dropbox describes every folder but the root. Choose a folder inside it, or use Folder → List to see what the root holds.',
			});
		}
		const metadata = await dropboxSession(this).rpc<IDataObject>('files/get_metadata', {
			arg: { path },
			space: readSpace(this, itemIndex),
			errorContext: { path },
		});
		if (metadata['.tag'] !== 'folder') {
			throw new NodeOperationError(this.getNode(), `"${String(metadata.path_display ?? path)}" is a file, not a folder`, {
				description: 'Use File → Get for files, or choose a folder.',
			});
		}
		return [{ json: metadata }];
	},
});
