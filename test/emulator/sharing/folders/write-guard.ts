/**
 * Viewers of a shared folder may read it, not change it: writes under a folder the caller views only are
 * refused with WriteError `no_write_permission` in each route's own union (the file routes know nothing of
 * memberships). Guarded: upload, create_folder_v2, delete_v2, move_v2 (either end) and copy_v2 (its
 * destination). The mount point itself is the member's own: deleting it unmounts (delete-guard.ts).
 */
import { ApiError, type HandlerContext, type HandlerResult, type RouteHandler } from '../../contract';
import { callerView } from '../../files/context';
import { routeError } from '../../files/errors';
import { MAX_REQUEST_BYTES } from '../../files/store/upload-sessions';
import { sharedFolders } from './folder-store';

const NO_WRITE = { '.tag': 'no_write_permission' };

/** Is `path` strictly inside a shared folder the caller is only a viewer of? */
function readOnlyFor(ctx: HandlerContext, path: unknown): boolean {
	if (typeof path !== 'string') return false;
	const { store, account, view } = callerView(ctx);
	let target;
	try {
		target = store.resolve(view, path, account);
	} catch {
		return false;
	}
	const table = sharedFolders.of(store);
	for (let depth = 1; depth < target.abs.length; depth++) {
		const found = target.tree.walk(target.abs.slice(0, depth)).found;
		if (!found) return false;
		const record = table.ofNode(found.node);
		if (record) {
			const access = record.members.get(account.accountId)?.access;
			return access === 'viewer' || access === 'viewer_no_comment';
		}
	}
	return false;
}

/** `checks`: argument field → the route error's member carrying WriteError for it. */
function refuseViewers(route: RouteHandler, checks: Record<string, string>): RouteHandler {
	return async (ctx) => {
		const arg = (ctx.arg ?? {}) as Record<string, unknown>;
		for (const [field, member] of Object.entries(checks)) {
			if (readOnlyFor(ctx, arg[field])) throw routeError({ '.tag': member, [member]: NO_WRITE });
		}
		return route(ctx);
	};
}

/** files/upload takes the body first, as Dropbox does, and keeps it in an upload session named in the error. */
function refuseViewerUploads(route: RouteHandler): RouteHandler {
	return async (ctx: HandlerContext): Promise<HandlerResult> => {
		if (!readOnlyFor(ctx, (ctx.arg as { path?: unknown }).path)) return route(ctx);
		const { store, account } = callerView(ctx);
		const blob = await store.blobs.writeStream(ctx.body, MAX_REQUEST_BYTES);
		if (blob.overLimit) throw routeError({ '.tag': 'payload_too_large' });
		const session = store.sessions.adopt(account.accountId, blob);
		throw new ApiError(409, { '.tag': 'path', reason: NO_WRITE, upload_session_id: session.id }, { summary: 'path/no_write_permission' });
	};
}

export function guardViewerWrites(routes: Record<string, RouteHandler>): Record<string, RouteHandler> {
	const guarded: Record<string, RouteHandler> = {};
	const wrap = (key: string, make: (route: RouteHandler) => RouteHandler) => {
		if (routes[key]) guarded[key] = make(routes[key]);
	};
	wrap('files/upload', refuseViewerUploads);
	wrap('files/create_folder_v2', (route) => refuseViewers(route, { path: 'path' }));
	wrap('files/delete_v2', (route) => refuseViewers(route, { path: 'path_write' }));
	wrap('files/move_v2', (route) => refuseViewers(route, { from_path: 'from_write', to_path: 'to' }));
	wrap('files/copy_v2', (route) => refuseViewers(route, { to_path: 'to' }));
	return { ...routes, ...guarded };
}
