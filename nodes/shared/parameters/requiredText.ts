import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

/** A text parameter that must not be empty (an expression may well yield nothing): trimmed, or a clear error. */
export function readRequiredText(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
	whatToDo: string,
): string {
	const value = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (!value) throw new NodeOperationError(ctx.getNode(), `"${label}" is empty`, { description: whatToDo });
	return value;
}
