import type { IDataObject } from 'n8n-workflow';

import { pathLocator, readPath, readSpace, spaceProperties } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import { defineOperation } from '../operation';
import { paperContentProperties, readPaperContent, type ImportFormat } from './paperContent';

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a Paper doc',
	description: 'Create a Dropbox Paper doc from Markdown, HTML or plain text; outputs its link, path, ID and revision',
	properties: [
		...spaceProperties,
		pathLocator({
			displayName: 'Destination',
			name: 'path',
			description: 'The doc\'s full path, its title included and ending in ".paper", such as /Notes/Weekly plan.paper',
		}),
		...paperContentProperties,
	],
	async execute(itemIndex) {
		const path = readPath(this, 'path', itemIndex);
		const importFormat = this.getNodeParameter('importFormat', itemIndex, 'markdown') as ImportFormat;
		const body = await readPaperContent(this, itemIndex);
		const result = await dropboxSession(this).upload<IDataObject>('files/paper/create', {
			arg: { path, import_format: { '.tag': importFormat } },
			body,
			space: readSpace(this, itemIndex),
			errorContext: { path },
		});
		return [{ json: result }];
	},
});
