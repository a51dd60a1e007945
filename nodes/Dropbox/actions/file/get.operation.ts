import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { dropboxRpc } from '../../transport';
import { pathProperty } from '../common.descriptions';
import { readPath, readSpace } from '../readParameters';

const properties: INodeProperties[] = [
	pathProperty('The file or folder whose metadata to get'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Deleted',
				name: 'includeDeleted',
				type: 'boolean',
				default: false,
				description: 'Whether a deleted file or folder is returned (as a "deleted" entry) instead of a not-found error',
			},
			{
				displayName: 'Include Explicit Shared Members Flag',
				name: 'includeHasExplicitSharedMembers',
				type: 'boolean',
				default: false,
				description: 'Whether to report if the file has members invited to it directly',
			},
			{
				displayName: 'Include Media Info',
				name: 'includeMediaInfo',
				type: 'boolean',
				default: false,
				description: 'Whether to include the dimensions, location and date of photos and videos',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['get'] } },
	properties,
);

interface GetOptions {
	includeDeleted?: boolean;
	includeHasExplicitSharedMembers?: boolean;
	includeMediaInfo?: boolean;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const path = readPath(this, 'path', itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as GetOptions;
	const metadata = await dropboxRpc<IDataObject>(this, {
		route: 'files/get_metadata',
		arg: {
			path,
			include_media_info: options.includeMediaInfo ?? false,
			include_deleted: options.includeDeleted ?? false,
			include_has_explicit_shared_members: options.includeHasExplicitSharedMembers ?? false,
		},
		space: readSpace(this, itemIndex),
		errorContext: { path, itemIndex },
	});
	return [{ json: metadata, pairedItem: { item: itemIndex } }];
}
