/**
 * A file request's destination: an existing folder, or a folder made for it (as Dropbox does). A file in
 * the way is `not_a_folder`; the root, or a path that cannot name a folder, is refused with the route's tag.
 */
import type { HandlerContext } from '../contract';
import { callerView } from '../files/context';
import { LookupFailure, WriteRejected, routeError } from '../files/errors';
import { createFolder } from '../files/store/create-folder';

export function destinationFolder(ctx: HandlerContext, path: string, rootTag: 'invalid_location' | 'validation_error'): { namespaceId: string; folderId: string } {
	const { store, account, view } = callerView(ctx);
	try {
		// "/" names the root here (a path argument elsewhere would be "").
		const target = store.resolve(view, path === '/' ? '' : path, account);
		if (target.abs.length <= target.view.prefix.length) {
			throw routeError(rootTag === 'validation_error' ? invalid('the destination cannot be the root folder') : { '.tag': rootTag });
		}
		const found = store.locate(target);
		if (found && found.node.kind !== 'folder') throw routeError({ '.tag': 'not_a_folder' });
		const folder = found ?? createFolder(store, target, false);
		return { namespaceId: target.view.id, folderId: folder.node.id };
	} catch (error) {
		if (error instanceof LookupFailure || error instanceof WriteRejected) throw routeError(invalid(`the destination ${path} cannot be a folder`));
		throw error;
	}
}

/** FileRequestError.validation_error with what was wrong. */
export function invalid(message: string): { '.tag': 'validation_error'; validation_error: string } {
	return { '.tag': 'validation_error', validation_error: message };
}
