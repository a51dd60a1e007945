/** check/user and check/app: echo the query, proving the credentials work. */
import type { HandlerContext, HandlerMap, HandlerResult } from '../contract';

async function echo(ctx: HandlerContext): Promise<HandlerResult> {
	const { query } = (ctx.arg ?? {}) as { query?: string };
	return { kind: 'json', body: { result: query ?? '' } };
}

export const checkHandlers: HandlerMap = {
	'check/user': echo,
	'check/app': echo,
};
