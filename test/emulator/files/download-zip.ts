/**
 * files/download_zip: a folder as a zip, streamed while it is made. `Dropbox-API-Result` carries
 * DownloadZipResult (`{metadata: FolderMetadata}`); DownloadZipError's `path` (not_found, not_folder,
 * malformed_path), `too_large` and `too_many_files` come before any byte of the archive.
 */
import type { HandlerContext, HandlerResult } from '../contract';
import { callerView } from './context';
import { LookupFailure, asRouteError, badRequest, routeError } from './errors';
import { limitsOf } from './limits';
import { renderMetadata, withoutTag } from './store/render';
import type { FolderNode, Located } from './store/tree';
import { planFolderZip } from './zip-plan';
import { zipStream } from './zip/zip-writer';

export async function downloadZip(ctx: HandlerContext): Promise<HandlerResult> {
	const { store, account, view } = callerView(ctx);
	const arg = ctx.arg as { path: string };
	let top: Located<FolderNode>;
	let shownIn = view;
	try {
		const target = store.resolve(view, arg.path, account);
		// A namespace's own root has no name to give the archive's folder; get_metadata refuses it too.
		if (target.abs.length <= target.view.prefix.length && !target.rev) {
			throw badRequest(ctx.route.key, 'path: The root folder is unsupported.');
		}
		const found = store.locate(target);
		if (!found) throw new LookupFailure('not_found');
		if (found.node.kind !== 'folder') throw new LookupFailure('not_folder');
		top = found as Located<FolderNode>;
		shownIn = target.view;
	} catch (error) {
		throw asRouteError(error, { lookup: 'path' });
	}

	const plan = planFolderZip(top, limitsOf(ctx));
	if (typeof plan === 'string') throw routeError({ '.tag': plan });
	// Held until the answer is over, so that a file replaced or deleted meanwhile still reads as planned.
	for (const blob of plan.blobs) store.blobs.retain(blob);
	let released = false;
	return {
		kind: 'stream',
		result: { metadata: withoutTag(renderMetadata(shownIn, top)) },
		etag: plan.etag,
		body: {
			chunks: (signal) => zipStream(plan.items, { signal }),
			close() {
				if (released) return;
				released = true;
				for (const blob of plan.blobs) store.blobs.release(blob);
			},
		},
	};
}
