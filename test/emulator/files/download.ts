/** files/download: the file's metadata for Dropbox-API-Result; the dispatcher streams the blob (and serves Range). */
import type { HandlerContext, HandlerResult } from '../contract';
import { callerView } from './context';
import { LookupFailure, asRouteError } from './errors';
import { renderFile, withoutTag } from './store/render';

export async function download(ctx: HandlerContext): Promise<HandlerResult> {
	const { store, account, view } = callerView(ctx);
	const arg = ctx.arg as { path: string; rev?: string | null };
	try {
		const target = store.resolve(view, arg.path, account);
		const found = store.locate(target);
		if (!found) throw new LookupFailure('not_found');
		if (found.node.kind !== 'file') throw new LookupFailure('not_file');
		// Only current revisions are kept: an older `rev` is not found.
		if (arg.rev && arg.rev !== found.node.rev) throw new LookupFailure('not_found');
		const { blob, size, rev } = found.node;
		return { kind: 'download', result: withoutTag(renderFile(target.view, found)), file: blob, size, etag: rev };
	} catch (error) {
		throw asRouteError(error, { lookup: 'path' });
	}
}
