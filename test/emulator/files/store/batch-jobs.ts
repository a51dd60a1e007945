/**
 * The emulator's asynchronous jobs (`upload_session/finish_batch`, the copy / move / delete / create
 * folder batches, `save_url`): each runs in the background after its launch is answered, and its check
 * route reports it `in_progress` until it is done — and, since a real job takes a while, for the first
 * `inProgressChecks` checks in any case, so that clients meet the polling they must be ready for.
 * A job belongs to the account that launched it and to the route family that checks it (a delete job's
 * id means nothing to `copy_batch/check_v2`). Only the latest MAX_JOBS are kept.
 */
import type { Tagged } from '../errors';
import { newJobId } from './ids';

export const MAX_JOBS = 1000;

/** Thrown by a job's work to end it as `failed` with this error (the check route's `failed` member). */
export class JobFailed extends Error {
	constructor(readonly error: Tagged) {
		super(error['.tag']);
	}
}

type Outcome = { kind: 'complete'; value: unknown } | { kind: 'failed'; error: Tagged } | { kind: 'crashed' };

export type JobStatus = { kind: 'unknown' } | { kind: 'running' } | Outcome;

interface Job {
	accountId: string;
	family: string;
	checks: number;
	outcome?: Outcome;
}

export class BatchJobs {
	private readonly jobs = new Map<string, Job>();

	/** `family` names the check route that may see the job (e.g. `delete_batch`). */
	launch(accountId: string, family: string, work: () => Promise<unknown>): string {
		const id = newJobId();
		const job: Job = { accountId, family, checks: 0 };
		this.jobs.set(id, job);
		this.forgetOldest();
		// After the launch's answer: the job never runs inside the call that started it.
		setImmediate(() => {
			work().then(
				(value) => {
					job.outcome = { kind: 'complete', value };
				},
				(error: unknown) => {
					if (error instanceof JobFailed) {
						job.outcome = { kind: 'failed', error: error.error };
						return;
					}
					process.stderr.write(`[emulator] ${family} job ${id}: ${(error as Error).stack ?? String(error)}\n`);
					job.outcome = { kind: 'crashed' };
				},
			);
		});
		return id;
	}

	check(id: string, accountId: string, family: string, inProgressChecks: number): JobStatus {
		const job = this.jobs.get(id);
		if (!job || job.accountId !== accountId || job.family !== family) return { kind: 'unknown' };
		job.checks += 1;
		if (!job.outcome || job.checks <= inProgressChecks) return { kind: 'running' };
		return job.outcome;
	}

	clear(): void {
		this.jobs.clear();
	}

	private forgetOldest(): void {
		// A Map iterates in insertion order: the first keys are the oldest jobs.
		for (const id of this.jobs.keys()) {
			if (this.jobs.size <= MAX_JOBS) return;
			this.jobs.delete(id);
		}
	}
}
