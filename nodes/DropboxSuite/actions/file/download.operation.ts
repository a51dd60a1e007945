import type { IDataObject } from 'n8n-workflow';

import { binaryOutputProperty, pathLocator, readBinaryOutputField, readPath, readSpace, spaceProperties } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import { downloadFile } from '../../../shared/transfer/download';
import { defineOperation } from '../operation';

interface DownloadOptions {
	rev?: string;
}

export const download = defineOperation({
	value: 'download',
	name: 'Download',
	action: 'Download a file',
	description: 'Download a file into a binary field, streamed: any size, in constant memory',
	properties: [
		...spaceProperties,
		pathLocator({ displayName: 'File', name: 'path', description: 'The file to download' }),
		binaryOutputProperty('The name of the output binary field to put the file in'),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Revision',
					name: 'rev',
					type: 'string',
					default: '',
					placeholder: 'a1c10ce0dd78',
					description:
						'A specific revision of the file (its "rev", as in the file\'s metadata or version history); the current one when empty',
				},
			],
		},
	],
	async execute(itemIndex) {
		const path = readPath(this, 'path', itemIndex);
		const field = readBinaryOutputField(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as DownloadOptions;
		const { result, binary } = await downloadFile<IDataObject & { name: string }>(this, dropboxSession(this), {
			path,
			rev: options.rev?.trim() || undefined,
			space: readSpace(this, itemIndex),
		});
		return [{ json: result, binary: { [field]: binary } }];
	},
});
