/**
 * files/create_folder_batch and files/create_folder_batch/check. Answered at once (`complete`) unless
 * `force_async` is set or the batch is large (more than SYNC_FOLDER_LIMIT paths): then an async job.
 * Paths are created in order, each on its own (a `failure` with its WriteError at its position); the
 * same path twice is created once, and both positions show the folder. More paths than the
 * operation-entry limit (10 000, the spec's `max_items`; lowered by the admin for tests) make the job
 * fail with `too_many_files`.
 */
import { ApiError, type HandlerContext, type HandlerResult } from '../contract';
import { checkJob, launchJob } from './async-jobs';
import type { Caller } from './copy-move-delete';
import { callerView } from './context';
import { type Tagged, asRouteError, json } from './errors';
import { limitsOf } from './limits';
import { JobFailed } from './store/batch-jobs';
import { createFolder } from './store/create-folder';
import { keyOf } from './store/keys';
import { renderMetadata, withoutTag } from './store/render';

/** Batches up to this many paths are answered synchronously. */
export const SYNC_FOLDER_LIMIT = 1000;

interface CreateFolderBatchArg {
	paths: string[];
	autorename?: boolean;
	force_async?: boolean;
}

function createAll({ store, account, view }: Caller, arg: CreateFolderBatchArg): Tagged[] {
	const done = new Map<string, Tagged>();
	return arg.paths.map((path) => {
		try {
			const target = store.resolve(view, path, account);
			const key = `${target.view.id}:${keyOf(target.abs)}`;
			const earlier = done.get(key);
			if (earlier) return earlier;
			const created = createFolder(store, target, arg.autorename ?? false);
			const entry: Tagged = { '.tag': 'success', metadata: withoutTag(renderMetadata(target.view, created)) };
			done.set(key, entry);
			return entry;
		} catch (error) {
			const routeError = asRouteError(error, { write: 'path' });
			if (!(routeError instanceof ApiError)) throw routeError;
			return { '.tag': 'failure', failure: routeError.error };
		}
	});
}

export async function createFolderBatch(ctx: HandlerContext): Promise<HandlerResult> {
	const caller = callerView(ctx);
	const arg = ctx.arg as CreateFolderBatchArg;
	const tooMany = arg.paths.length > limitsOf(ctx).operationEntryLimit;
	if (!arg.force_async && !tooMany && arg.paths.length <= SYNC_FOLDER_LIMIT) {
		return json({ '.tag': 'complete', entries: createAll(caller, arg) });
	}
	return launchJob(caller, 'create_folder_batch', async () => {
		if (tooMany) throw new JobFailed({ '.tag': 'too_many_files' });
		return createAll(caller, arg);
	});
}

export async function createFolderBatchCheck(ctx: HandlerContext): Promise<HandlerResult> {
	return checkJob(ctx, 'create_folder_batch', (entries) => ({ '.tag': 'complete', entries }));
}
