import type { IDataObject } from 'n8n-workflow';

import { pathProperty, readPath, readSpace, spaceProperties } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import { defineOperation } from '../operation';

interface GetOptions {
	includeDeleted?: boolean;
	includeHasExplicitSharedMembers?: boolean;
	includeMediaInfo?: boolean;
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get file or folder metadata',
	description: 'Get the metadata of a file or folder',
	properties: [
		...spaceProperties,
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
	],
	async execute(itemIndex) {
		const path = readPath(this, 'path', itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as GetOptions;
		const metadata = await dropboxSession(this).rpc<IDataObject>('files/get_metadata', {
			arg: {
				path,
				include_media_info: options.includeMediaInfo ?? false,
				include_deleted: options.includeDeleted ?? false,
				include_has_explicit_shared_members: options.includeHasExplicitSharedMembers ?? false,
			},
			space: readSpace(this, itemIndex),
			errorContext: { path },
		});
		return [{ json: metadata }];
	},
});
