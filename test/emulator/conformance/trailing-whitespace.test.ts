/**
 * Names that end in whitespace are malformed paths, as Dropbox says of its path formats ("paths may not
 * end with a slash or whitespace"): lookups answer `path/malformed_path`, writes the malformed_path member
 * of their own error union. A client must trim what people type, never send it as it is.
 */
import { Dropbox } from 'dropbox';
import { startTestEmulator, type TestEmulator } from '../../support/emulator-harness';
import { sdkFailure } from './sdk-support';
import { summary } from './summary';

let emu: TestEmulator;
let dbx: Dropbox;
beforeAll(async () => {
	emu = await startTestEmulator();
	dbx = new Dropbox({ accessToken: emu.demo.access_token });
});
afterAll(() => emu.stop());

it('a lookup of a name with trailing whitespace is path/malformed_path, even where the trimmed name exists', async () => {
	for (const path of ['/Getting Started.txt ', '/Documents\t', '/Documents /report.txt', '/Photos/pixel.png\u00a0']) {
		const error = await sdkFailure(dbx.filesGetMetadata({ path }));
		expect([path, error.status, error.error.error]).toEqual([path, 409, { '.tag': 'path', path: { '.tag': 'malformed_path' } }]);
		expect(error.error.error_summary).toEqual(summary('path/malformed_path'));
	}
});

it('writes answer malformed_path in their own unions', async () => {
	const folder = await sdkFailure(dbx.filesCreateFolderV2({ path: '/New folder ' }));
	expect(folder.error.error).toEqual({ '.tag': 'path', path: { '.tag': 'malformed_path' } });

	const upload = await sdkFailure(dbx.filesUpload({ path: '/notes.txt ', contents: Buffer.from('x') }));
	expect(upload.error.error).toMatchObject({ '.tag': 'path', reason: { '.tag': 'malformed_path' } });
	expect(upload.error.error_summary).toEqual(summary('path/malformed_path'));

	const moved = await sdkFailure(dbx.filesMoveV2({ from_path: '/Getting Started.txt', to_path: '/Moved.txt ' }));
	expect(moved.error.error).toEqual({ '.tag': 'to', to: { '.tag': 'malformed_path' } });

	const deleted = await sdkFailure(dbx.filesDeleteV2({ path: '/Documents ' }));
	expect(deleted.error.error).toEqual({ '.tag': 'path_lookup', path_lookup: { '.tag': 'malformed_path' } });
	// Nothing was touched.
	await expect(dbx.filesGetMetadata({ path: '/Getting Started.txt' })).resolves.toBeDefined();
	await expect(dbx.filesGetMetadata({ path: '/Documents' })).resolves.toBeDefined();
});

it('whitespace inside or at the start of a name is fine', async () => {
	const { result } = await dbx.filesUpload({ path: '/ spaced  name .txt', contents: Buffer.from('x') });
	expect(result.name).toBe(' spaced  name .txt');
});
