/**
 * Launching and checking the emulator's asynchronous jobs in Dropbox's wire form (async.stone): a launch
 * answers `{".tag": "async_job_id"}`, a check `in_progress`, `complete` (the route's own shape), `failed`
 * (its error union), or PollError's `invalid_async_job_id` / `internal_error`. Jobs: store/batch-jobs.ts.
 */
import type { HandlerContext, HandlerResult } from '../contract';
import { callerView } from './context';
import { json, routeError } from './errors';
import { limitsOf } from './limits';

type Caller = ReturnType<typeof callerView>;

export function launchJob(caller: Caller, family: string, work: () => Promise<unknown>): HandlerResult {
	const jobId = caller.store.jobs.launch(caller.account.accountId, family, work);
	return json({ '.tag': 'async_job_id', async_job_id: jobId });
}

/** `complete` shapes the finished job's value as the route's `complete` member. */
export function checkJob(ctx: HandlerContext, family: string, complete: (value: unknown) => unknown): HandlerResult {
	const { store, account } = callerView(ctx);
	const jobId = (ctx.arg as { async_job_id: string }).async_job_id;
	const status = store.jobs.check(jobId, account.accountId, family, limitsOf(ctx).batchInProgressChecks);
	if (status.kind === 'unknown') throw routeError({ '.tag': 'invalid_async_job_id' });
	if (status.kind === 'crashed') throw routeError({ '.tag': 'internal_error' });
	if (status.kind === 'running') return json({ '.tag': 'in_progress' });
	if (status.kind === 'failed') return json({ '.tag': 'failed', failed: status.error });
	return json(complete(status.value));
}
