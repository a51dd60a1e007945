/**
 * files/restore: writes a kept revision's content at a path as a new revision. A file there is replaced
 * (keeping its id); on an empty path the restored file takes back the revision's id if no other file
 * holds it. Restoring the content a file already has changes nothing (WriteMode's identical-content rule).
 */
import type { HandlerContext, HandlerResult } from '../contract';
import { callerView } from './context';
import { asRouteError, json, routeError } from './errors';
import { renderFile, withoutTag } from './store/render';
import { commitFile } from './store/write-file';
import { withWriteSlot } from './write-slot';

export async function restore(ctx: HandlerContext): Promise<HandlerResult> {
	const { store, account, view } = callerView(ctx);
	const arg = ctx.arg as { path: string; rev: string };
	try {
		const target = store.resolve(view, arg.path, account);
		const revision = store.history(target.tree).get(arg.rev);
		if (!revision || !store.showsPath(view, target.tree, revision.names)) throw routeError({ '.tag': 'invalid_revision' });
		const placed = await withWriteSlot(target.tree, () => {
			const { blob: file, size, contentHash, id, clientModified, paperRevision } = revision.node;
			const options = { mode: { kind: 'overwrite' as const }, autorename: false, strictConflict: false, clientModified, preferredId: id, paperRevision };
			return commitFile(store, target, { file, size, contentHash }, options);
		});
		return json(withoutTag(renderFile(target.view, placed)));
	} catch (error) {
		throw asRouteError(error, { lookup: 'path_lookup', write: 'path_write' });
	}
}
