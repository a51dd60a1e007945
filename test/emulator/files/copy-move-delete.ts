/**
 * files/delete_v2, files/copy_v2, files/move_v2, and the one-entry work their batches share
 * (`deleteEntry`, `relocateEntry`): a refusal is an ApiError(409) carrying the route's error union
 * (DeleteError, RelocationError), which a batch turns into a `failure` entry.
 */
import type { HandlerContext, HandlerResult } from '../contract';
import { callerView } from './context';
import { LookupFailure, WriteRejected, asRouteError, json, lookupError, nest, routeError } from './errors';
import { limitsOf } from './limits';
import type { Target } from './store/file-store';
import { DestinationRejected, RelocationRefused, relocate } from './store/relocate';
import { TooManyFiles, removeNode } from './store/remove';
import { type FileMetadataJson, type FolderMetadataJson, renderMetadata } from './store/render';
import type { Tree } from './store/tree';
import { withWriteSlot } from './write-slot';

export type Caller = ReturnType<typeof callerView>;

/** How one entry's write is run: a single call takes a place at the write gate; a batch is one write. */
export type WriteRun = <T>(tree: Tree, work: () => T) => Promise<T>;
export const ownWriteSlot: WriteRun = (tree, work) => withWriteSlot(tree, work);
export const insideBatch: WriteRun = async (_tree, work) => work();

export interface DeleteArg {
	path: string;
	parent_rev?: string | null;
}

export interface RelocationArg {
	from_path: string;
	to_path: string;
	autorename?: boolean;
	allow_ownership_transfer?: boolean;
}

export async function deleteEntry({ store, account, view }: Caller, arg: DeleteArg, entryLimit: number, run: WriteRun): Promise<FileMetadataJson | FolderMetadataJson> {
	try {
		const target = store.resolve(view, arg.path, account);
		return await run(target.tree, () => {
			// Rendered before removal: the answer describes the item as it was.
			const found = store.locate(target);
			const before = found && renderMetadata(target.view, found);
			removeNode(store, target, arg.parent_rev ?? undefined, entryLimit);
			return before!;
		});
	} catch (error) {
		if (error instanceof TooManyFiles) throw routeError({ '.tag': 'too_many_files' });
		throw asRouteError(error, { lookup: 'path_lookup', write: 'path_write' });
	}
}

export async function relocateEntry(
	{ store, account, view }: Caller,
	arg: RelocationArg,
	options: { copy: boolean; autorename: boolean; entryLimit: number; run: WriteRun },
): Promise<FileMetadataJson | FolderMetadataJson> {
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
		const placed = await options.run(to.tree, () => relocate(store, from, to, options));
		return renderMetadata(to.view, placed);
	} catch (error) {
		if (error instanceof LookupFailure) throw routeError(nest('from_lookup', lookupError(error.tag)));
		if (error instanceof DestinationRejected) throw routeError(nest('to', error.cause.failure));
		if (error instanceof WriteRejected) throw routeError(nest('to', error.failure));
		if (error instanceof RelocationRefused) throw routeError(error.error);
		throw error;
	}
}

export async function deleteV2(ctx: HandlerContext): Promise<HandlerResult> {
	const metadata = await deleteEntry(callerView(ctx), ctx.arg as DeleteArg, limitsOf(ctx).operationEntryLimit, ownWriteSlot);
	return json({ metadata });
}

async function relocation(ctx: HandlerContext, copy: boolean): Promise<HandlerResult> {
	const arg = ctx.arg as RelocationArg;
	const options = { copy, autorename: arg.autorename ?? false, entryLimit: limitsOf(ctx).operationEntryLimit, run: ownWriteSlot };
	return json({ metadata: await relocateEntry(callerView(ctx), arg, options) });
}

export async function copyV2(ctx: HandlerContext): Promise<HandlerResult> {
	return relocation(ctx, true);
}

export async function moveV2(ctx: HandlerContext): Promise<HandlerResult> {
	return relocation(ctx, false);
}
