/**
 * The sharing routes' async jobs (share_folder with force_async, remove_folder_member, unshare_folder):
 * the work is done when the job is launched; its checks answer `in_progress` as many times as the admin
 * limit `finish_batch_in_progress_checks` says (1 by default), then the outcome. Jobs belong to their
 * account; another account's job id is `invalid_async_job_id`.
 */
import { randomBytes } from 'node:crypto';
import type { HandlerContext, HandlerResult } from '../../contract';
import { accountOf } from '../../files/context';
import { json, routeError } from '../../files/errors';
import { storeScoped } from '../store-scoped';

export type JobKind = 'share' | 'remove_member' | 'unshare';

/** `value`: the `complete` member's fields (or none); `error`: the route's error union value on failure. */
export type JobOutcome = { ok: true; value?: Record<string, unknown> } | { ok: false; error: { '.tag': string; [field: string]: unknown } };

interface Job {
	account: string;
	kind: JobKind;
	outcome: JobOutcome;
	checksLeft: number;
}

const jobs = storeScoped(() => new Map<string, Job>());

export function launchJob(ctx: HandlerContext, kind: JobKind, outcome: JobOutcome): HandlerResult {
	const id = `dbjid:${randomBytes(24).toString('base64url')}`;
	const checksLeft = ctx.emulator.limits?.batchInProgressChecks ?? 1;
	jobs.ofContext(ctx).set(id, { account: accountOf(ctx).accountId, kind, outcome, checksLeft });
	return json({ '.tag': 'async_job_id', async_job_id: id });
}

function pollJob(ctx: HandlerContext, kinds: JobKind[]): Job | undefined {
	const { async_job_id: id } = ctx.arg as { async_job_id: string };
	const job = jobs.ofContext(ctx).get(id);
	if (!job || job.account !== accountOf(ctx).accountId || !kinds.includes(job.kind)) throw routeError({ '.tag': 'invalid_async_job_id' });
	if (job.checksLeft > 0) {
		job.checksLeft--;
		return undefined;
	}
	return job;
}

const IN_PROGRESS = json({ '.tag': 'in_progress' });

/** sharing/check_share_job_status: ShareFolderJobStatus. */
export async function checkShareJobStatus(ctx: HandlerContext): Promise<HandlerResult> {
	const job = pollJob(ctx, ['share']);
	if (!job) return IN_PROGRESS;
	return json(job.outcome.ok ? { '.tag': 'complete', ...job.outcome.value } : { '.tag': 'failed', failed: job.outcome.error });
}

/** sharing/check_remove_member_job_status: RemoveMemberJobStatus. */
export async function checkRemoveMemberJobStatus(ctx: HandlerContext): Promise<HandlerResult> {
	const job = pollJob(ctx, ['remove_member']);
	if (!job) return IN_PROGRESS;
	return json(job.outcome.ok ? { '.tag': 'complete', ...job.outcome.value } : { '.tag': 'failed', failed: job.outcome.error });
}

/** sharing/check_job_status: JobStatus, for unshare_folder and remove_folder_member jobs. */
export async function checkJobStatus(ctx: HandlerContext): Promise<HandlerResult> {
	const job = pollJob(ctx, ['unshare', 'remove_member']);
	if (!job) return IN_PROGRESS;
	if (job.outcome.ok) return json({ '.tag': 'complete' });
	const member = job.kind === 'unshare' ? 'unshare_folder_error' : 'remove_folder_member_error';
	return json({ '.tag': 'failed', failed: { '.tag': member, [member]: job.outcome.error } });
}
