/**
 * files/copy_batch_v2, files/move_batch_v2 and their check_v2 routes. A batch is always an async job
 * (RelocationBatchV2Launch allows either answer; a job is what clients must be ready for). Entries run
 * in order, each on its own: one that fails (`to/conflict`, `from_lookup/not_found`,
 * `cant_move_folder_into_itself`, `too_many_files`…) is a `relocation_error` failure at its position and
 * the others go ahead. The batch is one write: it never meets `too_many_write_operations`.
 */
import { ApiError, type HandlerContext, type HandlerResult } from '../contract';
import { checkJob, launchJob } from './async-jobs';
import { type Caller, type RelocationArg, insideBatch, relocateEntry } from './copy-move-delete';
import { callerView } from './context';
import type { Tagged } from './errors';
import { limitsOf } from './limits';

interface RelocationBatchArg {
	entries: Array<Pick<RelocationArg, 'from_path' | 'to_path'>>;
	autorename?: boolean;
}

async function relocateAll(caller: Caller, arg: RelocationBatchArg, copy: boolean, entryLimit: number): Promise<Tagged[]> {
	const results: Tagged[] = [];
	for (const entry of arg.entries) {
		try {
			const metadata = await relocateEntry(caller, entry, { copy, autorename: arg.autorename ?? false, entryLimit, run: insideBatch });
			// Metadata has subtypes: as a union member's value it sits under the member's name.
			results.push({ '.tag': 'success', success: metadata });
		} catch (error) {
			if (!(error instanceof ApiError) || error.status !== 409) throw error;
			results.push({ '.tag': 'failure', failure: { '.tag': 'relocation_error', relocation_error: error.error } });
		}
	}
	return results;
}

function launch(ctx: HandlerContext, copy: boolean): HandlerResult {
	const caller = callerView(ctx);
	const arg = ctx.arg as RelocationBatchArg;
	const entryLimit = limitsOf(ctx).operationEntryLimit;
	return launchJob(caller, copy ? 'copy_batch' : 'move_batch', () => relocateAll(caller, arg, copy, entryLimit));
}

const complete = (entries: unknown) => ({ '.tag': 'complete', entries });

export async function copyBatchV2(ctx: HandlerContext): Promise<HandlerResult> {
	return launch(ctx, true);
}

export async function moveBatchV2(ctx: HandlerContext): Promise<HandlerResult> {
	return launch(ctx, false);
}

export async function copyBatchCheckV2(ctx: HandlerContext): Promise<HandlerResult> {
	return checkJob(ctx, 'copy_batch', complete);
}

export async function moveBatchCheckV2(ctx: HandlerContext): Promise<HandlerResult> {
	return checkJob(ctx, 'move_batch', complete);
}
