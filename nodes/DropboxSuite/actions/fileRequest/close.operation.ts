import type { IDataObject } from 'n8n-workflow';

import { dropboxSession } from '../../../shared/session';
import { defineOperation } from '../operation';
import { fileRequestIdProperty, onFileRequest, readFileRequestId } from './fileRequestId';

export const close = defineOperation({
	value: 'close',
	name: 'Close',
	action: 'Close a file request',
	description: 'Close a file request so that it takes no more files (it can be opened again with Update, or deleted once closed)',
	properties: [fileRequestIdProperty('The file request to close')],
	async execute(itemIndex) {
		const id = readFileRequestId(this, itemIndex);
		const request = await onFileRequest(
			id,
			async () => await dropboxSession(this).rpc<IDataObject>('file_requests/update', { arg: { id, open: false } }),
		);
		return [{ json: request }];
	},
});
