import type { IDataObject } from 'n8n-workflow';

import { dropboxSession } from '../../../shared/session';
import { defineOperation } from '../operation';
import { fileRequestIdProperty, onFileRequest, readFileRequestId } from './fileRequestId';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a file request',
	description: 'Get a file request: its title, URL, destination folder, deadline, whether it is open and how many files it received',
	properties: [fileRequestIdProperty('The file request to get')],
	async execute(itemIndex) {
		const id = readFileRequestId(this, itemIndex);
		const request = await onFileRequest(id, async () => await dropboxSession(this).rpc<IDataObject>('file_requests/get', { arg: { id } }));
		return [{ json: request }];
	},
});
