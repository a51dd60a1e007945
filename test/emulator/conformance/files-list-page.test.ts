/** list_folder's page size set through the admin interface: pages past the first, whatever `limit` asks. */
import { startTestEmulator, type TestEmulator } from '../../support/emulator-harness';
import { describeRoute } from './describe-route';
import { client } from './sdk-support';

let emu: TestEmulator;
beforeAll(async () => {
	emu = await startTestEmulator();
});
afterAll(() => emu.stop());

describeRoute('files/list_folder', () => emu, () => {
	describeRoute('files/list_folder/continue', () => emu, () => {
		it('caps every page at the admin page size, the caller\'s smaller limit still holding', async () => {
			const dbx = client(emu);
			await dbx.filesCreateFolderBatch({ paths: Array.from({ length: 7 }, (_, i) => `/Paged/f${i}`) });
			expect(await emu.admin('POST', '/limits', { list_folder_page_size: 3 })).toMatchObject({ list_folder_page_size: 3 });
			try {
				const sizes: number[] = [];
				const names: string[] = [];
				let page = (await dbx.filesListFolder({ path: '/Paged' })).result;
				for (;;) {
					sizes.push(page.entries.length);
					names.push(...page.entries.map((e) => e.name));
					if (!page.has_more) break;
					page = (await dbx.filesListFolderContinue({ cursor: page.cursor })).result;
				}
				expect(sizes).toEqual([3, 3, 1]);
				expect(names).toEqual(Array.from({ length: 7 }, (_, i) => `f${i}`));
				const small = (await dbx.filesListFolder({ path: '/Paged', limit: 2 })).result;
				expect(small.entries).toHaveLength(2);
			} finally {
				await emu.admin('POST', '/limits', { list_folder_page_size: 2000 });
			}
		});
	});
});
