/** files/get_metadata */
import type { HandlerContext, HandlerResult } from '../contract';
import { callerView } from './context';
import { LookupFailure, asRouteError, badRequest, json } from './errors';
import { keyOf } from './store/keys';
import { renderDeleted, renderMetadata } from './store/render';

interface GetMetadataArg {
	path: string;
	include_deleted?: boolean;
}

export async function getMetadata(ctx: HandlerContext): Promise<HandlerResult> {
	const { store, account, view } = callerView(ctx);
	const arg = ctx.arg as GetMetadataArg;
	if (arg.path === '/' || arg.path === '') throw badRequest(ctx.route.key, 'request body: path: The root folder is unsupported.');
	try {
		const target = store.resolve(view, arg.path, account);
		if (target.abs.length === 0) throw badRequest(ctx.route.key, 'request body: path: The root folder is unsupported.');
		const found = store.locate(target);
		if (found) return json(renderMetadata(target.view, found));
		const deletedDisplay = target.tree.deleted.get(keyOf(target.abs));
		if (arg.include_deleted && deletedDisplay !== undefined) return json(renderDeleted(target.view, deletedDisplay));
		throw new LookupFailure('not_found');
	} catch (error) {
		throw asRouteError(error, { lookup: 'path' });
	}
}
