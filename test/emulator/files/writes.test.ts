import { readFile } from 'node:fs/promises';
import { contentHashOf } from './content-hash';
import { type FilesWorld, makeFilesWorld } from './testing/files-world';

describe('writes: upload, create_folder_v2, delete_v2, copy_v2, move_v2', () => {
	let world: FilesWorld;
	beforeEach(async () => {
		world = await makeFilesWorld();
	});
	afterEach(() => world.close());

	const upload = (path: string, data: string, extra: object = {}) =>
		world.json('files/upload', { path, ...extra }, { body: Buffer.from(data) });

	it('uploads: FileMetadata without .tag, content on disk, hash and size', async () => {
		const meta = await upload('/Docs/Hello.txt', 'hello', { client_modified: '2020-01-02T03:04:05Z' });
		expect(meta['.tag']).toBeUndefined();
		expect(meta).toMatchObject({ name: 'Hello.txt', path_display: '/Docs/Hello.txt', size: 5, client_modified: '2020-01-02T03:04:05Z' });
		expect(meta.content_hash).toBe(contentHashOf(Buffer.from('hello')));
		const download = await world.call('files/download', { path: '/docs/hello.txt' });
		if (download.kind !== 'download') throw new Error('expected a download');
		expect(await readFile(download.file, 'utf8')).toBe('hello');
		expect(download.size).toBe(5);
		expect(download.result).toMatchObject({ id: meta.id, rev: meta.rev });
		// The parent folder was made on the way.
		expect((await world.json('files/get_metadata', { path: '/Docs' }))['.tag']).toBe('folder');
	});

	it('mode add conflicts unless autorename; identical content is no conflict', async () => {
		const first = await upload('/a.txt', 'one');
		const conflict = await world.failure('files/upload', { path: '/a.txt' }, { body: Buffer.from('two') });
		expect(conflict.status).toBe(409);
		expect(conflict.error).toMatchObject({ '.tag': 'path', reason: { '.tag': 'conflict', conflict: { '.tag': 'file' } } });
		expect((conflict.error as { upload_session_id: string }).upload_session_id).toMatch(/^pid_upload_session:/);
		expect(conflict.options.summary).toBe('path/conflict/file');
		const same = await upload('/a.txt', 'one');
		expect(same.rev).toBe(first.rev);
		const renamed = await upload('/a.txt', 'two', { autorename: true });
		expect(renamed.path_display).toBe('/a (1).txt');
		const renamedAgain = await upload('/A.TXT', 'three', { autorename: true });
		expect(renamedAgain.path_display).toBe('/A (2).TXT');
	});

	it('the session of a refused upload can be finished elsewhere', async () => {
		await upload('/a.txt', 'one');
		const refused = await world.failure('files/upload', { path: '/a.txt' }, { body: Buffer.from('second') });
		const sessionId = (refused.error as { upload_session_id: string }).upload_session_id;
		const meta = await world.json('files/upload_session/finish', { cursor: { session_id: sessionId, offset: 6 }, commit: { path: '/b.txt' } });
		expect(meta).toMatchObject({ path_display: '/b.txt', size: 6 });
	});

	it('overwrite keeps the id and makes a newer rev; update needs the current rev', async () => {
		const first = await upload('/f.txt', 'v1');
		const second = await upload('/F.txt', 'v2', { mode: 'overwrite' });
		expect(second.id).toBe(first.id);
		expect(second.name).toBe('f.txt');
		expect(parseInt(second.rev, 16)).toBeGreaterThan(parseInt(first.rev, 16));
		const stale = await world.failure('files/upload', { path: '/f.txt', mode: { '.tag': 'update', update: first.rev } }, { body: Buffer.from('v3') });
		expect(stale.error).toMatchObject({ reason: { '.tag': 'conflict', conflict: { '.tag': 'file' } } });
		const third = await upload('/f.txt', 'v3', { mode: { '.tag': 'update', update: second.rev } });
		expect(third.size).toBe(2);
		const copy = await upload('/f.txt', 'v4', { mode: { '.tag': 'update', update: first.rev }, autorename: true });
		expect(copy.path_display).toBe('/f (conflicted copy).txt');
		// strict_conflict: identical content at the path is a conflict too.
		const strict = await world.failure('files/upload', { path: '/f.txt', strict_conflict: true }, { body: Buffer.from('v3') });
		expect(strict.error).toMatchObject({ reason: { '.tag': 'conflict', conflict: { '.tag': 'file' } } });
	});

	it('refuses a folder in the way, a file ancestor, disallowed names, a bad content_hash', async () => {
		await world.json('files/create_folder_v2', { path: '/dir' });
		await upload('/file', 'x');
		const folder = await world.failure('files/upload', { path: '/dir' }, { body: Buffer.from('x') });
		expect(folder.error).toMatchObject({ reason: { '.tag': 'conflict', conflict: { '.tag': 'folder' } } });
		const ancestor = await world.failure('files/upload', { path: '/file/below.txt' }, { body: Buffer.from('x') });
		expect(ancestor.error).toMatchObject({ reason: { '.tag': 'conflict', conflict: { '.tag': 'file_ancestor' } } });
		const disallowed = await world.failure('files/upload', { path: '/desktop.ini' }, { body: Buffer.from('x') });
		expect(disallowed.error).toMatchObject({ reason: { '.tag': 'disallowed_name' } });
		const badHash = await world.failure('files/upload', { path: '/h.txt', content_hash: '0'.repeat(64) }, { body: Buffer.from('x') });
		expect(badHash.error).toEqual({ '.tag': 'content_hash_mismatch' });
		const goodHash = await upload('/h.txt', 'x', { content_hash: contentHashOf(Buffer.from('x')) });
		expect(goodHash.size).toBe(1);
	});

	it('answers payload_too_large for an upload body over 150 MiB', async () => {
		const mib = Buffer.alloc(1024 * 1024, 7);
		async function* oversized(): AsyncIterable<Buffer> {
			for (let i = 0; i < 151; i++) yield mib;
		}
		const error = await world.failure('files/upload', { path: '/big.bin' }, { body: oversized() });
		expect(error.status).toBe(409);
		expect(error.error).toEqual({ '.tag': 'payload_too_large' });
		expect(world.state.files.usedBytes(world.user)).toBe(0);
	});

	it('enforces the quota with insufficient_space and counts used bytes', async () => {
		const small = await makeFilesWorld();
		try {
			const account = { ...small.user, accountId: 'dbid:small', homeNamespaceId: '9999991', rootNamespaceId: '9999991', quotaBytes: 10 };
			await small.state.files.createAccountSpace(account);
			await small.json('files/upload', { path: '/a' }, { body: Buffer.from('12345678'), account });
			expect(small.state.files.usedBytes(account)).toBe(8);
			const full = await small.failure('files/upload', { path: '/b' }, { body: Buffer.from('123'), account });
			expect(full.error).toMatchObject({ reason: { '.tag': 'insufficient_space' } });
			await small.json('files/delete_v2', { path: '/a' }, { account });
			expect(small.state.files.usedBytes(account)).toBe(0);
		} finally {
			await small.close();
		}
	});

	it('create_folder_v2 conflicts and autorenames', async () => {
		const made = await world.json('files/create_folder_v2', { path: '/Projects' });
		expect(made.metadata).toMatchObject({ name: 'Projects', path_lower: '/projects' });
		expect(made.metadata['.tag']).toBeUndefined();
		const again = await world.failure('files/create_folder_v2', { path: '/projects' });
		expect(again.error).toEqual({ '.tag': 'path', path: { '.tag': 'conflict', conflict: { '.tag': 'folder' } } });
		const renamed = await world.json('files/create_folder_v2', { path: '/projects', autorename: true });
		expect(renamed.metadata.name).toBe('projects (1)');
	});

	it('delete_v2 removes a folder with its content and answers path_lookup for nothing', async () => {
		await upload('/d/x.txt', 'x');
		const deleted = await world.json('files/delete_v2', { path: '/d' });
		expect(deleted.metadata).toMatchObject({ '.tag': 'folder', name: 'd' });
		expect((await world.failure('files/get_metadata', { path: '/d/x.txt' })).error).toEqual({ '.tag': 'path', path: { '.tag': 'not_found' } });
		const missing = await world.failure('files/delete_v2', { path: '/d' });
		expect(missing.error).toEqual({ '.tag': 'path_lookup', path_lookup: { '.tag': 'not_found' } });
		const file = await upload('/e.txt', 'e');
		const wrongRev = await world.failure('files/delete_v2', { path: '/e.txt', parent_rev: '0123456789' });
		expect(wrongRev.error).toMatchObject({ '.tag': 'path_write' });
		await world.json('files/delete_v2', { path: '/e.txt', parent_rev: file.rev });
	});

	it('copy_v2 makes new ids; move_v2 keeps them; conflicts and nesting are refused', async () => {
		const original = await upload('/src/a.txt', 'a');
		const copied = await world.json('files/copy_v2', { from_path: '/src', to_path: '/copy' });
		expect(copied.metadata).toMatchObject({ '.tag': 'folder', path_display: '/copy' });
		const copiedFile = await world.json('files/get_metadata', { path: '/copy/a.txt' });
		expect(copiedFile.id).not.toBe(original.id);
		expect(copiedFile.content_hash).toBe(original.content_hash);
		expect(world.state.files.usedBytes(world.user)).toBe(2);

		const moved = await world.json('files/move_v2', { from_path: '/src/a.txt', to_path: '/moved/b.txt' });
		expect(moved.metadata).toMatchObject({ '.tag': 'file', id: original.id, path_display: '/moved/b.txt' });
		expect((await world.failure('files/get_metadata', { path: '/src/a.txt' })).status).toBe(409);

		const conflict = await world.failure('files/copy_v2', { from_path: '/copy/a.txt', to_path: '/moved/b.txt' });
		expect(conflict.error).toEqual({ '.tag': 'to', to: { '.tag': 'conflict', conflict: { '.tag': 'file' } } });
		const renamed = await world.json('files/copy_v2', { from_path: '/copy/a.txt', to_path: '/moved/b.txt', autorename: true });
		expect(renamed.metadata.name).toBe('b (1).txt');
		const missing = await world.failure('files/move_v2', { from_path: '/ghost', to_path: '/x' });
		expect(missing.error).toEqual({ '.tag': 'from_lookup', from_lookup: { '.tag': 'not_found' } });
		const intoItself = await world.failure('files/move_v2', { from_path: '/copy', to_path: '/copy/inner' });
		expect(intoItself.error).toEqual({ '.tag': 'cant_move_folder_into_itself' });
		const caseOnly = await world.json('files/move_v2', { from_path: '/copy', to_path: '/COPY' });
		expect(caseOnly.metadata.path_display).toBe('/COPY');
	});

	it('every mutation emits a change for the namespace', async () => {
		const seen: string[] = [];
		world.state.changes.on('change', (ns: string) => seen.push(ns));
		await upload('/a.txt', 'a');
		await world.json('files/create_folder_v2', { path: '/f' });
		await world.json('files/move_v2', { from_path: '/a.txt', to_path: '/f/a.txt' });
		await world.json('files/copy_v2', { from_path: '/f', to_path: '/g' });
		await world.json('files/delete_v2', { path: '/g' });
		expect(seen).toEqual(Array(5).fill(world.user.homeNamespaceId));
	});
});
