/**
 * files/list_revisions: the kept revisions (store/revisions.ts) of the file a path or id names — its
 * latest entry, current or deleted — newest first. `path` mode: every revision written at that path;
 * `id` mode: every revision of that file id, across moves. `is_deleted` / `server_deleted` when the
 * latest one is no longer there (deleted or moved away).
 */
import type { HandlerContext, HandlerResult } from '../contract';
import { callerView } from './context';
import { LookupFailure, asRouteError, json, routeError } from './errors';
import type { FileStore, Target } from './store/file-store';
import { keyOf } from './store/keys';
import { renderFile } from './store/render';
import type { FileRevision } from './store/revisions';

interface ListRevisionsArg {
	path: string;
	mode?: { '.tag': 'path' | 'id' } | 'path' | 'id';
	limit?: number;
	before_rev?: string | null;
	include_restorable_info?: boolean;
}

function modeOf(arg: ListRevisionsArg): 'path' | 'id' {
	const mode = arg.mode ?? 'path';
	return typeof mode === 'string' ? mode : mode['.tag'];
}

/** The latest revision the argument names: the file there now, else the last one kept for it. */
function latestEntry(store: FileStore, target: Target, byId: boolean): FileRevision {
	const history = store.history(target.tree);
	const found = store.locate(target);
	if (found?.node.kind === 'folder') throw new LookupFailure('not_file');
	if (found) return history.get(found.node.rev) ?? (found as FileRevision);
	// An id is looked up among current files only (resolve fails for an unknown one); a path may be gone.
	if (byId) throw new LookupFailure('not_found');
	const [latest] = history.atKey(keyOf(target.abs));
	if (!latest) throw new LookupFailure('not_found');
	return latest;
}

export async function listRevisions(ctx: HandlerContext): Promise<HandlerResult> {
	const { store, account, view } = callerView(ctx);
	const arg = ctx.arg as ListRevisionsArg;
	const mode = modeOf(arg);
	if (arg.before_rev && mode === 'id') throw routeError({ '.tag': 'before_rev_not_supported' });
	let target: Target;
	let latest: FileRevision;
	try {
		target = store.resolve(view, arg.path, account);
		latest = latestEntry(store, target, arg.path.startsWith('id:'));
	} catch (error) {
		throw asRouteError(error, { lookup: 'path' });
	}
	const history = store.history(target.tree);
	const key = keyOf(latest.names);
	let revisions = mode === 'id' ? history.ofId(latest.node.id) : history.atKey(key);
	if (arg.before_rev) {
		const at = revisions.findIndex((revision) => revision.node.rev === arg.before_rev);
		if (at < 0) throw routeError({ '.tag': 'invalid_before_rev' });
		revisions = revisions.slice(at + 1);
	}
	const limit = arg.limit ?? 10;
	const page = revisions.slice(0, limit);
	// Is the newest revision listed still where it was written?
	const newest = revisions[0] ?? latest;
	const current = target.tree.walk(newest.names).found;
	const isDeleted = !(current?.node.kind === 'file' && current.node.id === newest.node.id && store.showsPath(view, target.tree, newest.names));
	const serverDeleted = isDeleted ? history.goneSince(keyOf(newest.names)) : undefined;
	return json({
		is_deleted: isDeleted,
		...(serverDeleted ? { server_deleted: serverDeleted } : {}),
		entries: page.map((revision) => {
			const { '.tag': _tag, ...metadata } = renderFile(target.view, revision);
			return arg.include_restorable_info ? { ...metadata, is_restorable: true } : metadata;
		}),
		has_more: revisions.length > page.length,
	});
}
