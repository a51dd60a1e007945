import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { DropboxApiError } from '../../../shared/transport';

/** The request a Get, Update, Close or Delete works on: its ID, or its URL (…/request/<id>). */
export const fileRequestIdProperty = (description: string): INodeProperties => ({
	displayName: 'File Request ID',
	name: 'fileRequestId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'oaCAVmEyrqYnkZX9955Y',
	description: `${description}: the ID that File Request → Create or List output, or the request's URL`,
});

const ID = /^[-_0-9a-zA-Z]+$/;

export function readFileRequestId(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = String(ctx.getNodeParameter('fileRequestId', itemIndex, '') ?? '').trim();
	const fromUrl = /^https?:\/\/(www\.)?dropbox\.com\/request\/([-_0-9a-zA-Z]+)\/?(\?.*)?$/i.exec(value)?.[2];
	const id = fromUrl ?? value;
	if (!ID.test(id)) {
		throw new NodeOperationError(ctx.getNode(), value ? `"${value}" is not a file request ID` : '"File Request ID" is empty', {
			itemIndex,
			description:
				'Give the request\'s "id" (letters, digits, "-" and "_", such as oaCAVmEyrqYnkZX9955Y) as File Request → Create or List output it, or its URL https://www.dropbox.com/request/<id>.',
		});
	}
	return id;
}

/**
 * `not_found` and `no_permission` are tags other routes use for paths and Spaces, and the shared hints speak of those:
 * for a file request they are told in file-request words here.
 */
/** Runs Dropbox calls about the request `id`, telling their errors in file-request words. */
export async function onFileRequest<T>(id: string, calls: () => Promise<T>): Promise<T> {
	try {
		return await calls();
	} catch (error) {
		throw explainRequestError(error, id);
	}
}

function explainRequestError(error: unknown, id: string): unknown {
	if (!(error instanceof DropboxApiError)) return error;
	const tag = error.dropboxTags[0];
	if (tag === 'not_found') {
		error.description = `This account has no file request with the ID "${id}" (it was deleted, or belongs to another account). List the account's file requests with File Request → List to find the right ID.`;
	} else if (tag === 'no_permission') {
		error.description = `The account may not see or change the file request "${id}". Use the credential of the account that made it.`;
	}
	return error;
}
