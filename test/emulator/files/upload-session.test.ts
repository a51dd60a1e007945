import { readFile } from 'node:fs/promises';
import { contentHashOf } from './content-hash';
import { CONCURRENT_ALIGNMENT } from './store/upload-sessions';
import { type FilesWorld, makeFilesWorld } from './testing/files-world';

describe('upload sessions', () => {
	let world: FilesWorld;
	beforeEach(async () => {
		world = await makeFilesWorld();
	});
	afterEach(() => world.close());

	const start = (data: string | Buffer, arg: object = {}) =>
		world.json<{ session_id: string }>('files/upload_session/start', arg, { body: Buffer.from(data) }).then((r) => r.session_id);
	const append = (session_id: string, offset: number, data: string | Buffer, extra: object = {}) =>
		world.call('files/upload_session/append_v2', { cursor: { session_id, offset }, ...extra }, { body: Buffer.from(data) });
	const appendFailure = (session_id: string, offset: number, data: string | Buffer, extra: object = {}) =>
		world.failure('files/upload_session/append_v2', { cursor: { session_id, offset }, ...extra }, { body: Buffer.from(data) });

	it('start → append → finish builds the file, with its whole content hash', async () => {
		const id = await start('Hello, ');
		await append(id, 7, 'upload ');
		const meta = await world.json('files/upload_session/finish', { cursor: { session_id: id, offset: 14 }, commit: { path: '/s.txt' } }, { body: Buffer.from('session') });
		expect(meta).toMatchObject({ path_display: '/s.txt', size: 21, content_hash: contentHashOf(Buffer.from('Hello, upload session')) });
		const file = await world.call('files/download', { path: '/s.txt' });
		if (file.kind !== 'download') throw new Error('expected a download');
		expect(await readFile(file.file, 'utf8')).toBe('Hello, upload session');
		// A finished session is spent.
		const again = await world.failure('files/upload_session/finish', { cursor: { session_id: id, offset: 21 }, commit: { path: '/t.txt' } });
		expect(again.error).toEqual({ '.tag': 'lookup_failed', lookup_failed: { '.tag': 'closed' } });
	});

	it('a wrong offset answers incorrect_offset with the correct one, and nothing is appended', async () => {
		const id = await start('abc');
		const wrong = await appendFailure(id, 1, 'zzz');
		expect(wrong.error).toEqual({ '.tag': 'incorrect_offset', correct_offset: 3 });
		await append(id, 3, 'def');
		const finishWrong = await world.failure('files/upload_session/finish', { cursor: { session_id: id, offset: 2 }, commit: { path: '/x' } });
		expect(finishWrong.error).toEqual({ '.tag': 'lookup_failed', lookup_failed: { '.tag': 'incorrect_offset', correct_offset: 6 } });
		const meta = await world.json('files/upload_session/finish', { cursor: { session_id: id, offset: 6 }, commit: { path: '/x' } });
		expect(meta.size).toBe(6);
	});

	it('unknown sessions, closed sessions and content_hash per call', async () => {
		expect((await appendFailure('pid_upload_session:nope', 0, 'x')).error).toEqual({ '.tag': 'not_found' });
		const id = await start('abc', { close: true });
		expect((await appendFailure(id, 3, 'd')).error).toEqual({ '.tag': 'closed' });
		const open = await start('');
		expect((await appendFailure(open, 0, 'data', { content_hash: '0'.repeat(64) })).error).toEqual({ '.tag': 'content_hash_mismatch' });
		await append(open, 0, 'data', { content_hash: contentHashOf(Buffer.from('data')) });
		const badStart = await world.failure('files/upload_session/start', { content_hash: '1'.repeat(64) }, { body: Buffer.from('x') });
		expect(badStart.error).toEqual({ '.tag': 'content_hash_mismatch' });
		// A finish without data compares the whole file.
		const whole = await world.failure('files/upload_session/finish', { cursor: { session_id: open, offset: 4 }, commit: { path: '/w' }, content_hash: '2'.repeat(64) });
		expect(whole.error).toEqual({ '.tag': 'content_hash_mismatch' });
		const ok = await world.json('files/upload_session/finish', { cursor: { session_id: open, offset: 4 }, commit: { path: '/w' }, content_hash: contentHashOf(Buffer.from('data')) });
		expect(ok.size).toBe(4);
	});

	it('a refused commit leaves the session for a retry elsewhere', async () => {
		await world.json('files/upload', { path: '/taken' }, { body: Buffer.from('old') });
		const id = await start('new data', { close: true });
		const refused = await world.failure('files/upload_session/finish', { cursor: { session_id: id, offset: 8 }, commit: { path: '/taken' } });
		expect(refused.error).toEqual({ '.tag': 'path', path: { '.tag': 'conflict', conflict: { '.tag': 'file' } } });
		const meta = await world.json('files/upload_session/finish', { cursor: { session_id: id, offset: 8 }, commit: { path: '/free' } });
		expect(meta.size).toBe(8);
	});

	it('concurrent sessions: aligned pieces in any order, joined at finish', async () => {
		const a = Buffer.alloc(CONCURRENT_ALIGNMENT, 1);
		const b = Buffer.alloc(CONCURRENT_ALIGNMENT, 2);
		const tail = Buffer.from('tail');
		const dataRefused = await world.failure('files/upload_session/start', { session_type: 'concurrent' }, { body: Buffer.from('x') });
		expect(dataRefused.error).toEqual({ '.tag': 'concurrent_session_data_not_allowed' });
		const closeRefused = await world.failure('files/upload_session/start', { session_type: { '.tag': 'concurrent' }, close: true });
		expect(closeRefused.error).toEqual({ '.tag': 'concurrent_session_close_not_allowed' });

		const id = await start('', { session_type: 'concurrent' });
		expect((await appendFailure(id, 5, a)).error).toEqual({ '.tag': 'concurrent_session_invalid_offset' });
		expect((await appendFailure(id, 0, 'short')).error).toEqual({ '.tag': 'concurrent_session_invalid_data_size' });
		await append(id, 2 * CONCURRENT_ALIGNMENT, tail, { close: true });
		const notClosedYet = await world.failure('files/upload_session/finish', { cursor: { session_id: id, offset: 0 }, commit: { path: '/c' } });
		expect(notClosedYet.error).toEqual({ '.tag': 'concurrent_session_missing_data' });
		await append(id, CONCURRENT_ALIGNMENT, b);
		await append(id, 0, a);
		const total = 2 * CONCURRENT_ALIGNMENT + tail.length;
		const meta = await world.json('files/upload_session/finish', { cursor: { session_id: id, offset: total }, commit: { path: '/c' } });
		expect(meta).toMatchObject({ size: total, content_hash: contentHashOf(Buffer.concat([a, b, tail])) });

		const open = await start('', { session_type: 'concurrent' });
		const notClosed = await world.failure('files/upload_session/finish', { cursor: { session_id: open, offset: 0 }, commit: { path: '/d' } });
		expect(notClosed.error).toEqual({ '.tag': 'concurrent_session_not_closed' });
	});

	it('finish_batch_v2 commits closed sessions and reports each entry by position', async () => {
		const one = await start('one', { close: true });
		const two = await start('two', { close: true });
		const open = await start('open');
		const result = await world.json('files/upload_session/finish_batch_v2', {
			entries: [
				{ cursor: { session_id: one, offset: 3 }, commit: { path: '/batch/one.txt' } },
				{ cursor: { session_id: open, offset: 4 }, commit: { path: '/batch/open.txt' } },
				{ cursor: { session_id: two, offset: 3 }, commit: { path: '/batch/two.txt' } },
			],
		});
		expect(result.entries[0]).toMatchObject({ '.tag': 'success', path_display: '/batch/one.txt', size: 3 });
		expect(result.entries[1]).toEqual({ '.tag': 'failure', failure: { '.tag': 'lookup_failed', lookup_failed: { '.tag': 'not_closed' } } });
		expect(result.entries[2]).toMatchObject({ '.tag': 'success', path_display: '/batch/two.txt' });
	});

	it('finish_batch answers a job id that finish_batch/check reports in_progress, then complete', async () => {
		const one = await start('one', { close: true });
		const launch = await world.json('files/upload_session/finish_batch', { entries: [{ cursor: { session_id: one, offset: 3 }, commit: { path: '/j.txt' } }] });
		expect(launch['.tag']).toBe('async_job_id');
		const check = () => world.json('files/upload_session/finish_batch/check', { async_job_id: launch.async_job_id });
		expect(await check()).toEqual({ '.tag': 'in_progress' });
		let status = await check();
		while (status['.tag'] === 'in_progress') {
			await new Promise((resolve) => setTimeout(resolve, 5));
			status = await check();
		}
		expect(status).toMatchObject({ '.tag': 'complete', entries: [{ '.tag': 'success', path_display: '/j.txt' }] });
		// Another account cannot see the job.
		const foreign = await world.failure('files/upload_session/finish_batch/check', { async_job_id: launch.async_job_id }, { account: world.teamMember });
		expect(foreign.error).toEqual({ '.tag': 'invalid_async_job_id' });
		const unknown = await world.failure('files/upload_session/finish_batch/check', { async_job_id: 'dbjid:nope' });
		expect(unknown.error).toEqual({ '.tag': 'invalid_async_job_id' });
	});

	it('a body cut off half-way leaves the offset where it was', async () => {
		const id = await start('12345');
		async function* dying(): AsyncIterable<Buffer> {
			yield Buffer.from('678');
			throw new Error('aborted');
		}
		await expect(world.call('files/upload_session/append_v2', { cursor: { session_id: id, offset: 5 } }, { body: dying() })).rejects.toThrow('aborted');
		await append(id, 5, '6789');
		const meta = await world.json('files/upload_session/finish', { cursor: { session_id: id, offset: 9 }, commit: { path: '/r.txt' } });
		expect(meta.content_hash).toBe(contentHashOf(Buffer.from('123456789')));
	});

	it('sessions belong to their account', async () => {
		const id = await start('mine');
		const other = await world.failure('files/upload_session/append_v2', { cursor: { session_id: id, offset: 4 } }, { body: Buffer.from('x'), account: world.teamMember });
		expect(other.error).toEqual({ '.tag': 'not_found' });
	});
});
