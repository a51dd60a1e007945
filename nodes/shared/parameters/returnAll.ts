import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** n8n's usual pair for list operations: "Return All", else "Limit" (optionally capped). */
export function returnAllProperties(options: { defaultLimit?: number; maxLimit?: number } = {}): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: options.maxLimit ? { minValue: 1, maxValue: options.maxLimit } : { minValue: 1 },
			default: options.defaultLimit ?? 50,
			displayOptions: { show: { returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

/** How many results the item asks for: Infinity for "Return All". */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number, defaultLimit = 50): number {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return Infinity;
	return Math.max(1, Math.floor(ctx.getNodeParameter('limit', itemIndex, defaultLimit) as number));
}
