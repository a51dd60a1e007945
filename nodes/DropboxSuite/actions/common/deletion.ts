/**
 * Delete, for files and folders alike: one item through `files/delete_v2`, many through `files/delete_batch`
 * (1000 entries a job, polled until done). Dropbox keeps deleted files restorable for its retention period.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { MAX_BATCH_ENTRIES } from '../../../shared/batch/limits';
import { folderPathProperty, pathLocator, readPath, readSpace, spaceProperties } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import { defineOperation, type Operation } from '../operation';
import { batchedOperation } from './batchedItems';

interface DeleteEntry {
	path: string;
	parent_rev?: string;
}

export function deleteOperation(subject: 'file' | 'folder'): Operation<'delete'> {
	const noun = subject === 'file' ? 'file' : 'folder';
	return defineOperation({
		value: 'delete',
		name: 'Delete',
		action: `Delete a ${noun}`,
		description:
			subject === 'file'
				? 'Delete a file (it stays restorable from the deleted files for the account\'s retention period)'
				: 'Delete a folder and everything in it (restorable from the deleted files for the account\'s retention period)',
		properties: deleteProperties(subject),
		async executeAll(items) {
			const session = dropboxSession(this);
			return await batchedOperation<DeleteEntry>(session, items.length, {
				prepare: async (itemIndex) => {
					const path = readPath(this, 'path', itemIndex);
					const entry: DeleteEntry = { path };
					if (subject === 'file') {
						const parentRev = String((this.getNodeParameter('options', itemIndex, {}) as { parentRev?: string }).parentRev ?? '').trim();
						if (parentRev) entry.parent_rev = parentRev;
					}
					return { entry, space: readSpace(this, itemIndex), errorContext: { path } };
				},
				single: async ({ entry, space, errorContext }) => {
					const result = await session.rpc<{ metadata: IDataObject }>('files/delete_v2', { arg: entry, space, errorContext });
					return [{ json: result.metadata }];
				},
				plan: {
					routes: { launch: 'files/delete_batch', check: 'files/delete_batch/check' },
					argument: (entries) => ({ entries }),
					maxEntries: MAX_BATCH_ENTRIES,
				},
				output: (result) => [{ json: result.metadata as IDataObject }],
			});
		},
	});
}

function deleteProperties(subject: 'file' | 'folder'): INodeProperties[] {
	if (subject === 'folder') {
		return [...spaceProperties, folderPathProperty({ displayName: 'Folder', name: 'path', description: 'The folder to delete, with everything in it' })];
	}
	return [
		...spaceProperties,
		pathLocator({ displayName: 'File', name: 'path', description: 'The file to delete' }),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Only If Revision Is',
					name: 'parentRev',
					type: 'string',
					default: '',
					placeholder: 'a1c10ce0dd78',
					description: 'Delete only while the file is still at this revision (from a previous Get or Upload); if it changed since, fail instead of deleting the newer version',
				},
			],
		},
	];
}
