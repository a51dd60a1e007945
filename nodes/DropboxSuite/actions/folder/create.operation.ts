import type { IDataObject } from 'n8n-workflow';

import { MAX_BATCH_ENTRIES } from '../../../shared/batch/limits';
import { folderPathProperty, readPath, readSpace, spaceProperties } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import { DropboxApiError, type DropboxSession, type Space } from '../../../shared/transport';
import { batchedOperation } from '../common/batchedItems';
import { defineOperation, type ItemOutcome } from '../operation';

interface CreateOptions {
	autorename?: boolean;
	returnExisting?: boolean;
}

/**
 * One folder through `files/create_folder_v2`, many through `files/create_folder_batch` (Dropbox creates missing
 * parent folders itself). "Return Existing Folder" makes the operation safe to run again: a folder already there is
 * its result, as `mkdir -p` would have it.
 */
export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a folder',
	description: 'Create a folder, and any missing folders above it',
	properties: [
		...spaceProperties,
		folderPathProperty({
			displayName: 'Folder',
			name: 'path',
			description: 'The full path of the folder to create, such as /Projects/2024/Reports',
			default: { mode: 'path', value: '' },
		}),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Rename If Taken',
					name: 'autorename',
					type: 'boolean',
					default: false,
					description: 'Whether Dropbox gives the folder a free name such as "Reports (1)" when something exists at the path, instead of failing',
				},
				{
					displayName: 'Return Existing Folder',
					name: 'returnExisting',
					type: 'boolean',
					default: false,
					description: 'Whether a folder already at the path is returned (with "existing": true) instead of failing, so that running the workflow again is harmless',
				},
			],
		},
	],
	async executeAll(items) {
		const session = dropboxSession(this);
		const options = items.map((_item, itemIndex) => this.getNodeParameter('options', itemIndex, {}) as CreateOptions);
		const outcomes = await batchedOperation<string>(session, items.length, {
			prepare: async (itemIndex) => {
				const path = readPath(this, 'path', itemIndex);
				return { entry: path, shared: { autorename: options[itemIndex].autorename ?? false }, space: readSpace(this, itemIndex), errorContext: { path } };
			},
			single: async ({ entry, shared, space, errorContext }) => {
				const result = await session.rpc<{ metadata: IDataObject }>('files/create_folder_v2', {
					arg: { path: entry, ...shared },
					space,
					errorContext,
				});
				return [{ json: result.metadata }];
			},
			plan: {
				routes: { launch: 'files/create_folder_batch', check: 'files/create_folder_batch/check' },
				argument: (paths, shared) => ({ paths, ...shared, force_async: false }),
				maxEntries: MAX_BATCH_ENTRIES,
			},
			output: (result) => [{ json: result.metadata as IDataObject }],
		});
		return await Promise.all(
			outcomes.map(async (outcome, itemIndex) =>
				options[itemIndex].returnExisting && isExistingFolder(outcome)
					? await existingFolder(session, readPath(this, 'path', itemIndex), readSpace(this, itemIndex), outcome)
					: outcome,
			),
		);
	},
});

function isExistingFolder(outcome: ItemOutcome): outcome is { error: DropboxApiError } {
	if (!('error' in outcome) || !(outcome.error instanceof DropboxApiError)) return false;
	return outcome.error.dropboxTags.join('/').endsWith('conflict/folder');
}

async function existingFolder(session: DropboxSession, path: string, space: Space, failed: ItemOutcome): Promise<ItemOutcome> {
	try {
		const metadata = await session.rpc<IDataObject>('files/get_metadata', { arg: { path }, space, errorContext: { path } });
		if (metadata['.tag'] !== 'folder') return failed;
		// The shape create_folder answers with: folder metadata has no tag there.
		const folder: IDataObject = { ...metadata, existing: true };
		delete folder['.tag'];
		return { items: [{ json: folder }] };
	} catch {
		return failed;
	}
}
