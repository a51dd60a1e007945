/**
 * files/download_zip through the official SDK (filesDownloadZip) and on the wire: the archive, its
 * DownloadZipResult, DownloadZipError, the limits the admin interface lowers, ETag / If-None-Match, and
 * no Range support.
 */
import { request } from 'undici';
import { startTestEmulator, type TestEmulator } from '../../support/emulator-harness';
import { bearer, rawCall } from '../../support/raw-http';
import { fileStoreOf } from '../files/context';
import { readZip } from '../files/zip/testing/read-zip';
import { describeRoute } from './describe-route';
import { client, sdkFailure } from './sdk-support';
import { summary } from './summary';

let emu: TestEmulator;
beforeAll(async () => {
	emu = await startTestEmulator();
	const dbx = client(emu);
	await dbx.filesUpload({ path: '/Zip/Math/Prime_Numbers.txt', contents: 'two three five seven' });
	await dbx.filesUpload({ path: '/Zip/Math/Sub/ünï – 日本.txt', contents: Buffer.alloc(70_000, 7) });
	await dbx.filesCreateFolderV2({ path: '/Zip/Math/Empty' });
});
afterAll(() => emu.stop());

const ZIP = 'https://content.dropboxapi.com/2/files/download_zip';
const zipCall = (path: string, headers: Record<string, string> = {}) =>
	rawCall(ZIP, { headers: { ...bearer(emu.demo.access_token), 'Dropbox-API-Arg': JSON.stringify({ path }), ...headers } });

type ZipAnswer = { metadata: { name: string; path_display: string; id: string }; fileBinary: Buffer };

describeRoute('files/download_zip', () => emu, () => {
	it('answers the folder as a zip named after it, with DownloadZipResult', async () => {
		const { result } = await client(emu).filesDownloadZip({ path: '/zip/math' });
		const answer = result as unknown as ZipAnswer;
		expect(answer.metadata).toEqual({ name: 'Math', path_lower: '/zip/math', path_display: '/Zip/Math', id: expect.stringMatching(/^id:/) });
		const entries = readZip(Buffer.from(answer.fileBinary)).entries;
		expect(entries.map((e) => e.name)).toEqual(['Math/', 'Math/Empty/', 'Math/Prime_Numbers.txt', 'Math/Sub/', 'Math/Sub/ünï – 日本.txt']);
		expect(entries[2].data.toString()).toBe('two three five seven');
		expect(entries[4].data.equals(Buffer.alloc(70_000, 7))).toBe(true);
	});

	it('answers path/not_found, path/not_folder and path/malformed_path as DownloadZipError', async () => {
		const dbx = client(emu);
		expect((await sdkFailure(dbx.filesDownloadZip({ path: '/Zip/Nothing' }))).error.error_summary).toEqual(summary('path/not_found'));
		const notFolder = await sdkFailure(dbx.filesDownloadZip({ path: '/Zip/Math/Prime_Numbers.txt' }));
		expect([notFolder.status, notFolder.error.error]).toEqual([409, { '.tag': 'path', path: { '.tag': 'not_folder' } }]);
		expect((await sdkFailure(dbx.filesDownloadZip({ path: '/Zip/Math/' }))).error.error_summary).toEqual(summary('path/malformed_path'));
	});

	it('answers too_many_files and too_large past the limits the admin interface sets', async () => {
		const dbx = client(emu);
		// Five entries: the folder, Empty/, Prime_Numbers.txt, Sub/ and the file in it.
		await emu.admin('POST', '/limits', { zip_entry_limit: 5 });
		expect((await sdkFailure(dbx.filesDownloadZip({ path: '/Zip/Math' }))).error.error).toEqual({ '.tag': 'too_many_files' });
		await emu.admin('POST', '/limits', { zip_entry_limit: 6, zip_size_limit: 70_020 });
		const tooLarge = await sdkFailure(dbx.filesDownloadZip({ path: '/Zip/Math' }));
		expect([tooLarge.error.error_summary, tooLarge.error.error]).toEqual([summary('too_large'), { '.tag': 'too_large' }]);
		await emu.admin('POST', '/limits', { zip_size_limit: 70_021 });
		await expect(dbx.filesDownloadZip({ path: '/Zip/Math' })).resolves.toBeDefined();
		await emu.admin('POST', '/limits', { zip_entry_limit: 10_000, zip_size_limit: 20 * 1024 ** 3 });
		expect(await emu.admin('GET', '/limits')).toEqual({ zip_size_limit: 20 * 1024 ** 3, zip_entry_limit: 10_000, finish_batch_in_progress_checks: 1, operation_entry_limit: 10_000, list_folder_page_size: 2000, temporary_link_lifetime_s: 14_400, search_page_size: 1000, shared_links_page_size: 200 });
	});

	it('streams without a length and ignores Range, which Dropbox does not serve for this route', async () => {
		const whole = await zipCall('/Zip/Math');
		const ranged = await zipCall('/Zip/Math', { Range: 'bytes=0-9' });
		expect(whole.status).toBe(200);
		expect(whole.headers['content-length']).toBeUndefined();
		expect(whole.headers['transfer-encoding']).toBe('chunked');
		expect(whole.headers['accept-ranges']).toBeUndefined();
		expect([ranged.status, ranged.headers['content-range'], ranged.text.length]).toEqual([200, undefined, whole.text.length]);
		expect(JSON.parse(String(whole.headers['dropbox-api-result']))).toMatchObject({ metadata: { name: 'Math' } });
	});

	it('tags the archive with a weak ETag: 304 while nothing in the folder changed, a new tag after', async () => {
		const first = await zipCall('/Zip/Math');
		const etag = String(first.headers.etag);
		expect(etag).toMatch(/^W\/".+"$/);
		const cached = await zipCall('/Zip/Math', { 'If-None-Match': etag });
		expect([cached.status, cached.text]).toEqual([304, '']);
		await client(emu).filesUpload({ path: '/Zip/Math/Sub/new.txt', contents: 'new' });
		const fresh = await zipCall('/Zip/Math', { 'If-None-Match': etag });
		expect(fresh.status).toBe(200);
		expect(fresh.headers.etag).not.toBe(etag);
	});

	it('lets go of the files it was zipping when the client hangs up mid-archive', async () => {
		await client(emu).filesUpload({ path: '/ZipAbort/big.bin', contents: Buffer.alloc(8 * 1024 * 1024, 3) });
		const store = fileStoreOf(emu.state.files)!;
		const found = store.locate(store.resolve(store.home(emu.state.accounts.byId(emu.demo.account_id)!), '/ZipAbort/big.bin'));
		const blob = found?.node.kind === 'file' ? found.node.blob : '';
		const answer = await request(ZIP, { method: 'POST', headers: { ...bearer(emu.demo.access_token), 'Dropbox-API-Arg': JSON.stringify({ path: '/ZipAbort' }) } });
		for await (const _chunk of answer.body) break;
		await client(emu).filesDeleteV2({ path: '/ZipAbort' });
		// The deleted file's kept revision still holds its content; the zip lets go.
		for (let i = 0; i < 100 && store.blobs.holds(blob) !== 1; i++) await new Promise((resolve) => setTimeout(resolve, 20));
		expect(store.blobs.holds(blob)).toBe(1);
	});

	it('takes the argument from the `arg` query parameter on GET, as the other download routes do', async () => {
		const arg = encodeURIComponent(JSON.stringify({ path: '/Zip/Math/Sub' }));
		const answer = await rawCall(`${ZIP}?arg=${arg}`, { method: 'GET', headers: bearer(emu.demo.access_token) });
		expect(answer.status).toBe(200);
		expect(JSON.parse(String(answer.headers['dropbox-api-result'])).metadata.path_display).toBe('/Zip/Math/Sub');
	});
});

describe('admin limits', () => {
	it('refuses unknown or malformed limits', async () => {
		await expect(emu.admin('POST', '/limits', { zip_files: 3 })).rejects.toThrow(/400.*unknown limits: zip_files/);
		await expect(emu.admin('POST', '/limits', { zip_entry_limit: 0 })).rejects.toThrow(/400.*zip_entry_limit must be a number ≥ 1/);
		await expect(emu.admin('POST', '/limits', { finish_batch_in_progress_checks: 1.5 })).rejects.toThrow(/400.*must be an integer/);
	});

	it('are back to Dropbox\'s after an admin reset', async () => {
		await emu.admin('POST', '/limits', { zip_entry_limit: 2, finish_batch_in_progress_checks: 4 });
		await emu.admin('POST', '/reset');
		expect(await emu.admin('GET', '/limits')).toEqual({ zip_size_limit: 20 * 1024 ** 3, zip_entry_limit: 10_000, finish_batch_in_progress_checks: 1, operation_entry_limit: 10_000, list_folder_page_size: 2000, temporary_link_lifetime_s: 14_400, search_page_size: 1000, shared_links_page_size: 200 });
	});
});
