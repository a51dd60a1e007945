import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sourceFromBinary, sourceFromBuffer, type UploadSource } from '../transfer/uploadSource';

const inputTypeProperty: INodeProperties = {
	displayName: 'Input Type',
	name: 'inputType',
	type: 'options',
	options: [
		{ name: 'Binary File', value: 'binary', description: 'A file from a binary field of the input item' },
		{ name: 'Text', value: 'text', description: 'Text typed here or built with an expression' },
	],
	default: 'binary',
};

/**
 * Where the bytes to send come from: a binary field of the input item (`inputType` binary, `binaryPropertyName`) or
 * text typed in the node (`fileContent`). Operations that send content (uploads, Paper docs) share these.
 */
export function contentInputProperties(options: {
	defaultType: 'binary' | 'text';
	binaryHint: string;
	textDisplayName: string;
	textDescription: string;
}): INodeProperties[] {
	return [
		{ ...inputTypeProperty, default: options.defaultType },
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			displayOptions: { show: { inputType: ['binary'] } },
			hint: options.binaryHint,
		},
		{
			displayName: options.textDisplayName,
			name: 'fileContent',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			displayOptions: { show: { inputType: ['text'] } },
			description: options.textDescription,
		},
	];
}

/** The content the properties above point at, unread: text as UTF-8, or the binary streamed in `readBytes` pieces. */
export async function readContentInput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	defaultType: 'binary' | 'text',
	readBytes: number,
): Promise<UploadSource> {
	const inputType = ctx.getNodeParameter('inputType', itemIndex, defaultType) as 'binary' | 'text';
	if (inputType === 'text') {
		return sourceFromBuffer(Buffer.from(String(ctx.getNodeParameter('fileContent', itemIndex, '') ?? ''), 'utf8'));
	}
	return await sourceFromBinary(ctx, itemIndex, ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string, readBytes);
}
