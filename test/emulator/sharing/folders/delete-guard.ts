/**
 * files/delete_v2 around shared folders. A member deleting their mount point leaves the folder in their
 * Dropbox's sense (it is unmounted; the files stay with the owner and the other members). An owner deleting
 * a shared folder, or a folder holding one, unshares it first: members lose their mount points.
 */
import type { HandlerContext, HandlerResult, RouteHandler } from '../../contract';
import { callerView } from '../../files/context';
import { json } from '../../files/errors';
import { renderMetadata, withoutTag } from '../../files/store/render';
import { type Located, preOrder } from '../../files/store/tree';
import { sharedFolders } from './folder-store';
import { unmount } from './mounts';
import { endSharing } from './share';

export function guardSharedFolders(deleteRoute: RouteHandler): RouteHandler {
	return async (ctx: HandlerContext): Promise<HandlerResult> => {
		const { store, account, view } = callerView(ctx);
		let located: Located | undefined;
		try {
			located = store.locate(store.resolve(view, (ctx.arg as { path: string }).path, account));
		} catch {
			return deleteRoute(ctx);
		}
		if (located?.node.kind !== 'folder') return deleteRoute(ctx);
		const table = sharedFolders.of(store);
		const mounted = table.ofNode(located.node);
		if (mounted && mounted.ownerId !== account.accountId) {
			const metadata = withoutTag(renderMetadata(view, located));
			unmount(store, mounted, account, false);
			return json({ metadata });
		}
		for (const { node } of preOrder(located)) {
			const owned = table.ofNode(node);
			if (owned && owned.ownerId === account.accountId) endSharing(ctx, store, owned, false);
		}
		return deleteRoute(ctx);
	};
}
