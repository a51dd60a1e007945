import type { IDataObject } from 'n8n-workflow';

import { dropboxSession } from '../../../shared/session';
import { defineOperation } from '../operation';
import { fileRequestIdProperty, onFileRequest, readFileRequestId } from './fileRequestId';

export const deleteRequest = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a file request',
	description:
		'Delete a closed file request, or every closed file request of the account at once (open ones must be closed first; files already received stay)',
	properties: [
		{
			displayName: 'Delete',
			name: 'deleteWhat',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'One Request', value: 'one', description: 'The closed request with the given ID' },
				{ name: 'All Closed Requests', value: 'allClosed', description: 'Every closed request of the account' },
			],
			default: 'one',
		},
		{
			...fileRequestIdProperty('The closed file request to delete'),
			displayOptions: { show: { deleteWhat: ['one'] } },
		},
	],
	async execute(itemIndex) {
		const session = dropboxSession(this);
		if (this.getNodeParameter('deleteWhat', itemIndex, 'one') === 'allClosed') {
			const { file_requests } = await session.rpc<{ file_requests: IDataObject[] }>('file_requests/delete_all_closed');
			return [{ json: { deleted_count: file_requests.length, file_requests } }];
		}
		const id = readFileRequestId(this, itemIndex);
		const { file_requests } = await onFileRequest(
			id,
			async () => await session.rpc<{ file_requests: IDataObject[] }>('file_requests/delete', { arg: { ids: [id] } }),
		);
		return file_requests.map((request) => ({ json: { ...request, deleted: true } }));
	},
});
