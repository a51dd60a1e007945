/**
 * One call of a Dropbox batch route and its asynchronous life: the launch answers either `complete` with every
 * entry's result or an `async_job_id`, which the matching check route reports as `in_progress` until the job is
 * `complete` (or `failed` as a whole). Polling waits a little longer each time and ends at once when the
 * execution is cancelled.
 */
import { type DropboxSession, type ErrorContext, type RpcRoute, type Space } from '../transport';
import { entryError } from './entryError';

export interface BatchRoutes {
	launch: RpcRoute;
	check: RpcRoute;
}

/** An entry of a batch's result: `success` with the entry's result beside the tag, or `failure`. */
export type BatchEntry = ({ '.tag': 'success' } & Record<string, unknown>) | { '.tag': 'failure'; failure: unknown };

interface JobAnswer {
	'.tag': string;
	async_job_id?: string;
	entries?: BatchEntry[];
	failed?: unknown;
}

/** The first wait between two checks, and the longest. */
const FIRST_POLL_MS = 200;
const LONGEST_POLL_MS = 3000;

export async function runBatchJob(
	session: DropboxSession,
	routes: BatchRoutes,
	arg: object,
	space: Space,
	errorContext?: ErrorContext,
): Promise<BatchEntry[]> {
	let answer = await session.rpc<JobAnswer>(routes.launch, { arg, space, errorContext });
	if (answer['.tag'] === 'async_job_id' && typeof answer.async_job_id === 'string') {
		const check = { arg: { async_job_id: answer.async_job_id }, space, errorContext };
		let pollMs = FIRST_POLL_MS;
		do {
			await session.wait(pollMs, errorContext);
			pollMs = Math.min(LONGEST_POLL_MS, Math.round(pollMs * 1.5));
			answer = await session.rpc<JobAnswer>(routes.check, check);
		} while (answer['.tag'] === 'in_progress');
	}
	if (answer['.tag'] === 'complete') return answer.entries ?? [];
	if (answer['.tag'] === 'failed') throw entryError(session, answer.failed, errorContext);
	throw session.failed(
		{ tags: [answer['.tag']], fields: {}, summary: `Dropbox answered the batch with "${answer['.tag']}"`, body: answer },
		errorContext,
	);
}
