/** files/delete_v2, files/copy_v2, files/move_v2 */
import type { HandlerContext, HandlerResult } from '../contract';
import { callerView } from './context';
import { LookupFailure, WriteRejected, asRouteError, json, lookupError, nest, routeError } from './errors';
import type { Target } from './store/file-store';
import { DestinationRejected, RelocationRefused, relocate } from './store/relocate';
import { removeNode } from './store/remove';
import { renderMetadata } from './store/render';
import { withWriteSlot } from './write-slot';

export async function deleteV2(ctx: HandlerContext): Promise<HandlerResult> {
	const { store, account, view } = callerView(ctx);
	const arg = ctx.arg as { path: string; parent_rev?: string | null };
	try {
		const target = store.resolve(view, arg.path, account);
		const removed = await withWriteSlot(target.tree, () => {
			// Rendered before removal: the answer describes the item as it was.
			const found = store.locate(target);
			const before = found && renderMetadata(target.view, found);
			removeNode(store, target, arg.parent_rev ?? undefined);
			return before!;
		});
		return json({ metadata: removed });
	} catch (error) {
		throw asRouteError(error, { lookup: 'path_lookup', write: 'path_write' });
	}
}

interface RelocationArg {
	from_path: string;
	to_path: string;
	autorename?: boolean;
	allow_ownership_transfer?: boolean;
}

async function relocation(ctx: HandlerContext, copy: boolean): Promise<HandlerResult> {
	const { store, account, view } = callerView(ctx);
	const arg = ctx.arg as RelocationArg;
	let from: Target;
	let to: Target;
	try {
		from = store.resolve(view, arg.from_path, account);
	} catch (error) {
		throw asRouteError(error, { lookup: 'from_lookup' });
	}
	try {
		to = store.resolve(view, arg.to_path, account);
	} catch (error) {
		if (error instanceof LookupFailure) throw routeError(nest('to', { '.tag': 'malformed_path' }));
		throw error;
	}
	try {
		const placed = await withWriteSlot(to.tree, () => relocate(store, from, to, { copy, autorename: arg.autorename ?? false }));
		return json({ metadata: renderMetadata(to.view, placed) });
	} catch (error) {
		if (error instanceof LookupFailure) throw routeError(nest('from_lookup', lookupError(error.tag)));
		if (error instanceof DestinationRejected) throw routeError(nest('to', error.cause.failure));
		if (error instanceof WriteRejected) throw routeError(nest('to', error.failure));
		if (error instanceof RelocationRefused) throw routeError(error.error);
		throw error;
	}
}

export async function copyV2(ctx: HandlerContext): Promise<HandlerResult> {
	return relocation(ctx, true);
}

export async function moveV2(ctx: HandlerContext): Promise<HandlerResult> {
	return relocation(ctx, false);
}
