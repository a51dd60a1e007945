import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

const returnAll: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

const limit: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	displayOptions: { show: { returnAll: [false] } },
	description: 'Max number of results to return',
};

/** n8n's usual pair for list operations: "Return All", else "Limit" (optionally capped, as a route's page is). */
export function returnAllProperties(options: { maxLimit?: number } = {}): INodeProperties[] {
	if (options.maxLimit === undefined) return [returnAll, limit];
	return [returnAll, { ...limit, typeOptions: { minValue: 1, maxValue: options.maxLimit } }];
}

/** How many results the item asks for: Infinity for "Return All". */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number, defaultLimit = 50): number {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return Infinity;
	return Math.max(1, Math.floor(ctx.getNodeParameter('limit', itemIndex, defaultLimit) as number));
}
