/**
 * One call of a Dropbox batch route and its asynchronous life: the launch answers either `complete` with every
 * entry's result or an `async_job_id`, which the matching check route reports until the job is `complete` (or
 * `failed` as a whole); the waiting is the shared async-job waiter's.
 */
import { finishedJob, type JobAnswer } from '../jobs/asyncJob';
import type { DropboxSession, ErrorContext, RpcRoute, Space } from '../transport';
import { entryError } from './entryError';

export interface BatchRoutes {
	launch: RpcRoute;
	check: RpcRoute;
}

/** An entry of a batch's result: `success` with the entry's result beside the tag, or `failure`. */
export type BatchEntry = ({ '.tag': 'success' } & Record<string, unknown>) | { '.tag': 'failure'; failure: unknown };

interface BatchAnswer extends JobAnswer {
	entries?: BatchEntry[];
}

export async function runBatchJob(
	session: DropboxSession,
	routes: BatchRoutes,
	arg: object,
	space: Space,
	errorContext?: ErrorContext,
): Promise<BatchEntry[]> {
	const launched = await session.rpc<BatchAnswer>(routes.launch, { arg, space, errorContext });
	const answer = await finishedJob(session, launched, { check: routes.check, space, errorContext });
	if (answer['.tag'] === 'complete') return answer.entries ?? [];
	if (answer['.tag'] === 'failed') throw entryError(session, answer.failed, errorContext);
	throw session.failed(
		{ tags: [answer['.tag']], fields: {}, summary: `Dropbox answered the batch with "${answer['.tag']}"`, body: answer },
		errorContext,
	);
}
