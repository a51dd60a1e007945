/** files/list_folder, files/list_folder/continue, files/list_folder/get_latest_cursor */
import type { HandlerContext, HandlerResult } from '../contract';
import { callerView, storeOf } from './context';
import { type CursorState, cursorNamespace, decodeCursor, encodeCursor } from './cursors';
import { LookupFailure, asRouteError, badRequest, json, lookupError, nest, routeError } from './errors';
import { limitsOf } from './limits';
import { nextPage } from './listing';
import { lowerName } from './paths';

/** Page size when the caller sets no `limit` (Dropbox's own is unspecified). */
export const DEFAULT_LIST_LIMIT = 2000;

interface ListFolderArg {
	path: string;
	recursive?: boolean;
	include_deleted?: boolean;
	limit?: number | null;
	shared_link?: unknown;
}

/** The cursor state for a folder "now": the start of a listing, or (latest) the journal head. */
function startCursor(ctx: HandlerContext, latest: boolean): CursorState {
	const { store, account, view } = callerView(ctx);
	const arg = ctx.arg as ListFolderArg;
	if (arg.shared_link) throw badRequest(ctx.route.key, 'request body: shared_link: listing shared links is not supported by the emulator');
	if (arg.path === '/') throw badRequest(ctx.route.key, 'request body: path: Specify the root folder as an empty string rather than as "/".');
	try {
		const target = store.resolve(view, arg.path, account);
		const found = store.locate(target);
		if (!found) throw new LookupFailure('not_found');
		if (found.node.kind !== 'folder') throw new LookupFailure('not_folder');
		const ns = target.view;
		const inView = store.showsPath(ns, target.tree, found.names);
		return {
			epoch: store.epoch,
			generation: store.cursorGeneration(ns.id),
			namespaceId: ns.id,
			folder: (inView ? found.names.slice(ns.prefix.length) : found.names).map(lowerName),
			recursive: arg.recursive ?? false,
			includeDeleted: arg.include_deleted ?? false,
			limit: arg.limit ?? DEFAULT_LIST_LIMIT,
			seq: ns.tree.journal.head,
			...(latest ? {} : { after: '' }),
		};
	} catch (error) {
		throw asRouteError(error, { lookup: 'path' });
	}
}

function page(ctx: HandlerContext, state: CursorState): HandlerResult {
	const store = storeOf(ctx);
	const ns = cursorNamespace(store, state);
	if (!ns) throw routeError({ '.tag': 'reset' });
	if (!ns.tree.walk([...ns.prefix, ...state.folder]).found) throw routeError(nest('path', lookupError('not_found')));
	// The admin's page size caps every page; the cursor keeps the caller's own limit.
	const result = nextPage(ns, { ...state, limit: Math.min(state.limit, limitsOf(ctx).listFolderPageSize) });
	return json({ entries: result.entries, cursor: encodeCursor({ ...result.next, limit: state.limit }), has_more: result.hasMore });
}

export async function listFolder(ctx: HandlerContext): Promise<HandlerResult> {
	return page(ctx, startCursor(ctx, false));
}

export async function listFolderContinue(ctx: HandlerContext): Promise<HandlerResult> {
	const state = decodeCursor(String((ctx.arg as { cursor: string }).cursor));
	if (!state) throw badRequest(ctx.route.key, 'request body: cursor: Invalid cursor');
	return page(ctx, state);
}

export async function listFolderGetLatestCursor(ctx: HandlerContext): Promise<HandlerResult> {
	return json({ cursor: encodeCursor(startCursor(ctx, true)) });
}
