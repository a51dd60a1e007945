import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

/** Fields of a file request that Create and Update both set. */
export const descriptionProperty: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
	description: 'Shown to the uploaders under the title',
};

export const openProperty = (description: string): INodeProperties => ({
	displayName: 'Open',
	name: 'open',
	type: 'boolean',
	default: true,
	description,
});

/**
 * The destination folder of a request, from a path (`undefined`: not a path). Dropbox takes no request into the top
 * of the Space: that is said here rather than as Dropbox's pattern error.
 */
export function requestDestination(ctx: IExecuteFunctions, path: string | undefined, given: string, itemIndex: number): string {
	if (path === undefined || path === '') {
		throw new NodeOperationError(ctx.getNode(), `"${given}" cannot receive a file request's uploads`, {
			itemIndex,
			description: 'Give the full path of a folder below the top of the Space, such as /File Requests/Homework.',
		});
	}
	return path;
}
