import { NodeOperationError } from 'n8n-workflow';

import { pathLocator, readPath, readSpace, spaceProperties } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import { defineOperation } from '../operation';
import { paperContentProperties, readPaperContent, type ImportFormat } from './paperContent';

type UpdatePolicy = 'update' | 'overwrite' | 'prepend' | 'append';

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a Paper doc',
	description:
		'Replace a Dropbox Paper doc\'s content, or add to its beginning or end, from Markdown, HTML or plain text; outputs its new revision',
	properties: [
		...spaceProperties,
		pathLocator({ displayName: 'Paper Doc', name: 'path', description: 'The Paper doc to change, such as /Notes/Weekly plan.paper' }),
		...paperContentProperties,
		{
			displayName: 'Update Policy',
			name: 'docUpdatePolicy',
			type: 'options',
			options: [
				{ name: 'Append', value: 'append', description: 'Add the content at the end of the doc' },
				{ name: 'Overwrite', value: 'overwrite', description: 'Replace the doc\'s content, whatever its revision' },
				{ name: 'Prepend', value: 'prepend', description: 'Add the content at the beginning of the doc' },
				{
					name: 'Replace If Unchanged',
					value: 'update',
					description: 'Replace the doc\'s content only if it is still at the Paper Revision given (nobody changed it since)',
				},
			],
			default: 'append',
			description: 'How the content is applied to the doc',
		},
		{
			displayName: 'Paper Revision',
			name: 'paperRevision',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
			required: true,
			displayOptions: { show: { docUpdatePolicy: ['update'] } },
			description: 'The doc\'s revision the content replaces ("paper_revision" from Create, an earlier Update, or Export)',
		},
	],
	async execute(itemIndex) {
		const path = readPath(this, 'path', itemIndex);
		const importFormat = this.getNodeParameter('importFormat', itemIndex, 'markdown') as ImportFormat;
		const policy = this.getNodeParameter('docUpdatePolicy', itemIndex, 'append') as UpdatePolicy;
		let paperRevision: number | undefined;
		if (policy === 'update') {
			paperRevision = Number(this.getNodeParameter('paperRevision', itemIndex));
			if (!Number.isInteger(paperRevision) || paperRevision < 1) {
				throw new NodeOperationError(this.getNode(), `"${paperRevision}" is not a Paper revision`, {
					description: 'Set "Paper Revision" to the doc\'s "paper_revision" (a whole number) from Create, Update or Export, or choose the Overwrite policy.',
				});
			}
		}
		const body = await readPaperContent(this, itemIndex);
		const result = await dropboxSession(this).upload<{ paper_revision: number }>('files/paper/update', {
			arg: {
				path,
				import_format: { '.tag': importFormat },
				doc_update_policy: { '.tag': policy },
				...(paperRevision !== undefined ? { paper_revision: paperRevision } : {}),
			},
			body,
			space: readSpace(this, itemIndex),
			errorContext: { path },
		});
		return [{ json: { path, paper_revision: result.paper_revision } }];
	},
});
