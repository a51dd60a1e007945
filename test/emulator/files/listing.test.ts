import { type FilesWorld, makeFilesWorld } from './testing/files-world';

describe('get_metadata, list_folder and cursors', () => {
	let world: FilesWorld;
	beforeEach(async () => {
		world = await makeFilesWorld();
		await world.state.files.seedDemoFiles(world.user);
	});
	afterEach(() => world.close());

	const names = (entries: { name: string }[]): string[] => entries.map((e) => e.name).sort();

	it('describes a file with the fields of FileMetadata', async () => {
		const meta = await world.json('files/get_metadata', { path: '/documents/REPORT.TXT' });
		expect(meta).toMatchObject({
			'.tag': 'file',
			name: 'report.txt',
			path_lower: '/documents/report.txt',
			path_display: '/Documents/report.txt',
			is_downloadable: true,
		});
		expect(meta.id).toMatch(/^id:[A-Za-z0-9_-]{22}$/);
		expect(meta.rev).toMatch(/^[0-9a-f]{9,}$/);
		expect(meta.server_modified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		expect(meta.content_hash).toMatch(/^[0-9a-f]{64}$/);
		const byId = await world.json('files/get_metadata', { path: meta.id });
		expect(byId.path_display).toBe('/Documents/report.txt');
		const byRev = await world.json('files/get_metadata', { path: `rev:${meta.rev}` });
		expect(byRev.id).toBe(meta.id);
	});

	it('answers LookupError not_found and a 400 for the root', async () => {
		const missing = await world.failure('files/get_metadata', { path: '/nope' });
		expect(missing.status).toBe(409);
		expect(missing.error).toEqual({ '.tag': 'path', path: { '.tag': 'not_found' } });
		const root = await world.failure('files/get_metadata', { path: '/' });
		expect(root.status).toBe(400);
		const malformed = await world.failure('files/get_metadata', { path: '/a//b' });
		expect(malformed.error).toEqual({ '.tag': 'path', path: { '.tag': 'malformed_path' } });
	});

	it('lists a folder, recursively with the folder itself first', async () => {
		const root = await world.json('files/list_folder', { path: '' });
		expect(names(root.entries)).toEqual(['Café', 'Documents', 'Getting Started.txt', 'Photos']);
		expect(root.has_more).toBe(false);
		const photos = await world.json('files/list_folder', { path: '/photos', recursive: true });
		expect(photos.entries.map((e: { path_display: string }) => e.path_display)).toEqual([
			'/Photos',
			'/Photos/Holiday',
			'/Photos/Holiday/beach.txt',
			'/Photos/pixel.png',
		]);
		const notFolder = await world.failure('files/list_folder', { path: '/Getting Started.txt' });
		expect(notFolder.error).toEqual({ '.tag': 'path', path: { '.tag': 'not_folder' } });
		expect((await world.failure('files/list_folder', { path: '/' })).status).toBe(400);
	});

	it('paginates with limit and has_more, then follows changes', async () => {
		const seen: string[] = [];
		let page = await world.json('files/list_folder', { path: '', recursive: true, limit: 2 });
		seen.push(...page.entries.map((e: { path_lower: string }) => e.path_lower));
		while (page.has_more) {
			expect(page.entries.length).toBeLessThanOrEqual(2);
			page = await world.json('files/list_folder/continue', { cursor: page.cursor });
			seen.push(...page.entries.map((e: { path_lower: string }) => e.path_lower));
		}
		expect(new Set(seen).size).toBe(seen.length);
		expect(seen).toHaveLength(9);

		await world.json('files/create_folder_v2', { path: '/New' });
		await world.json('files/delete_v2', { path: '/Documents' });
		const delta = await world.json('files/list_folder/continue', { cursor: page.cursor });
		expect(delta.entries).toEqual([
			expect.objectContaining({ '.tag': 'folder', path_display: '/New' }),
			{ '.tag': 'deleted', name: 'Documents', path_lower: '/documents', path_display: '/Documents' },
		]);
		const quiet = await world.json('files/list_folder/continue', { cursor: delta.cursor });
		expect(quiet.entries).toEqual([]);
	});

	it('get_latest_cursor sees only later changes, within its folder', async () => {
		const { cursor } = await world.json('files/list_folder/get_latest_cursor', { path: '/Photos' });
		await world.state.files.seedFile(world.user, '/Photos/new.png', Buffer.from('png'));
		await world.state.files.seedFile(world.user, '/Photos/Holiday/deep.txt', Buffer.from('deep'));
		await world.state.files.seedFile(world.user, '/elsewhere.txt', Buffer.from('x'));
		const delta = await world.json('files/list_folder/continue', { cursor });
		expect(delta.entries.map((e: { path_display: string }) => e.path_display)).toEqual(['/Photos/new.png']);
	});

	it('one entry per path: its latest state', async () => {
		const { cursor } = await world.json('files/list_folder/get_latest_cursor', { path: '', recursive: true });
		await world.state.files.seedFile(world.user, '/a.txt', Buffer.from('1'));
		await world.state.files.seedFile(world.user, '/a.txt', Buffer.from('2'));
		await world.json('files/delete_v2', { path: '/a.txt' });
		const delta = await world.json('files/list_folder/continue', { cursor });
		expect(delta.entries).toEqual([{ '.tag': 'deleted', name: 'a.txt', path_lower: '/a.txt', path_display: '/a.txt' }]);
	});

	it('include_deleted lists what was deleted', async () => {
		await world.json('files/delete_v2', { path: '/Photos/pixel.png' });
		const listing = await world.json('files/list_folder', { path: '/Photos', include_deleted: true });
		expect(listing.entries).toContainEqual({ '.tag': 'deleted', name: 'pixel.png', path_lower: '/photos/pixel.png', path_display: '/Photos/pixel.png' });
		const meta = await world.json('files/get_metadata', { path: '/Photos/pixel.png', include_deleted: true });
		expect(meta['.tag']).toBe('deleted');
	});

	it('cursors answer reset after cursors/reset, and a foreign string is a 400', async () => {
		const { cursor } = await world.json('files/list_folder/get_latest_cursor', { path: '' });
		world.state.files.resetCursors(world.user);
		const reset = await world.failure('files/list_folder/continue', { cursor });
		expect(reset.status).toBe(409);
		expect(reset.error).toEqual({ '.tag': 'reset' });
		expect((await world.failure('files/list_folder/continue', { cursor: 'not-a-cursor' })).status).toBe(400);
	});

	it('continue works with app authentication (no account)', async () => {
		const { cursor } = await world.json('files/list_folder/get_latest_cursor', { path: '' });
		await world.state.files.seedFile(world.user, '/x.txt', Buffer.from('x'));
		const delta = await world.json('files/list_folder/continue', { cursor }, { account: null });
		expect(delta.entries).toHaveLength(1);
	});
});
