/**
 * The jobs of `upload_session/finish_batch`: each runs in the background after its launch is answered,
 * and `finish_batch/check` reports it `in_progress` until it is done — and, since a real batch takes a
 * while, for the first `inProgressChecks` checks in any case, so that clients meet the polling they must
 * be ready for. Jobs belong to the account that launched them. Only the latest MAX_JOBS are kept.
 */
import type { Tagged } from '../errors';
import { newJobId } from './ids';

export const MAX_JOBS = 1000;

export type JobStatus =
	| { kind: 'unknown' }
	| { kind: 'running' }
	| { kind: 'failed' }
	| { kind: 'complete'; entries: Tagged[] };

interface Job {
	accountId: string;
	checks: number;
	outcome?: { kind: 'failed' } | { kind: 'complete'; entries: Tagged[] };
}

export class BatchJobs {
	private readonly jobs = new Map<string, Job>();

	launch(accountId: string, work: () => Promise<Tagged[]>): string {
		const id = newJobId();
		const job: Job = { accountId, checks: 0 };
		this.jobs.set(id, job);
		this.forgetOldest();
		// After the launch's answer: the job never runs inside the call that started it.
		setImmediate(() => {
			work().then(
				(entries) => {
					job.outcome = { kind: 'complete', entries };
				},
				(error: unknown) => {
					process.stderr.write(`[emulator] finish_batch job ${id}: ${(error as Error).stack ?? String(error)}\n`);
					job.outcome = { kind: 'failed' };
				},
			);
		});
		return id;
	}

	check(id: string, accountId: string, inProgressChecks: number): JobStatus {
		const job = this.jobs.get(id);
		if (!job || job.accountId !== accountId) return { kind: 'unknown' };
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
