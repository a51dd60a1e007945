import type { IDataObject } from 'n8n-workflow';

import { pathProperty, readPath, readSpace, spaceProperties } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import { defineOperation } from '../operation';

export const getCopyReference = defineOperation({
	value: 'getCopyReference',
	name: 'Get Copy Reference',
	action: 'Get a copy reference to a file or folder',
	description:
		'Get a reference that another Dropbox account connected to the same app can save as its own copy (Save Copy Reference), without downloading and uploading the bytes',
	properties: [...spaceProperties, pathProperty('The file or folder to copy into another account')],
	async execute(itemIndex) {
		const path = readPath(this, 'path', itemIndex);
		const result = await dropboxSession(this).rpc<{ copy_reference: string; expires: string; metadata: IDataObject }>(
			'files/copy_reference/get',
			{ arg: { path }, space: readSpace(this, itemIndex), errorContext: { path } },
		);
		return [{ json: { copy_reference: result.copy_reference, expires: result.expires, metadata: result.metadata } }];
	},
});
