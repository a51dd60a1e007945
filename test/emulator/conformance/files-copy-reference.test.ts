/**
 * Copy references through the official SDK: one account gets a reference to a file or folder, another
 * saves it into its own Dropbox (same content, new ids), and the errors of both routes.
 */
import type { Dropbox } from 'dropbox';
import { describeRoute } from './describe-route';
import { expectSpecShape, routeFailure, sdkWorld } from './files-support';
import { client } from './sdk-support';

const world = sdkWorld();
let other: Dropbox;
beforeAll(async () => {
	const account = await world.emu.admin<{ access_token: string }>('POST', '/accounts', {});
	other = client(world.emu, account.access_token);
});

async function text(dbx: Dropbox, path: string): Promise<string> {
	const result = (await dbx.filesDownload({ path })).result as unknown as { fileBinary: Buffer };
	return Buffer.from(result.fileBinary).toString('utf8');
}

describeRoute('files/copy_reference/get', () => world.emu, () => {
	describeRoute('files/copy_reference/save', () => world.emu, () => {
		it('copies a file and a whole folder into another account without sending the bytes', async () => {
			const uploaded = (await world.dbx.filesUpload({ path: '/Refs/report.txt', contents: 'quarterly' })).result;
			await world.dbx.filesUpload({ path: '/Refs/Folder/a.txt', contents: 'a' });
			await world.dbx.filesUpload({ path: '/Refs/Folder/Sub/b.txt', contents: 'b' });
			const fileRef = (await world.dbx.filesCopyReferenceGet({ path: '/Refs/report.txt' })).result;
			expectSpecShape('GetCopyReferenceResult', fileRef);
			expect(fileRef.metadata).toMatchObject({ '.tag': 'file', id: uploaded.id });
			expect(Date.parse(fileRef.expires)).toBeGreaterThan(Date.now() + 365 * 24 * 3600 * 1000);
			const saved = (await other.filesCopyReferenceSave({ copy_reference: fileRef.copy_reference, path: '/Inbox/report.txt' })).result;
			expectSpecShape('SaveCopyReferenceResult', saved);
			expect(saved.metadata).toMatchObject({ '.tag': 'file', path_display: '/Inbox/report.txt', content_hash: uploaded.content_hash });
			expect((saved.metadata as { id: string }).id).not.toBe(uploaded.id);
			expect(await text(other, '/Inbox/report.txt')).toBe('quarterly');

			const folderRef = (await world.dbx.filesCopyReferenceGet({ path: '/Refs/Folder' })).result;
			expect((await other.filesCopyReferenceSave({ copy_reference: folderRef.copy_reference, path: '/Copied' })).result.metadata).toMatchObject({ '.tag': 'folder', path_display: '/Copied' });
			expect(await text(other, '/Copied/Sub/b.txt')).toBe('b');
			// The source is untouched.
			expect(await text(world.dbx, '/Refs/Folder/a.txt')).toBe('a');
		});

		it('answers the spec\'s errors', async () => {
			expect(await routeFailure(world.dbx.filesCopyReferenceGet({ path: '/Refs/none.txt' }))).toEqual({ '.tag': 'path', path: { '.tag': 'not_found' } });
			await world.dbx.filesUpload({ path: '/Refs/once.txt', contents: 'once' });
			const { copy_reference } = (await world.dbx.filesCopyReferenceGet({ path: '/Refs/once.txt' })).result;
			await other.filesUpload({ path: '/Taken.txt', contents: 'mine' });
			expect(await routeFailure(other.filesCopyReferenceSave({ copy_reference, path: '/Taken.txt' }))).toEqual({ '.tag': 'path', path: { '.tag': 'conflict', conflict: { '.tag': 'file' } } });
			expect(await routeFailure(other.filesCopyReferenceSave({ copy_reference: 'not a reference', path: '/x.txt' }))).toEqual({ '.tag': 'invalid_copy_reference' });
			await world.dbx.filesDeleteV2({ path: '/Refs/once.txt' });
			expect(await routeFailure(other.filesCopyReferenceSave({ copy_reference, path: '/Gone.txt' }))).toEqual({ '.tag': 'not_found' });
		});

		it('answers too_many_files past the operation limit', async () => {
			await world.dbx.filesUpload({ path: '/Refs/Big/1.txt', contents: '1' });
			await world.dbx.filesUpload({ path: '/Refs/Big/2.txt', contents: '2' });
			const { copy_reference } = (await world.dbx.filesCopyReferenceGet({ path: '/Refs/Big' })).result;
			await world.emu.admin('POST', '/limits', { operation_entry_limit: 2 });
			try {
				expect(await routeFailure(other.filesCopyReferenceSave({ copy_reference, path: '/Big' }))).toEqual({ '.tag': 'too_many_files' });
			} finally {
				await world.emu.admin('POST', '/limits', { operation_entry_limit: 10_000 });
			}
		});
	});
});
