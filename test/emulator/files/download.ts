/**
 * files/download: the file's metadata for Dropbox-API-Result; the dispatcher streams the blob (and serves
 * Range). Any kept revision can be read, by a `rev:` path or by `rev` next to the file's path.
 */
import type { HandlerContext, HandlerResult } from '../contract';
import { callerView } from './context';
import { LookupFailure, asRouteError, routeError } from './errors';
import { isExportOnly } from './paper/paper-files';
import { renderFile, withoutTag } from './store/render';

export async function download(ctx: HandlerContext): Promise<HandlerResult> {
	const { store, account, view } = callerView(ctx);
	const arg = ctx.arg as { path: string; rev?: string | null };
	try {
		const target = store.resolve(view, arg.path, account);
		const found = store.locateFile(arg.rev ? { ...target, rev: arg.rev } : target);
		// `rev` must be a revision of the file the path names now.
		if (arg.rev && found.node.id !== store.locate(target)?.node.id) throw new LookupFailure('not_found');
		if (isExportOnly(found.node)) throw routeError({ '.tag': 'unsupported_file' });
		const { blob, size, rev } = found.node;
		return { kind: 'download', result: withoutTag(renderFile(target.view, found)), file: blob, size, etag: rev };
	} catch (error) {
		throw asRouteError(error, { lookup: 'path' });
	}
}
