/**
 * Waiting for a Dropbox async job. A launch route answers `complete` (done at once) or `async_job_id`; the job's
 * check route then answers `in_progress` until the job is `complete` or `failed`. Each wait is a little longer
 * than the last, and a cancelled execution ends the wait at once.
 */
import type { DropboxSession, ErrorContext, RpcRoute, Space } from '../transport';

/** A launch or check answer: a union tag, the job's id while it runs, the result or the failure beside the tag. */
export interface JobAnswer {
	'.tag': string;
	async_job_id?: string;
	failed?: unknown;
	[field: string]: unknown;
}

export interface JobCheck {
	/** The route that takes `{async_job_id}` and reports the job. */
	check: RpcRoute;
	space?: Space;
	errorContext?: ErrorContext;
}

/** The first wait between two checks, and the longest. */
const FIRST_POLL_MS = 200;
const LONGEST_POLL_MS = 3000;

/** The launch answer itself when the job finished at once; otherwise the first check answer that is not `in_progress`. */
export async function finishedJob<A extends JobAnswer>(session: DropboxSession, launched: A, job: JobCheck): Promise<A> {
	if (launched['.tag'] !== 'async_job_id' || typeof launched.async_job_id !== 'string') return launched;
	const call = { arg: { async_job_id: launched.async_job_id }, space: job.space, errorContext: job.errorContext };
	let pollMs = FIRST_POLL_MS;
	let answer: A;
	do {
		await session.wait(pollMs, job.errorContext);
		pollMs = Math.min(LONGEST_POLL_MS, Math.round(pollMs * 1.5));
		answer = await session.rpc<A>(job.check, call);
	} while (answer['.tag'] === 'in_progress');
	return answer;
}
