import type { IDataObject } from 'n8n-workflow';

import { dropboxSession } from '../../../shared/session';
import { defineOperation } from '../operation';
import { sharedLinkUrlProperty } from './linkUrl';
import { readVisit, visitOptionsProperty } from './linkVisit';

export const getMetadata = defineOperation({
	value: 'getMetadata',
	name: 'Get Metadata',
	action: 'Get the metadata of a shared link',
	description:
		'Get what a shared link points at (name, size, type) and its settings, from its URL; works for links other people shared too',
	properties: [sharedLinkUrlProperty('The shared link to look up'), visitOptionsProperty],
	async execute(itemIndex) {
		const arg = readVisit(this, itemIndex);
		const metadata = await dropboxSession(this).rpc<IDataObject>('sharing/get_shared_link_metadata', {
			arg,
			errorContext: typeof arg.path === 'string' ? { path: arg.path } : {},
		});
		return [{ json: metadata }];
	},
});
