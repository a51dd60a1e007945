/**
 * files/delete_batch and files/delete_batch/check: always an async job (as files.stone says). Entries
 * are deleted in order, each on its own: one that fails (`path_lookup/not_found`, a `parent_rev` that no
 * longer matches, `too_many_files` for a big folder) is a `failure` carrying its DeleteError at its
 * position. The batch is one write: it never meets `too_many_write_operations`.
 */
import { ApiError, type HandlerContext, type HandlerResult } from '../contract';
import { checkJob, launchJob } from './async-jobs';
import { type Caller, type DeleteArg, deleteEntry, insideBatch } from './copy-move-delete';
import { callerView } from './context';
import type { Tagged } from './errors';
import { limitsOf } from './limits';

async function deleteAll(caller: Caller, entries: DeleteArg[], entryLimit: number): Promise<Tagged[]> {
	const results: Tagged[] = [];
	for (const entry of entries) {
		try {
			results.push({ '.tag': 'success', metadata: await deleteEntry(caller, entry, entryLimit, insideBatch) });
		} catch (error) {
			if (!(error instanceof ApiError) || error.status !== 409) throw error;
			results.push({ '.tag': 'failure', failure: error.error });
		}
	}
	return results;
}

export async function deleteBatch(ctx: HandlerContext): Promise<HandlerResult> {
	const caller = callerView(ctx);
	const { entries } = ctx.arg as { entries: DeleteArg[] };
	const entryLimit = limitsOf(ctx).operationEntryLimit;
	return launchJob(caller, 'delete_batch', () => deleteAll(caller, entries, entryLimit));
}

export async function deleteBatchCheck(ctx: HandlerContext): Promise<HandlerResult> {
	return checkJob(ctx, 'delete_batch', (entries) => ({ '.tag': 'complete', entries }));
}
