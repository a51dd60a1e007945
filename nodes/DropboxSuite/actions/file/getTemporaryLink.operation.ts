import type { IDataObject } from 'n8n-workflow';

import { pathLocator, readPath, readSpace, spaceProperties } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import { defineOperation } from '../operation';

/** Dropbox's temporary links work for four hours. */
const LINK_LIFETIME_MS = 4 * 60 * 60 * 1000;

export const getTemporaryLink = defineOperation({
	value: 'getTemporaryLink',
	name: 'Get Temporary Link',
	action: 'Get a temporary download link for a file',
	description:
		'Get a direct link that serves the file\'s bytes to anyone who has it, for four hours; the output says when it expires',
	properties: [
		...spaceProperties,
		pathLocator({ displayName: 'File', name: 'path', description: 'The file to link to' }),
	],
	async execute(itemIndex) {
		const path = readPath(this, 'path', itemIndex);
		// Counted from before the request: the link surely works until then.
		const requestedAt = Date.now();
		const { link, metadata } = await dropboxSession(this).rpc<{ link: string; metadata: IDataObject }>('files/get_temporary_link', {
			arg: { path },
			space: readSpace(this, itemIndex),
			errorContext: { path },
		});
		return [{ json: { link, expires: new Date(requestedAt + LINK_LIFETIME_MS).toISOString(), metadata } }];
	},
});
