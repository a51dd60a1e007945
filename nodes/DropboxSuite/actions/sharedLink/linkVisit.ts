import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readSharedLinkUrl } from './linkUrl';

interface VisitOptions {
	path?: string;
	linkPassword?: string;
}

/** What opening a link takes besides its URL: a file inside a folder link, and the link's password. */
export const visitOptionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'File in Folder',
			name: 'path',
			type: 'string',
			default: '',
			placeholder: '/Photos/beach.jpg',
			description: 'For a link to a folder: the file or subfolder inside it, relative to the linked folder',
		},
		{
			displayName: 'Link Password',
			name: 'linkPassword',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The password the link asks for, if it has one',
		},
	],
};

/** `{url, path?, link_password?}`, the argument of get_shared_link_metadata and get_shared_link_file. */
export function readVisit(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const url = readSharedLinkUrl(ctx, itemIndex);
	const options = ctx.getNodeParameter('options', itemIndex, {}) as VisitOptions;
	const arg: IDataObject = { url };
	const path = options.path?.trim();
	if (path) arg.path = path.startsWith('/') ? path : `/${path}`;
	if (options.linkPassword) arg.link_password = options.linkPassword;
	return arg;
}
