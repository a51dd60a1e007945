import type { IDataObject } from 'n8n-workflow';

import { pathLocator, readPath, readRequiredText, readSpace, spaceProperties } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import { DropboxApiError } from '../../../shared/transport';
import { defineOperation } from '../operation';

export const saveCopyReference = defineOperation({
	value: 'saveCopyReference',
	name: 'Save Copy Reference',
	action: 'Save a copy reference into this account',
	description:
		'Copy a file or folder from another account into this one, from the copy reference that account\'s Get Copy Reference gave: Dropbox copies it, nothing is downloaded',
	properties: [
		...spaceProperties,
		{
			displayName: 'Copy Reference',
			name: 'copyReference',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'z1X6ATl6aWtzOGq0c3g5Ng',
			description: 'The "copy_reference" that Get Copy Reference output',
		},
		pathLocator({
			displayName: 'Destination',
			name: 'path',
			description: 'The full path the copy gets in this account, its name included, such as /From Anna/report.pdf',
		}),
	],
	async execute(itemIndex) {
		const copyReference = readRequiredText(this, 'copyReference', itemIndex, 'Copy Reference', 'Map the "copy_reference" field that Get Copy Reference output.');
		const path = readPath(this, 'path', itemIndex);
		try {
			const { metadata } = await dropboxSession(this).rpc<{ metadata: IDataObject }>('files/copy_reference/save', {
				arg: { copy_reference: copyReference, path },
				space: readSpace(this, itemIndex),
				errorContext: { path },
			});
			return [{ json: metadata }];
		} catch (error) {
			throw explained(error);
		}
	},
});

/**
 * This route's top-level `no_permission` and `not_found` are about the reference, not about the Space or the destination
 * that the same tags mean elsewhere.
 */
function explained(error: unknown): unknown {
	if (!(error instanceof DropboxApiError) || error.dropboxTags.length !== 1) return error;
	const [tag] = error.dropboxTags;
	if (tag === 'no_permission') {
		error.description =
			'This account may not save the copy reference: a reference works only for the same Dropbox app that made it, while the account it came from is still connected to that app. Get a new reference with this node\'s credential app in the other account.';
	} else if (tag === 'not_found') {
		error.description =
			'The file or folder the copy reference points to is gone from the account it came from (deleted or moved). Get a new copy reference there.';
	}
	return error;
}
