/** files/create_folder_v2 */
import type { HandlerContext, HandlerResult } from '../contract';
import { callerView } from './context';
import { asRouteError, json } from './errors';
import { createFolder } from './store/create-folder';
import { renderMetadata, withoutTag } from './store/render';
import { withWriteSlot } from './write-slot';

export async function createFolderV2(ctx: HandlerContext): Promise<HandlerResult> {
	const { store, account, view } = callerView(ctx);
	const arg = ctx.arg as { path: string; autorename?: boolean };
	try {
		const target = store.resolve(view, arg.path, account);
		const created = await withWriteSlot(target.tree, () => createFolder(store, target, arg.autorename ?? false));
		return json({ metadata: withoutTag(renderMetadata(target.view, created)) });
	} catch (error) {
		throw asRouteError(error, { write: 'path' });
	}
}
