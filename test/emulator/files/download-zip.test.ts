import { existsSync } from 'node:fs';
import type { ApiError, HandlerResult, StreamBody } from '../contract';
import { fileStoreOf } from './context';
import { DEFAULT_FILE_LIMITS } from './limits';
import { type FilesWorld, makeFilesWorld } from './testing/files-world';
import { readZip } from './zip/testing/read-zip';

describe('files/download_zip', () => {
	let world: FilesWorld;
	beforeEach(async () => {
		world = await makeFilesWorld();
		for (const [path, text] of [
			['/Homework/Math/Prime_Numbers.txt', 'primes'],
			['/Homework/Math/Answers/one.txt', '1'],
			['/Homework/readme.txt', 'r'],
		]) {
			await world.json('files/upload', { path }, { body: Buffer.from(text) });
		}
		await world.json('files/create_folder_v2', { path: '/Homework/Math/Empty' });
	});
	afterEach(() => world.close());

	async function zipOf(path: string): Promise<{ result: HandlerResult & { kind: 'stream' }; archive: Buffer }> {
		const result = await world.call('files/download_zip', { path });
		if (result.kind !== 'stream') throw new Error('expected a streamed answer');
		return { result, archive: await drain(result.body) };
	}

	async function drain(body: StreamBody): Promise<Buffer> {
		const chunks: Buffer[] = [];
		try {
			for await (const chunk of body.chunks(new AbortController().signal)) chunks.push(chunk);
		} finally {
			body.close();
		}
		return Buffer.concat(chunks);
	}

	it('zips the folder under its own name, with FolderMetadata in the result', async () => {
		const { result, archive } = await zipOf('/homework/math');
		expect(result.result).toEqual({ metadata: { name: 'Math', path_lower: '/homework/math', path_display: '/Homework/Math', id: expect.stringMatching(/^id:/) } });
		const entries = readZip(archive).entries;
		expect(entries.map((e) => e.name)).toEqual(['Math/', 'Math/Answers/', 'Math/Answers/one.txt', 'Math/Empty/', 'Math/Prime_Numbers.txt']);
		expect(entries[4].data.toString()).toBe('primes');
	});

	it('finds the folder by id too', async () => {
		const meta = await world.json('files/get_metadata', { path: '/Homework' });
		const { archive } = await zipOf(meta.id);
		expect(readZip(archive).entries[0].name).toBe('Homework/');
	});

	it('answers DownloadZipError: path/not_found, path/not_folder, path/malformed_path', async () => {
		const failure = (path: string) => world.failure('files/download_zip', { path });
		expect((await failure('/nothing')).error).toEqual({ '.tag': 'path', path: { '.tag': 'not_found' } });
		expect((await failure('/Homework/readme.txt')).error).toEqual({ '.tag': 'path', path: { '.tag': 'not_folder' } });
		expect((await failure('/Homework/')).error).toEqual({ '.tag': 'path', path: { '.tag': 'malformed_path' } });
	});

	it('refuses the root of a namespace with a 400, as get_metadata does', async () => {
		const error: ApiError = await world.failure('files/download_zip', { path: `ns:${world.user.homeNamespaceId}` });
		expect(error.status).toBe(400);
		expect(error.options.text).toBe('Error in call to API function "files/download_zip": path: The root folder is unsupported.');
	});

	it('answers too_many_files and too_large by the limits in force', async () => {
		world.state.limits = { ...DEFAULT_FILE_LIMITS, zipEntryLimit: 5 };
		expect((await world.failure('files/download_zip', { path: '/Homework/Math' })).error).toEqual({ '.tag': 'too_many_files' });
		world.state.limits = { ...DEFAULT_FILE_LIMITS, zipEntryLimit: 6, zipSizeLimit: 7 };
		expect((await world.failure('files/download_zip', { path: '/Homework/Math' })).error).toEqual({ '.tag': 'too_large' });
		world.state.limits = { ...DEFAULT_FILE_LIMITS, zipEntryLimit: 6, zipSizeLimit: 8 };
		await zipOf('/Homework/Math');
	});

	it('gives the archive an ETag that changes when a file in it does', async () => {
		const first = await zipOf('/Homework');
		expect((await zipOf('/Homework')).result.etag).toBe(first.result.etag);
		await world.json('files/upload', { path: '/Homework/readme.txt', mode: 'overwrite' }, { body: Buffer.from('changed') });
		expect((await zipOf('/Homework')).result.etag).not.toBe(first.result.etag);
	});

	/** The blob file behind a stored file, to watch it being let go. */
	function blobOf(path: string): string {
		const store = fileStoreOf(world.state.files)!;
		const found = store.locate(store.resolve(store.home(world.user), path, world.user));
		if (found?.node.kind !== 'file') throw new Error(`no file at ${path}`);
		return found.node.blob;
	}

	function holds(file: string): number {
		return fileStoreOf(world.state.files)!.blobs.holds(file);
	}

	it('holds the files it zips until it is closed: a file replaced meanwhile still reads as it was', async () => {
		const result = await world.call('files/download_zip', { path: '/Homework/Math/Answers' });
		if (result.kind !== 'stream') throw new Error('expected a streamed answer');
		const old = blobOf('/Homework/Math/Answers/one.txt');
		await world.json('files/upload', { path: '/Homework/Math/Answers/one.txt', mode: 'overwrite' }, { body: Buffer.from('replaced') });
		// Held by the zip and by the file's kept revision.
		expect(holds(old)).toBe(2);
		expect(readZip(await drain(result.body)).entries[1].data.toString()).toBe('1');
		expect(holds(old)).toBe(1);
	});

	it('lets go of its files when the answer ends without its body (a 304)', async () => {
		const result = await world.call('files/download_zip', { path: '/Homework/Math/Answers' });
		if (result.kind !== 'stream') throw new Error('expected a streamed answer');
		const blob = blobOf('/Homework/Math/Answers/one.txt');
		await world.json('files/delete_v2', { path: '/Homework/Math/Answers' });
		expect(holds(blob)).toBe(2);
		result.body.close();
		// Only the deleted file's kept revision holds it now.
		expect(holds(blob)).toBe(1);
		expect(existsSync(blob)).toBe(true);
	});
});
