import { startTestEmulator, type TestEmulator } from '../../support/emulator-harness';
import { describeRoute } from './describe-route';
import { client, sdkFailure } from './sdk-support';
import { summary } from './summary';

let emu: TestEmulator;
beforeAll(async () => {
	emu = await startTestEmulator();
});
afterAll(() => emu.stop());

describeRoute('files/create_folder_v2', () => emu, () => {
	it('creates a folder (with missing parents) and refuses one in the way', async () => {
		const { result } = await client(emu).filesCreateFolderV2({ path: '/Write Tests/New Folder' });
		expect(result.metadata).toMatchObject({ name: 'New Folder', path_display: '/Write Tests/New Folder' });
		expect(result.metadata.id).toMatch(/^id:/);
		const error = await sdkFailure(client(emu).filesCreateFolderV2({ path: '/write tests/new folder' }));
		expect(error.status).toBe(409);
		expect(error.error.error_summary).toEqual(summary('path/conflict/folder'));
		const renamed = await client(emu).filesCreateFolderV2({ path: '/Write Tests/New Folder', autorename: true });
		expect(renamed.result.metadata.name).toBe('New Folder (1)');
	});
});

describeRoute('files/delete_v2', () => emu, () => {
	it('deletes and answers what was there; a second delete is path_lookup/not_found', async () => {
		await client(emu).filesUpload({ path: '/Write Tests/delete-me.txt', contents: 'bye' });
		const { result } = await client(emu).filesDeleteV2({ path: '/Write Tests/delete-me.txt' });
		expect(result.metadata).toMatchObject({ '.tag': 'file', name: 'delete-me.txt', size: 3 });
		const error = await sdkFailure(client(emu).filesDeleteV2({ path: '/Write Tests/delete-me.txt' }));
		expect(error.error.error_summary).toEqual(summary('path_lookup/not_found'));
	});
});

describeRoute('files/copy_v2', () => emu, () => {
	it('copies a folder with its files under new ids', async () => {
		const dbx = client(emu);
		const { result } = await dbx.filesCopyV2({ from_path: '/Photos', to_path: '/Write Tests/Photos Copy' });
		expect(result.metadata).toMatchObject({ '.tag': 'folder', path_display: '/Write Tests/Photos Copy' });
		const original = (await dbx.filesGetMetadata({ path: '/Photos/Holiday/beach.txt' })).result as { id: string; content_hash: string };
		const copy = (await dbx.filesGetMetadata({ path: '/Write Tests/Photos Copy/Holiday/beach.txt' })).result as { id: string; content_hash: string };
		expect(copy.id).not.toBe(original.id);
		expect(copy.content_hash).toBe(original.content_hash);
		const conflict = await sdkFailure(dbx.filesCopyV2({ from_path: '/Photos', to_path: '/Write Tests/Photos Copy' }));
		expect(conflict.error.error_summary).toEqual(summary('to/conflict/folder'));
		const missing = await sdkFailure(dbx.filesCopyV2({ from_path: '/nothing here', to_path: '/Write Tests/x' }));
		expect(missing.error.error_summary).toEqual(summary('from_lookup/not_found'));
	});
});

describeRoute('files/move_v2', () => emu, () => {
	it('moves keeping the id, renames by case, and refuses a folder into itself', async () => {
		const dbx = client(emu);
		const made = (await dbx.filesUpload({ path: '/Write Tests/move-me.txt', contents: 'm' })).result;
		const { result } = await dbx.filesMoveV2({ from_path: '/Write Tests/move-me.txt', to_path: '/Write Tests/Moved/moved.txt' });
		expect(result.metadata).toMatchObject({ '.tag': 'file', id: made.id, path_display: '/Write Tests/Moved/moved.txt' });
		const renamed = await dbx.filesMoveV2({ from_path: '/Write Tests/Moved', to_path: '/Write Tests/MOVED' });
		expect(renamed.result.metadata.path_display).toBe('/Write Tests/MOVED');
		const intoItself = await sdkFailure(dbx.filesMoveV2({ from_path: '/Write Tests', to_path: '/Write Tests/inside' }));
		expect(intoItself.error.error_summary).toEqual(summary('cant_move_folder_into_itself'));
	});
});
