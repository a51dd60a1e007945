import {
	NodeOperationError,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { OWN_SPACE, type Space } from '../transport';

/** Where paths start in a team account: the Dropbox-API-Path-Root header of every call (transport/space.ts). */
export const spaceProperties: INodeProperties[] = [
	{
		displayName: 'Space',
		name: 'space',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'My Files',
				value: 'own',
				description: 'Paths start in your own folder (the only choice for app-folder apps)',
			},
			{
				name: 'Team Space',
				value: 'team',
				description: 'Paths start at the top of the team space, which holds team folders and your folder',
			},
			{
				name: 'Shared or Team Folder',
				value: 'namespace',
				description: 'Paths start inside one shared or team folder',
			},
		],
		default: 'own',
		description: 'Where paths start, for accounts in a Dropbox team',
	},
	{
		displayName: 'Folder',
		name: 'namespace',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: { show: { space: ['namespace'] } },
		description: 'The shared or team folder that paths start in',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a shared folder…',
				typeOptions: { searchListMethod: 'searchSharedFolders', searchable: true },
			},
			{
				displayName: 'By Namespace ID',
				name: 'id',
				type: 'string',
				placeholder: '1234567890',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^[0-9]+$', errorMessage: 'A namespace ID is a number' },
					},
				],
			},
		],
	},
];

/**
 * The Space the `space` and `namespace` parameters describe; undefined when a shared folder is asked for but
 * no valid namespace ID was given (the caller decides whether that is an error).
 */
export function spaceFromParameters(kind: unknown, namespace: unknown): Space | undefined {
	if (kind === 'team') return { kind: 'team' };
	if (kind !== 'namespace') return OWN_SPACE;
	const value = typeof namespace === 'object' && namespace !== null ? (namespace as { value?: unknown }).value : namespace;
	const namespaceId = String(value ?? '').trim();
	return /^[0-9]+$/.test(namespaceId) ? { kind: 'namespace', namespaceId } : undefined;
}

export function readSpace(ctx: IExecuteFunctions, itemIndex: number): Space {
	const kind = ctx.getNodeParameter('space', itemIndex, 'own');
	const space = spaceFromParameters(
		kind,
		kind === 'namespace' ? ctx.getNodeParameter('namespace', itemIndex) : undefined,
	);
	if (!space) {
		throw new NodeOperationError(ctx.getNode(), 'Choose the shared or team folder for "Space"');
	}
	return space;
}

/** The Space chosen in the editor, for list searches; while no shared folder is picked yet, the member's own folder. */
export function currentSpace(ctx: ILoadOptionsFunctions): Space {
	const kind = ctx.getCurrentNodeParameter('space');
	const namespace = kind === 'namespace' ? ctx.getCurrentNodeParameter('namespace') : undefined;
	return spaceFromParameters(kind, namespace) ?? OWN_SPACE;
}
