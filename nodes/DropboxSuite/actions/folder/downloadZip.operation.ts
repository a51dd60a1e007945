import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { binaryOutputProperty, folderPathProperty, readBinaryOutputField, readPath, readSpace, spaceProperties } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import { downloadFolderZip } from '../../../shared/transfer/download';
import { defineOperation } from '../operation';

const folderPath = folderPathProperty({ displayName: 'Folder', name: 'path', description: 'The folder to download' });

export const downloadZip = defineOperation({
	value: 'downloadZip',
	name: 'Download as ZIP',
	action: 'Download a folder as a ZIP file',
	description: 'Download a folder and everything in it as one ZIP file (Dropbox allows up to 20 GB and 10,000 entries)',
	properties: [
		...spaceProperties,
		folderPath,
		binaryOutputProperty('The name of the output binary field to put the ZIP file in'),
	],
	async execute(itemIndex) {
		const path = readPath(this, 'path', itemIndex);
		if (path === '') {
			throw new NodeOperationError(this.getNode(), 'Choose a folder: Dropbox does not download its top folder as a ZIP', {
				description: 'Pick a folder inside it; to get everything, download each top-level folder.',
			});
		}
		const field = readBinaryOutputField(this, itemIndex);
		const { result, binary } = await downloadFolderZip<IDataObject & { name: string }>(this, dropboxSession(this), {
			path,
			space: readSpace(this, itemIndex),
		});
		return [{ json: result, binary: { [field]: binary } }];
	},
});
