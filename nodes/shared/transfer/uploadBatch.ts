/**
 * Many files in one execution (a folder backup): up to `parallel` files are sent at once, each into its own
 * upload session (closed after its last chunk), and then committed together with
 * `upload_session/finish_batch_v2`, up to 1000 a call: Dropbox takes one lock for the whole batch instead of
 * one per file, which is what keeps parallel writes from failing with `too_many_write_operations`. Each file
 * keeps its own result or error. Memory holds at most one chunk per running file.
 */
import { entryError } from '../batch/entryError';
import { MAX_BATCH_ENTRIES } from '../batch/limits';
import { asNodeError, type DropboxSession, type ErrorContext } from '../transport';
import { commitArg, type Commit, type FileMetadata } from './commitInfo';
import { inParallel } from './parallel';
import { findCommitted, isAnswerLost, verified } from './upload';
import { stageInSession, type StagedFile } from './uploadSession';
import type { UploadSource } from './uploadSource';

export interface BatchJob {
	source: UploadSource;
	commit: Commit;
	errorContext?: ErrorContext;
}

export type BatchOutcome = { metadata: FileMetadata } | { error: unknown };

/** An entry of finish_batch_v2's answer: the file's metadata under the tag `success`, or the entry's error. */
type FinishEntry = ({ '.tag': 'success' } & Record<string, unknown>) | { '.tag': 'failure'; failure: unknown };

/** A lost batch call is sent again at most this often in all. */
const MAX_BATCH_ATTEMPTS = 3;

export async function uploadBatch(
	session: DropboxSession,
	jobs: BatchJob[],
	options: { chunkBytes: number; parallel: number },
): Promise<BatchOutcome[]> {
	const outcomes: Array<BatchOutcome | undefined> = new Array(jobs.length);
	const staged: Array<StagedFile | undefined> = new Array(jobs.length);
	await inParallel(jobs.length, options.parallel, async (index) => {
		const job = jobs[index];
		try {
			staged[index] = await stageInSession(session, job.source, {
				chunkBytes: options.chunkBytes,
				space: job.commit.space,
				close: true,
				errorContext: job.errorContext,
			});
		} catch (error) {
			outcomes[index] = { error };
		}
	});
	for (const group of commitGroups(jobs, staged)) {
		const results = await finishGroup(session, group.map((index) => ({ job: jobs[index], staged: staged[index]! })));
		group.forEach((index, position) => (outcomes[index] = results[position]));
	}
	return outcomes.map((outcome) => outcome ?? { error: new Error('The file was not committed') });
}

/** Staged files by Space (one path root per call), at most 1000 a group, in input order. */
function commitGroups(jobs: BatchJob[], staged: Array<StagedFile | undefined>): number[][] {
	const bySpace = new Map<string, number[]>();
	staged.forEach((file, index) => {
		if (!file) return;
		const key = JSON.stringify(jobs[index].commit.space);
		bySpace.set(key, [...(bySpace.get(key) ?? []), index]);
	});
	const groups: number[][] = [];
	for (const indices of bySpace.values()) {
		for (let start = 0; start < indices.length; start += MAX_BATCH_ENTRIES) {
			groups.push(indices.slice(start, start + MAX_BATCH_ENTRIES));
		}
	}
	return groups;
}

async function finishGroup(
	session: DropboxSession,
	members: Array<{ job: BatchJob; staged: StagedFile }>,
): Promise<BatchOutcome[]> {
	const space = members[0].job.commit.space;
	const arg = {
		entries: members.map(({ job, staged }) => ({
			cursor: { session_id: staged.sessionId, offset: staged.size },
			commit: commitArg(job.commit),
		})),
	};
	let resent = false;
	for (let attempt = 1; ; attempt++) {
		const answer = await session
			.rpc<{ entries: FinishEntry[] }>('files/upload_session/finish_batch_v2', { arg, space })
			.then(
				(result) => ({ result }),
				(error: unknown) => ({ error }),
			);
		if ('result' in answer) {
			return await Promise.all(
				answer.result.entries.map(async (entry, position) => await entryOutcome(session, members[position], entry, resent)),
			);
		}
		if (!isAnswerLost(answer.error) || attempt >= MAX_BATCH_ATTEMPTS) {
			const error = asNodeError(session.ctx.getNode(), answer.error);
			return members.map(() => ({ error }));
		}
		resent = true;
	}
}

async function entryOutcome(
	session: DropboxSession,
	{ job, staged }: { job: BatchJob; staged: StagedFile },
	entry: FinishEntry,
	resent: boolean,
): Promise<BatchOutcome> {
	try {
		if (entry['.tag'] === 'success') {
			// The same fields files/upload answers with: the tag only marks the entry's outcome.
			const metadata = { ...entry } as unknown as FileMetadata;
			delete metadata['.tag'];
			return { metadata: await verified(session, job.commit, metadata, staged.contentHash, job.errorContext) };
		}
		const error = entryError(session, entry.failure, job.errorContext);
		// After a lost batch call, an entry the first call committed finds its session gone: look for the file.
		if (resent && error.dropboxTags.includes('lookup_failed')) {
			const landed = await findCommitted(session, job.commit, staged.contentHash, job.errorContext);
			if (landed) return { metadata: landed };
		}
		return { error };
	} catch (error) {
		return { error };
	}
}
