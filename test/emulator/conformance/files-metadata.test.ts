import { startTestEmulator, type TestEmulator } from '../../support/emulator-harness';
import { describeRoute } from './describe-route';
import { client, sdkFailure } from './sdk-support';
import { summary } from './summary';

let emu: TestEmulator;
beforeAll(async () => {
	emu = await startTestEmulator();
});
afterAll(() => emu.stop());

describeRoute('files/get_metadata', () => emu, () => {
	it('describes a demo file, by path (any case) and by id', async () => {
		const { result } = await client(emu).filesGetMetadata({ path: '/documents/REPORT.txt' });
		expect(result).toMatchObject({ '.tag': 'file', name: 'report.txt', path_display: '/Documents/report.txt', is_downloadable: true });
		const byId = await client(emu).filesGetMetadata({ path: (result as { id: string }).id });
		expect(byId.result.path_lower).toBe('/documents/report.txt');
	});

	it('answers 409 path/not_found', async () => {
		const error = await sdkFailure(client(emu).filesGetMetadata({ path: '/no/such/thing' }));
		expect(error.status).toBe(409);
		expect(error.error.error_summary).toEqual(summary('path/not_found'));
		expect(error.error.error).toEqual({ '.tag': 'path', path: { '.tag': 'not_found' } });
	});

	it('round-trips a Unicode name', async () => {
		const { result } = await client(emu).filesGetMetadata({ path: '/Café/naïve – 日本.txt' });
		expect(result.path_display).toBe('/Café/naïve – 日本.txt');
	});
});

describeRoute('files/list_folder', () => emu, () => {
	it('lists the root (path "") and pages with limit', async () => {
		const { result } = await client(emu).filesListFolder({ path: '' });
		expect(result.entries.map((e) => e.name)).toEqual(expect.arrayContaining(['Documents', 'Photos', 'Getting Started.txt', 'Café']));
		expect(result.has_more).toBe(false);
		const paged = await client(emu).filesListFolder({ path: '', recursive: true, limit: 1 });
		expect(paged.result.entries).toHaveLength(1);
		expect(paged.result.has_more).toBe(true);
	});

	it('refuses "/" with a 400 and a file with path/not_folder', async () => {
		expect((await sdkFailure(client(emu).filesListFolder({ path: '/' }))).status).toBe(400);
		const notFolder = await sdkFailure(client(emu).filesListFolder({ path: '/Getting Started.txt' }));
		expect(notFolder.error.error_summary).toEqual(summary('path/not_folder'));
	});
});

describeRoute('files/list_folder/continue', () => emu, () => {
	it('pages through a recursive listing, then reports created, updated and deleted entries', async () => {
		const dbx = client(emu);
		let page = (await dbx.filesListFolder({ path: '', recursive: true, limit: 2 })).result;
		const seen = [...page.entries];
		while (page.has_more) {
			page = (await dbx.filesListFolderContinue({ cursor: page.cursor })).result;
			seen.push(...page.entries);
		}
		expect(seen.map((e) => e.path_lower)).toContain('/photos/pixel.png');

		await dbx.filesCreateFolderV2({ path: '/Continue Test' });
		await dbx.filesUpload({ path: '/Continue Test/a.txt', contents: 'a' });
		await dbx.filesDeleteV2({ path: '/Photos/pixel.png' });
		// The listing's limit (2) holds for the news too.
		const news = [];
		let delta = page;
		do {
			delta = (await dbx.filesListFolderContinue({ cursor: delta.cursor })).result;
			expect(delta.entries.length).toBeLessThanOrEqual(2);
			news.push(...delta.entries);
		} while (delta.has_more);
		expect(news.map((e) => [e['.tag'], e.path_display])).toEqual([
			['folder', '/Continue Test'],
			['file', '/Continue Test/a.txt'],
			['deleted', '/Photos/pixel.png'],
		]);
	});

	it('answers reset after the admin resets cursors', async () => {
		const { result } = await client(emu).filesListFolderGetLatestCursor({ path: '' });
		await emu.admin('POST', '/cursors/reset', { account_id: emu.demo.account_id });
		const error = await sdkFailure(client(emu).filesListFolderContinue({ cursor: result.cursor }));
		expect(error.status).toBe(409);
		expect(error.error.error_summary).toEqual(summary('reset'));
	});
});

describeRoute('files/list_folder/get_latest_cursor', () => emu, () => {
	it('gives a cursor that sees only later changes', async () => {
		const dbx = client(emu);
		const { cursor } = (await dbx.filesListFolderGetLatestCursor({ path: '/Documents' })).result;
		expect((await dbx.filesListFolderContinue({ cursor })).result.entries).toEqual([]);
		await dbx.filesUpload({ path: '/Documents/later.txt', contents: 'later' });
		const delta = (await dbx.filesListFolderContinue({ cursor })).result;
		expect(delta.entries.map((e) => e.name)).toEqual(['later.txt']);
	});
});

describeRoute('files/list_folder/longpoll', () => emu, () => {
	it('wakes on a change under the cursor', async () => {
		const dbx = client(emu);
		const { cursor } = (await dbx.filesListFolderGetLatestCursor({ path: '' })).result;
		const poll = dbx.filesListFolderLongpoll({ cursor, timeout: 30 });
		await new Promise((resolve) => setTimeout(resolve, 100));
		await emu.admin('POST', '/files', { account_id: emu.demo.account_id, path: '/longpoll-wake.txt', content_base64: Buffer.from('wake').toString('base64') });
		const { result } = await poll;
		expect(result.changes).toBe(true);
	});

	it('answers reset for a cursor that is not one', async () => {
		const error = await sdkFailure(client(emu).filesListFolderLongpoll({ cursor: 'not-a-cursor' }));
		expect(error.status).toBe(409);
		expect(error.error.error_summary).toEqual(summary('reset'));
	});
});
