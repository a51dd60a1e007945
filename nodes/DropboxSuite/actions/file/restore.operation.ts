import type { IDataObject } from 'n8n-workflow';

import { pathLocator, readPath, readRequiredText, readSpace, spaceProperties } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import { defineOperation } from '../operation';

export const restore = defineOperation({
	value: 'restore',
	name: 'Restore',
	action: 'Restore a file revision',
	description: 'Make an earlier revision of a file its current version again (the file keeps every revision)',
	properties: [
		...spaceProperties,
		pathLocator({
			displayName: 'File',
			name: 'path',
			description: 'Where to put the restored revision: usually the file\'s own path',
		}),
		{
			displayName: 'Revision',
			name: 'rev',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'a1c10ce0dd78',
			description: 'The revision to restore (its "rev", as List Revisions outputs it)',
		},
	],
	async execute(itemIndex) {
		const path = readPath(this, 'path', itemIndex);
		const rev = readRequiredText(this, 'rev', itemIndex, 'Revision', 'Set "Revision" to a rev from List Revisions, such as a1c10ce0dd78.');
		const metadata = await dropboxSession(this).rpc<IDataObject>('files/restore', {
			arg: { path, rev },
			space: readSpace(this, itemIndex),
			errorContext: { path },
		});
		return [{ json: metadata }];
	},
});
