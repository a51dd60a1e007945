/**
 * files/upload_session/finish_batch_v2 (synchronous) and the deprecated finish_batch (an async job,
 * polled with finish_batch/check). Each entry is committed on its own, in order: one that fails — an
 * unknown or unclosed session, a wrong offset, a conflict at its path — fails alone, as a `failure`
 * entry at its position, and the others go ahead. The batch counts as one write: it never meets
 * `too_many_write_operations` (see store/write-gate.ts).
 */
import type { HandlerContext, HandlerResult } from '../contract';
import { callerView } from './context';
import { type Tagged, json } from './errors';
import { checkJob, launchJob } from './async-jobs';
import { type FinishArg, FinishFailure, finishOne } from './session-commit';
import { withoutTag } from './store/render';

type Caller = ReturnType<typeof callerView>;

/** Commits every entry in order; the result entries are in the same positions as the arguments'. */
async function commitEntries({ store, account, view }: Caller, entries: FinishArg[]): Promise<Tagged[]> {
	const results: Tagged[] = [];
	for (const entry of entries) {
		try {
			// No data in a batch: files.stone asks for every session to be closed (`not_closed` otherwise).
			results.push({ '.tag': 'success', ...withoutTag(await finishOne(store, account, view, entry, undefined)) });
		} catch (error) {
			if (!(error instanceof FinishFailure)) throw error;
			results.push({ '.tag': 'failure', failure: error.error });
		}
	}
	return results;
}

export async function uploadSessionFinishBatchV2(ctx: HandlerContext): Promise<HandlerResult> {
	return json({ entries: await commitEntries(callerView(ctx), entriesOf(ctx)) });
}

/** Answers a job id at once; the commits run after the answer, as Dropbox's background job does. */
export async function uploadSessionFinishBatch(ctx: HandlerContext): Promise<HandlerResult> {
	// The caller and its Path-Root are checked now: a bad header is this call's 400, not the job's failure.
	const caller = callerView(ctx);
	const entries = entriesOf(ctx);
	return launchJob(caller, 'finish_batch', () => commitEntries(caller, entries));
}

export async function uploadSessionFinishBatchCheck(ctx: HandlerContext): Promise<HandlerResult> {
	return checkJob(ctx, 'finish_batch', (entries) => ({ '.tag': 'complete', entries }));
}

function entriesOf(ctx: HandlerContext): FinishArg[] {
	return (ctx.arg as { entries: FinishArg[] }).entries;
}
