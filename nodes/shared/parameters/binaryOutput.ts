import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

/** The output binary field of an operation that hands bytes to n8n (`binaryPropertyName`, default `data`). */
export const binaryOutputProperty = (hint: string): INodeProperties => ({
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	hint,
});

export function readBinaryOutputField(ctx: IExecuteFunctions, itemIndex: number): string {
	const field = String(ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data') ?? '').trim();
	if (!field) throw new NodeOperationError(ctx.getNode(), 'Name the output binary field ("Put Output File in Field")');
	return field;
}
