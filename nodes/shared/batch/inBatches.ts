/**
 * Many items through one batch route (copy, move, delete, create folder): items that share a Space and the
 * batch's own options go into one job of at most `maxEntries`, jobs run one after the other (Dropbox locks the
 * account's tree per job, so parallel jobs only contend), and every item gets its own result or error, in input
 * order. Entries Dropbox refused as busy (`too_many_write_operations`: nothing was done for them) go into another
 * job after a pause; any other entry error is final, so nothing is applied twice.
 */
import { OWN_SPACE, type DropboxSession, type ErrorContext, type Space } from '../transport';
import { entryError } from './entryError';
import { runBatchJob, type BatchEntry, type BatchRoutes } from './batchJob';

export interface BatchPlan<E> {
	routes: BatchRoutes;
	/** The launch's argument for these entries, with the options every entry of the job shares. */
	argument(entries: E[], shared: Record<string, unknown>): object;
	maxEntries: number;
	/** The error inside an entry's failure, where the batch wraps it (relocation batches: `relocation_error`). */
	entryFailure?: (failure: unknown) => unknown;
}

export interface BatchItem<E> {
	entry: E;
	/** Options that belong to the whole job (`autorename`, …): items that differ go into different jobs. */
	shared?: Record<string, unknown>;
	space?: Space;
	errorContext?: ErrorContext;
}

/** What became of one item: the entry's result (the `success` member's fields), or its error. */
export type EntryOutcome = { result: Record<string, unknown> } | { error: unknown };

/** Rounds of re-sending busy entries before their error stands. */
const MAX_ROUNDS = 4;

export async function runInBatches<E>(session: DropboxSession, plan: BatchPlan<E>, items: Array<BatchItem<E>>): Promise<EntryOutcome[]> {
	const outcomes: EntryOutcome[] = new Array(items.length);
	for (const job of jobsOf(plan, items)) {
		let pending = job;
		for (let round = 1; pending.length > 0; round++) {
			if (round > 1) await session.wait(1000 * (round - 1), items[pending[0]].errorContext);
			pending = await runOneJob(session, plan, items, pending, outcomes, round < MAX_ROUNDS);
		}
	}
	return outcomes;
}

/** Item indices, grouped by Space and shared options, at most `maxEntries` a job, in input order. */
function jobsOf<E>(plan: BatchPlan<E>, items: Array<BatchItem<E>>): number[][] {
	const groups = new Map<string, number[]>();
	items.forEach((item, index) => {
		const key = JSON.stringify([item.space ?? OWN_SPACE, item.shared ?? {}]);
		groups.set(key, [...(groups.get(key) ?? []), index]);
	});
	const jobs: number[][] = [];
	for (const indices of groups.values()) {
		for (let start = 0; start < indices.length; start += plan.maxEntries) jobs.push(indices.slice(start, start + plan.maxEntries));
	}
	return jobs;
}

/** Runs one job; returns the indices to send again (busy entries, while rounds are left). */
async function runOneJob<E>(
	session: DropboxSession,
	plan: BatchPlan<E>,
	items: Array<BatchItem<E>>,
	indices: number[],
	outcomes: EntryOutcome[],
	mayRetry: boolean,
): Promise<number[]> {
	const first = items[indices[0]];
	let entries: BatchEntry[];
	try {
		const arg = plan.argument(
			indices.map((index) => items[index].entry),
			first.shared ?? {},
		);
		entries = await runBatchJob(session, plan.routes, arg, first.space ?? OWN_SPACE);
	} catch (error) {
		for (const index of indices) outcomes[index] = { error };
		return [];
	}
	if (entries.length !== indices.length) {
		const error = new Error(`Dropbox answered ${entries.length} results for a batch of ${indices.length}`);
		for (const index of indices) outcomes[index] = { error };
		return [];
	}
	const again: number[] = [];
	entries.forEach((entry, position) => {
		const index = indices[position];
		if (entry['.tag'] === 'success') {
			const result: Record<string, unknown> = { ...entry };
			delete result['.tag'];
			outcomes[index] = { result };
			return;
		}
		const failure = plan.entryFailure ? plan.entryFailure(entry.failure) : entry.failure;
		const error = entryError(session, failure, items[index].errorContext);
		if (mayRetry && error.dropboxTags.includes('too_many_write_operations')) again.push(index);
		else outcomes[index] = { error };
	});
	return again;
}
