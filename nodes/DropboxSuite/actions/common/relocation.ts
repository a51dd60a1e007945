/**
 * Copy and move, for files and folders alike: one item through `files/copy_v2` / `move_v2`, many through
 * `copy_batch_v2` / `move_batch_v2` (1000 entries a job, polled until done). A destination ending in "/" is a
 * folder to put the item in under its own name.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { MAX_BATCH_ENTRIES } from '../../../shared/batch/limits';
import { folderPathProperty, nameOfPath, pathInFolder, pathLocator, readDestination, readPath, readSpace, spaceProperties } from '../../../shared/parameters';
import { dropboxSession } from '../../../shared/session';
import type { DropboxSession, Space } from '../../../shared/transport';
import { defineOperation, type Operation } from '../operation';
import { batchedOperation } from './batchedItems';

type Kind = 'copy' | 'move';
type Subject = 'file' | 'folder';

interface RelocationEntry {
	from_path: string;
	to_path: string;
}

interface RelocationOptions {
	autorename?: boolean;
	allowOwnershipTransfer?: boolean;
}

const ROUTES = {
	copy: { single: 'files/copy_v2', launch: 'files/copy_batch_v2', check: 'files/copy_batch/check_v2' },
	move: { single: 'files/move_v2', launch: 'files/move_batch_v2', check: 'files/move_batch/check_v2' },
} as const;

export function relocationOperation<const V extends Kind>(kind: V, subject: Subject): Operation<V> {
	const verb = kind === 'copy' ? 'Copy' : 'Move';
	const noun = subject === 'file' ? 'file' : 'folder';
	return defineOperation({
		value: kind,
		name: verb,
		action: `${verb} a ${noun}`,
		description:
			kind === 'copy'
				? `Copy a ${noun} to another path (many items are copied together in Dropbox batch jobs)`
				: `Move or rename a ${noun} (many items are moved together in Dropbox batch jobs)`,
		properties: relocationProperties(kind, subject),
		async executeAll(items) {
			const session = dropboxSession(this);
			return await batchedOperation<RelocationEntry>(session, items.length, {
				prepare: async (itemIndex) => {
					const options = this.getNodeParameter('options', itemIndex, {}) as RelocationOptions;
					const space = readSpace(this, itemIndex);
					const from = readPath(this, 'path', itemIndex);
					const destination = readDestination(this, 'toPath', itemIndex);
					const to = 'path' in destination ? destination.path : pathInFolder(destination.folder, await nameOf(session, from, space));
					const shared: Record<string, unknown> = { autorename: options.autorename ?? false };
					if (kind === 'move') shared.allow_ownership_transfer = options.allowOwnershipTransfer ?? false;
					return { entry: { from_path: from, to_path: to }, shared, space, errorContext: { path: from, toPath: to } };
				},
				single: async ({ entry, shared, space, errorContext }) => {
					const result = await session.rpc<{ metadata: IDataObject }>(ROUTES[kind].single, {
						arg: { ...entry, ...shared },
						space,
						errorContext,
					});
					return [{ json: result.metadata }];
				},
				plan: {
					routes: { launch: ROUTES[kind].launch, check: ROUTES[kind].check },
					argument: (entries, shared) => ({ entries, ...shared }),
					maxEntries: MAX_BATCH_ENTRIES,
					// A batch wraps the error the single route gives in `relocation_error`.
					entryFailure: (failure) => {
						const entry = failure as { '.tag'?: string; relocation_error?: unknown };
						return entry['.tag'] === 'relocation_error' ? entry.relocation_error : failure;
					},
				},
				output: (result) => [{ json: (result.success ?? result) as IDataObject }],
			});
		},
	});
}

/** The name an item keeps when its destination is a folder: from its path, or looked up for an ID. */
async function nameOf(session: DropboxSession, path: string, space: Space): Promise<string> {
	const name = nameOfPath(path);
	if (name !== undefined) return name;
	const metadata = await session.rpc<{ name: string }>('files/get_metadata', { arg: { path }, space, errorContext: { path } });
	return metadata.name;
}

function relocationProperties(kind: Kind, subject: Subject): INodeProperties[] {
	const noun = subject === 'file' ? 'file' : 'folder';
	const source =
		subject === 'file'
			? pathLocator({ displayName: 'File', name: 'path', description: `The file to ${kind}` })
			: folderPathProperty({ displayName: 'Folder', name: 'path', description: `The folder to ${kind}, with everything in it` });
	const destination = pathLocator({
		displayName: 'Destination',
		name: 'toPath',
		description: `The new full path of the ${noun}, such as /Archive/2024/${subject === 'file' ? 'report.pdf' : 'Reports'}; or a folder ending in "/", such as /Archive/, to keep its name`,
	});
	const options: INodeProperties[] = [
		{
			displayName: 'Rename If Taken',
			name: 'autorename',
			type: 'boolean',
			default: false,
			description: `Whether Dropbox gives the ${noun} a free name such as "report (1).pdf" when the destination exists, instead of failing`,
		},
	];
	if (kind === 'move') {
		options.push({
			displayName: 'Allow Ownership Transfer',
			name: 'allowOwnershipTransfer',
			type: 'boolean',
			default: false,
			description: 'Whether the move may change who owns the content, as moving out of a shared folder owned by someone else does',
		});
	}
	return [
		...spaceProperties,
		source,
		destination,
		{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options },
	];
}
