import { createHash } from 'node:crypto';
import { startTestEmulator, type TestEmulator } from '../../support/emulator-harness';
import { contentHashOf } from '../files/content-hash';
import { describeRoute } from './describe-route';
import { client, sdkFailure } from './sdk-support';
import { summary } from './summary';

let emu: TestEmulator;
beforeAll(async () => {
	emu = await startTestEmulator();
});
afterAll(() => emu.stop());

const MiB = 1024 * 1024;
const bytes = (size: number, seed: number): Buffer => {
	const data = Buffer.alloc(size);
	for (let i = 0; i < size; i++) data[i] = (i * 31 + seed) & 0xff;
	return data;
};

describeRoute('files/upload', () => emu, () => {
	it('stores the content and answers FileMetadata with Dropbox\'s content hash', async () => {
		const data = bytes(5 * MiB + 3, 1);
		const { result } = await client(emu).filesUpload({ path: '/Transfer/five.bin', contents: data });
		expect(result).toMatchObject({ name: 'five.bin', path_display: '/Transfer/five.bin', size: data.length, content_hash: contentHashOf(data) });
		const stat = await emu.admin<{ size: number; content_hash: string }>('GET', `/files?account_id=${encodeURIComponent(emu.demo.account_id)}&path=${encodeURIComponent('/Transfer/five.bin')}`);
		expect(stat).toMatchObject({ size: data.length, content_hash: contentHashOf(data) });
	});

	it('round-trips Unicode names through the header-safe Dropbox-API-Arg', async () => {
		const path = '/Transfer/Ünïcödé – 日本語 🎉.txt';
		const { result } = await client(emu).filesUpload({ path, contents: 'unicode' });
		expect(result.path_display).toBe(path);
		const down = await client(emu).filesDownload({ path });
		expect(down.result.name).toBe('Ünïcödé – 日本語 🎉.txt');
	});

	it('answers path/conflict/file/.. with an upload_session_id, and honours mode overwrite and update', async () => {
		const dbx = client(emu);
		const first = (await dbx.filesUpload({ path: '/Transfer/modes.txt', contents: 'one' })).result;
		const conflict = await sdkFailure(dbx.filesUpload({ path: '/Transfer/modes.txt', contents: 'two' }));
		expect(conflict.status).toBe(409);
		expect(conflict.error.error_summary).toEqual(summary('path/conflict/file'));
		expect(conflict.error.error.upload_session_id).toEqual(expect.any(String));
		const second = (await dbx.filesUpload({ path: '/Transfer/modes.txt', contents: 'two', mode: { '.tag': 'overwrite' } })).result;
		expect(second.id).toBe(first.id);
		const stale = await sdkFailure(dbx.filesUpload({ path: '/Transfer/modes.txt', contents: 'three', mode: { '.tag': 'update', update: first.rev } }));
		expect(stale.error.error_summary).toEqual(summary('path/conflict/file'));
		const mismatch = await sdkFailure(dbx.filesUpload({ path: '/Transfer/h.txt', contents: 'x', content_hash: '0'.repeat(64) }));
		expect(mismatch.error.error_summary).toEqual(summary('content_hash_mismatch'));
	});
});

describeRoute('files/upload_session/start', () => emu, () => {
	describeRoute('files/upload_session/append_v2', () => emu, () => {
		describeRoute('files/upload_session/finish', () => emu, () => {
			it('builds a file from 4 MiB chunks; a wrong offset answers incorrect_offset with correct_offset', async () => {
				const dbx = client(emu);
				const data = bytes(10 * MiB + 7, 2);
				const chunk = 4 * MiB;
				const { session_id } = (await dbx.filesUploadSessionStart({ contents: data.subarray(0, chunk) })).result;
				const wrong = await sdkFailure(dbx.filesUploadSessionAppendV2({ cursor: { session_id, offset: 0 }, contents: data.subarray(chunk, 2 * chunk) }));
				expect(wrong.status).toBe(409);
				expect(wrong.error.error_summary).toEqual(summary('incorrect_offset'));
				expect(wrong.error.error).toEqual({ '.tag': 'incorrect_offset', correct_offset: chunk });
				await dbx.filesUploadSessionAppendV2({ cursor: { session_id, offset: chunk }, contents: data.subarray(chunk, 2 * chunk) });
				const { result } = await dbx.filesUploadSessionFinish({
					cursor: { session_id, offset: 2 * chunk },
					commit: { path: '/Transfer/session.bin' },
					contents: data.subarray(2 * chunk),
				});
				expect(result).toMatchObject({ size: data.length, content_hash: contentHashOf(data) });
				const down = (await dbx.filesDownload({ path: '/Transfer/session.bin' })).result as unknown as { fileBinary: Buffer };
				expect(createHash('sha256').update(down.fileBinary).digest('hex')).toBe(createHash('sha256').update(data).digest('hex'));
			});

			it('answers lookup_failed/not_found for an unknown session', async () => {
				const error = await sdkFailure(
					client(emu).filesUploadSessionFinish({ cursor: { session_id: 'pid_upload_session:unknown', offset: 0 }, commit: { path: '/Transfer/x' }, contents: '' }),
				);
				expect(error.error.error_summary).toEqual(summary('lookup_failed/not_found'));
			});

			it('concurrent sessions take 4 MiB-aligned pieces in any order', async () => {
				const dbx = client(emu);
				const data = bytes(8 * MiB + 100, 3);
				const { session_id } = (await dbx.filesUploadSessionStart({ session_type: { '.tag': 'concurrent' }, contents: '' })).result;
				const unaligned = await sdkFailure(dbx.filesUploadSessionAppendV2({ cursor: { session_id, offset: 0 }, contents: data.subarray(0, 100) }));
				expect(unaligned.error.error_summary).toEqual(summary('concurrent_session_invalid_data_size'));
				await Promise.all([
					dbx.filesUploadSessionAppendV2({ cursor: { session_id, offset: 8 * MiB }, close: true, contents: data.subarray(8 * MiB) }),
					dbx.filesUploadSessionAppendV2({ cursor: { session_id, offset: 4 * MiB }, contents: data.subarray(4 * MiB, 8 * MiB) }),
					dbx.filesUploadSessionAppendV2({ cursor: { session_id, offset: 0 }, contents: data.subarray(0, 4 * MiB) }),
				]);
				const { result } = await dbx.filesUploadSessionFinish({ cursor: { session_id, offset: data.length }, commit: { path: '/Transfer/concurrent.bin' }, contents: '' });
				expect(result).toMatchObject({ size: data.length, content_hash: contentHashOf(data) });
			});
		});
	});
});

describeRoute('files/upload_session/finish_batch_v2', () => emu, () => {
	it('commits many closed sessions in one call, results by position', async () => {
		const dbx = client(emu);
		const sessions = await Promise.all(
			['a', 'bb', 'ccc'].map(async (text) => ({ text, id: (await dbx.filesUploadSessionStart({ close: true, contents: text })).result.session_id })),
		);
		const { result } = await dbx.filesUploadSessionFinishBatchV2({
			entries: sessions.map((s) => ({ cursor: { session_id: s.id, offset: s.text.length }, commit: { path: `/Transfer/Batch/${s.text}.txt` } })),
		});
		expect(result.entries.map((e) => e['.tag'])).toEqual(['success', 'success', 'success']);
		expect(result.entries[2]).toMatchObject({ path_display: '/Transfer/Batch/ccc.txt', size: 3 });
	});
});

describeRoute('files/upload_session/finish_batch', () => emu, () => {
	describeRoute('files/upload_session/finish_batch/check', () => emu, () => {
		it('launches a job whose check answers in_progress, then complete', async () => {
			const dbx = client(emu);
			const { session_id } = (await dbx.filesUploadSessionStart({ close: true, contents: 'job' })).result;
			const launch = (await dbx.filesUploadSessionFinishBatch({ entries: [{ cursor: { session_id, offset: 3 }, commit: { path: '/Transfer/job.txt' } }] })).result;
			expect(launch['.tag']).toBe('async_job_id');
			const async_job_id = (launch as { async_job_id: string }).async_job_id;
			const first = (await dbx.filesUploadSessionFinishBatchCheck({ async_job_id })).result;
			expect(first['.tag']).toBe('in_progress');
			let status = first;
			while (status['.tag'] === 'in_progress') status = (await dbx.filesUploadSessionFinishBatchCheck({ async_job_id })).result;
			expect(status).toMatchObject({ '.tag': 'complete', entries: [{ '.tag': 'success', path_display: '/Transfer/job.txt' }] });
		});
	});
});

describeRoute('files/download', () => emu, () => {
	it('answers the content with its metadata in Dropbox-API-Result', async () => {
		const { result } = await client(emu).filesDownload({ path: '/Getting Started.txt' });
		const withBinary = result as unknown as { fileBinary: Buffer; name: string; size: number };
		expect(withBinary.name).toBe('Getting Started.txt');
		expect(withBinary.fileBinary.toString('utf8')).toContain('Welcome');
		expect(withBinary.fileBinary.length).toBe(withBinary.size);
	});

	it('serves a byte range', async () => {
		const data = Buffer.from('0123456789abcdef');
		await client(emu).filesUpload({ path: '/Transfer/range.txt', contents: data });
		const response = await fetch('https://content.dropboxapi.com/2/files/download', {
			method: 'POST',
			headers: { Authorization: `Bearer ${emu.demo.access_token}`, 'Dropbox-API-Arg': JSON.stringify({ path: '/Transfer/range.txt' }), Range: 'bytes=2-5' },
		});
		expect(response.status).toBe(206);
		expect(await response.text()).toBe('2345');
		expect(JSON.parse(response.headers.get('dropbox-api-result') ?? '{}')).toMatchObject({ name: 'range.txt', size: 16 });
	});

	it('answers path/not_file/.. for a folder and path/not_found/.. for nothing', async () => {
		expect((await sdkFailure(client(emu).filesDownload({ path: '/Photos' }))).error.error_summary).toEqual(summary('path/not_file'));
		expect((await sdkFailure(client(emu).filesDownload({ path: '/missing.bin' }))).error.error_summary).toEqual(summary('path/not_found'));
	});
});
