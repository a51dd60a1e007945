/**
 * Batch commits through the official SDK: finish_batch_v2 (synchronous) and finish_batch +
 * finish_batch/check (a job that is in_progress, then complete). Every entry stands alone: one with an
 * unknown or unclosed session, a wrong offset or a conflict at its path fails as a `failure` at its
 * position, changes nothing, and leaves its session ready for a retry; the others commit.
 */
import type { Dropbox } from 'dropbox';
import { startTestEmulator, type TestEmulator } from '../../support/emulator-harness';
import { bearer, rawCall } from '../../support/raw-http';
import { contentHashOf } from '../files/content-hash';
import { describeRoute } from './describe-route';
import { client } from './sdk-support';

let emu: TestEmulator;
beforeAll(async () => {
	emu = await startTestEmulator();
});
afterAll(() => emu.stop());

const MiB = 1024 * 1024;
type Entry = { cursor: { session_id: string; offset: number }; commit: { path: string; mode?: { '.tag': 'overwrite' } }; content_hash?: string };
type ResultEntry = { '.tag': 'success'; path_display: string; size: number; content_hash: string } | { '.tag': 'failure'; failure: unknown };

async function closedSession(dbx: Dropbox, text: string): Promise<string> {
	return (await dbx.filesUploadSessionStart({ close: true, contents: text })).result.session_id;
}

async function stat(path: string): Promise<unknown> {
	return emu.admin('GET', `/files?account_id=${encodeURIComponent(emu.demo.account_id)}&path=${encodeURIComponent(path)}`).catch(() => undefined);
}

/** One batch with every way an entry can fail, between entries that succeed; and what each should give. */
async function mixedBatch(dbx: Dropbox, dir: string): Promise<{ entries: Entry[]; retry: () => Promise<void> }> {
	await dbx.filesUpload({ path: `${dir}/taken.txt`, contents: 'already here' });
	const ok1 = await closedSession(dbx, 'first');
	const wrongOffset = await closedSession(dbx, 'four');
	const open = (await dbx.filesUploadSessionStart({ contents: 'not closed' })).result.session_id;
	const conflicted = await closedSession(dbx, 'conflicting');
	const concurrentOpen = (await dbx.filesUploadSessionStart({ session_type: { '.tag': 'concurrent' }, contents: '' })).result.session_id;
	await dbx.filesUploadSessionAppendV2({ cursor: { session_id: concurrentOpen, offset: 0 }, contents: Buffer.alloc(4 * MiB, 1) });
	const concurrentClosed = (await dbx.filesUploadSessionStart({ session_type: { '.tag': 'concurrent' }, contents: '' })).result.session_id;
	await dbx.filesUploadSessionAppendV2({ cursor: { session_id: concurrentClosed, offset: 4 * MiB }, close: true, contents: 'tail' });
	await dbx.filesUploadSessionAppendV2({ cursor: { session_id: concurrentClosed, offset: 0 }, contents: Buffer.alloc(4 * MiB, 2) });
	const hashed = await closedSession(dbx, 'hashed');
	const ok2 = await closedSession(dbx, 'last');
	const entries: Entry[] = [
		{ cursor: { session_id: ok1, offset: 5 }, commit: { path: `${dir}/first.txt` } },
		{ cursor: { session_id: 'pid_upload_session:unknown', offset: 0 }, commit: { path: `${dir}/unknown.txt` } },
		{ cursor: { session_id: wrongOffset, offset: 3 }, commit: { path: `${dir}/four.txt` } },
		{ cursor: { session_id: open, offset: 10 }, commit: { path: `${dir}/open.txt` } },
		{ cursor: { session_id: conflicted, offset: 11 }, commit: { path: `${dir}/taken.txt` } },
		{ cursor: { session_id: concurrentOpen, offset: 4 * MiB }, commit: { path: `${dir}/concurrent-open.bin` } },
		{ cursor: { session_id: concurrentClosed, offset: 4 * MiB + 4 }, commit: { path: `${dir}/concurrent.bin` } },
		{ cursor: { session_id: hashed, offset: 6 }, commit: { path: `${dir}/hashed.txt` }, content_hash: contentHashOf(Buffer.from('other')) },
		{ cursor: { session_id: ok1, offset: 5 }, commit: { path: `${dir}/first-again.txt` } },
		{ cursor: { session_id: ok2, offset: 4 }, commit: { path: `${dir}/last.txt` } },
	];
	// The failed entries' sessions are still there: corrected, they commit.
	const retry = async () => {
		const again = (await dbx.filesUploadSessionFinishBatchV2({
			entries: [
				{ cursor: { session_id: wrongOffset, offset: 4 }, commit: { path: `${dir}/four.txt` } },
				{ cursor: { session_id: conflicted, offset: 11 }, commit: { path: `${dir}/taken.txt`, mode: { '.tag': 'overwrite' } } },
				{ cursor: { session_id: hashed, offset: 6 }, commit: { path: `${dir}/hashed.txt` }, content_hash: contentHashOf(Buffer.from('hashed')) },
			],
		})).result.entries;
		expect(again.map((e) => e['.tag'])).toEqual(['success', 'success', 'success']);
	};
	return { entries, retry };
}

function expectMixedResults(results: ResultEntry[], dir: string): void {
	expect(results).toHaveLength(10);
	expect(results[0]).toMatchObject({ '.tag': 'success', path_display: `${dir}/first.txt`, size: 5 });
	expect(results.slice(1, 9)).toEqual([
		{ '.tag': 'failure', failure: { '.tag': 'lookup_failed', lookup_failed: { '.tag': 'not_found' } } },
		{ '.tag': 'failure', failure: { '.tag': 'lookup_failed', lookup_failed: { '.tag': 'incorrect_offset', correct_offset: 4 } } },
		{ '.tag': 'failure', failure: { '.tag': 'lookup_failed', lookup_failed: { '.tag': 'not_closed' } } },
		{ '.tag': 'failure', failure: { '.tag': 'path', path: { '.tag': 'conflict', conflict: { '.tag': 'file' } } } },
		{ '.tag': 'failure', failure: { '.tag': 'concurrent_session_not_closed' } },
		expect.objectContaining({ '.tag': 'success', path_display: `${dir}/concurrent.bin`, size: 4 * MiB + 4 }),
		{ '.tag': 'failure', failure: { '.tag': 'content_hash_mismatch' } },
		// The same session twice: the first entry spent it.
		{ '.tag': 'failure', failure: { '.tag': 'lookup_failed', lookup_failed: { '.tag': 'closed' } } },
	]);
	expect(results[9]).toMatchObject({ '.tag': 'success', path_display: `${dir}/last.txt`, content_hash: contentHashOf(Buffer.from('last')) });
}

async function expectFailedEntriesChangedNothing(dir: string): Promise<void> {
	for (const name of ['unknown.txt', 'four.txt', 'open.txt', 'concurrent-open.bin', 'hashed.txt', 'first-again.txt']) {
		expect(await stat(`${dir}/${name}`)).toBeUndefined();
	}
	expect(await stat(`${dir}/taken.txt`)).toMatchObject({ size: 'already here'.length });
}

describeRoute('files/upload_session/finish_batch_v2', () => emu, () => {
	it('commits each entry on its own: failures at their positions, the rest committed', async () => {
		const dbx = client(emu);
		const { entries, retry } = await mixedBatch(dbx, '/BatchV2');
		const results = (await dbx.filesUploadSessionFinishBatchV2({ entries })).result.entries as ResultEntry[];
		expectMixedResults(results, '/BatchV2');
		await expectFailedEntriesChangedNothing('/BatchV2');
		await retry();
	});

	it('refuses more than 1000 entries with Dropbox\'s 400 text', async () => {
		const entry = { cursor: { session_id: 'pid_upload_session:x', offset: 0 }, commit: { path: '/x' } };
		const answer = await rawCall('https://api.dropboxapi.com/2/files/upload_session/finish_batch_v2', {
			headers: { ...bearer(emu.demo.access_token), 'Content-Type': 'application/json' },
			body: JSON.stringify({ entries: Array.from({ length: 1001 }, () => entry) }),
		});
		expect(answer.status).toBe(400);
		expect(answer.text).toMatch(/^Error in call to API function "files\/upload_session\/finish_batch_v2": request body: entries: /);
		const most = (await client(emu).filesUploadSessionFinishBatchV2({ entries: Array.from({ length: 1000 }, () => entry) })).result.entries;
		expect(most).toHaveLength(1000);
	});
});

describeRoute('files/upload_session/finish_batch', () => emu, () => {
	describeRoute('files/upload_session/finish_batch/check', () => emu, () => {
		async function waitForJob(dbx: Dropbox, async_job_id: string): Promise<{ tags: string[]; entries: ResultEntry[] }> {
			const tags: string[] = [];
			for (;;) {
				const status = (await dbx.filesUploadSessionFinishBatchCheck({ async_job_id })).result;
				tags.push(status['.tag']);
				if (status['.tag'] === 'complete') return { tags, entries: status.entries as ResultEntry[] };
			}
		}

		it('runs the same per-entry commits as a job: in_progress first, then complete with the results', async () => {
			const dbx = client(emu);
			const { entries, retry } = await mixedBatch(dbx, '/BatchJob');
			const launch = (await dbx.filesUploadSessionFinishBatch({ entries })).result;
			if (launch['.tag'] !== 'async_job_id') throw new Error(`expected an async job, got ${launch['.tag']}`);
			const { tags, entries: results } = await waitForJob(dbx, launch.async_job_id);
			expect(tags[0]).toBe('in_progress');
			expectMixedResults(results, '/BatchJob');
			await expectFailedEntriesChangedNothing('/BatchJob');
			await retry();
		});

		it('answers in_progress as many times as the admin interface asks', async () => {
			const dbx = client(emu);
			await emu.admin('POST', '/limits', { finish_batch_in_progress_checks: 3 });
			try {
				const session_id = await closedSession(dbx, 'slow');
				const launch = (await dbx.filesUploadSessionFinishBatch({ entries: [{ cursor: { session_id, offset: 4 }, commit: { path: '/BatchSlow/slow.txt' } }] })).result;
				if (launch['.tag'] !== 'async_job_id') throw new Error('expected an async job');
				const { tags } = await waitForJob(dbx, launch.async_job_id);
				expect(tags).toEqual(['in_progress', 'in_progress', 'in_progress', 'complete']);
			} finally {
				await emu.admin('POST', '/limits', { finish_batch_in_progress_checks: 1 });
			}
		});

		it('answers invalid_async_job_id for an unknown job and for another account\'s', async () => {
			const dbx = client(emu);
			const unknown = await dbx.filesUploadSessionFinishBatchCheck({ async_job_id: 'dbjid:unknown' }).catch((e: { error: { error: unknown } }) => e.error.error);
			expect(unknown).toEqual({ '.tag': 'invalid_async_job_id' });
			const session_id = await closedSession(dbx, 'mine');
			const launch = (await dbx.filesUploadSessionFinishBatch({ entries: [{ cursor: { session_id, offset: 4 }, commit: { path: '/BatchMine/mine.txt' } }] })).result;
			if (launch['.tag'] !== 'async_job_id') throw new Error('expected an async job');
			const other = await emu.admin<{ access_token: string }>('POST', '/accounts', {});
			const foreign = await client(emu, other.access_token)
				.filesUploadSessionFinishBatchCheck({ async_job_id: launch.async_job_id })
				.catch((e: { error: { error: unknown } }) => e.error.error);
			expect(foreign).toEqual({ '.tag': 'invalid_async_job_id' });
		});
	});
});
