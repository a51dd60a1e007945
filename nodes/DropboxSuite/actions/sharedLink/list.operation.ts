import type { IDataObject } from 'n8n-workflow';

import { pathProperty, readLimit, readPath, readSpace, returnAllProperties, spaceProperties } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import { listAll, type PagedResult } from '../../../shared/transport';
import { defineOperation } from '../operation';

interface LinksPage extends PagedResult {
	links: IDataObject[];
}

export const list = defineOperation({
	value: 'list',
	name: 'List',
	action: 'List shared links',
	description:
		"List the account's shared links, all of them or those of one file or folder (and of the folders above it): one item per link",
	properties: [
		{
			displayName: 'List',
			name: 'listOf',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'All My Links', value: 'all', description: 'Every shared link the account made' },
				{ name: 'Links of a File or Folder', value: 'path', description: 'The links that give access to one item' },
			],
			default: 'all',
		},
		...spaceProperties.map((property) => ({
			...property,
			displayOptions: { show: { listOf: ['path'], ...property.displayOptions?.show } },
		})),
		{
			...pathProperty('The file or folder whose links to list'),
			displayOptions: { show: { listOf: ['path'] } },
		},
		{
			displayName: 'Direct Links Only',
			name: 'directOnly',
			type: 'boolean',
			default: false,
			displayOptions: { show: { listOf: ['path'] } },
			description: 'Whether to leave out links to the folders above the item, which give access to it too',
		},
		...returnAllProperties(),
	],
	async execute(itemIndex) {
		const listOf = this.getNodeParameter('listOf', itemIndex, 'all') as 'all' | 'path';
		const limit = readLimit(this, itemIndex);
		const path = listOf === 'path' ? readPath(this, 'path', itemIndex) : undefined;
		const arg: IDataObject = {};
		if (path !== undefined) {
			arg.path = path;
			arg.direct_only = this.getNodeParameter('directOnly', itemIndex, false) as boolean;
		}
		const links = await listAll<IDataObject, LinksPage>(
			dropboxSession(this),
			{
				route: 'sharing/list_shared_links',
				continueRoute: 'sharing/list_shared_links',
				arg,
				space: path !== undefined ? readSpace(this, itemIndex) : undefined,
				errorContext: path !== undefined ? { path } : {},
			},
			{ itemsKey: 'links', limit },
		);
		return links.map((link) => ({ json: link }));
	},
});
